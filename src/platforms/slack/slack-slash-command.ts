// `/caac …`: lookups are answered in the acknowledgement itself (from memory, nothing outbound); reminder commands,
// which write to the store and may ask Slack whether the bot can post, are acknowledged first and answered through
// response_url. https://docs.slack.dev/interactivity/implementing-slash-commands
import type { ServerResponse } from 'node:http';
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { needsChannel } from '../../core/commands/command-registry.js';
import { parseCommand } from '../../core/parse-command.js';
import { answerToBlockKit } from '../../render/answer-to-block-kit.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { slackRequestContext } from './slack-answerer.js';
import { slashAckBody } from './slash-ack-body.js';

/** A slash command's listener arguments, as Bolt passes them. */
export type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Answers our slash command. */
export async function answerSlashCommand(
  { command, ack, respond, context }: SlashCommandArgs,
  answer: SlackAnswerer,
): Promise<void> {
  const text = command.text ?? '';
  const ctx = slackRequestContext(
    command.team_id,
    command.channel_id,
    command.user_id,
    command.channel_name,
    command.enterprise_id,
  );
  const parsed = parseCommand(text);
  if (needsChannel(parsed)) {
    // Slack's 3 seconds: acknowledge first, then answer through response_url.
    await ack();
    const result = await answer(parsed, ctx, context);
    await respond({ response_type: 'ephemeral', ...(answerToBlockKit(result) as RespondArguments) });
    return;
  }
  const result = await answer(parsed, ctx, context);
  const share = result.outcome === 'answered' ? text : undefined;
  const response = context.response as ServerResponse | undefined;
  if (response && !response.headersSent) {
    // Over HTTP, the body serialised once per memoised answer (slash-ack-body.ts); Bolt writes a string body as it
    // is, so the JSON headers are ours to set.
    const body = slashAckBody(result, share);
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('content-length', body.bytes);
    await ack(body.json);
    return;
  }
  // Socket Mode sends the ack's object inside its envelope: no HTTP response to write.
  await ack({
    response_type: 'ephemeral',
    ...(answerToBlockKit(result, share !== undefined ? { shareCommand: share } : {}) as RespondArguments),
  });
}
