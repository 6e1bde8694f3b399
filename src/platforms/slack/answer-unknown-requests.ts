// Slack requests no listener of ours takes: a slash command other than ours (an old name, a command added in the
// app settings but not here), a button whose action id we do not know (an old message's button after an upgrade),
// a shortcut, a modal or a menu. Bolt would leave each to its 3-second "unhandled request" timeout and answer 404,
// which Slack shows as an error; here each is acknowledged at once, and the unknown slash command says so.
// https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { escapeMrkdwn, truncate } from '../../render/answer-to-block-kit.js';
import type { RequestContext } from '../../core/ports.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import { listenerLog as reqLogOf, slackRequestContext } from './slack-answerer.js';
import type { ActionArgs } from './slack-buttons.js';
import type { SlashCommandArgs } from './slack-slash-command.js';

/**
 * Tells the user that `args`' slash command is not ours, naming ours (`known`, e.g. "/caac"), in the channel's
 * language (`languageOf`: the core's).
 */
export async function answerUnknownCommand(
  { command, ack, context }: SlashCommandArgs,
  known: string,
  log: Logger,
  languageOf: (context: RequestContext) => Promise<Lang>,
) {
  reqLogOf(context, log).warn(
    { slashCommand: truncate(command.command, 40) },
    'slack: unknown slash command acknowledged',
  );
  // Ephemeral, and the command's name escaped: a name is the client's text, and `text` is parsed by Slack.
  const name = escapeMrkdwn(truncate(command.command, 40));
  const lang = await languageOf(slackRequestContext(command.team_id, command.channel_id, command.user_id));
  await ack({ response_type: 'ephemeral', text: t(lang, 'slack.unknownCommand', { name, known }) });
}

/** Acknowledges an action (block buttons and menus, legacy attachment buttons, dialogs) that is not one of ours. */
export async function ackUnknownAction({ body, ack, context }: ActionArgs, actionId: string | undefined, log: Logger) {
  reqLogOf(context, log).warn(
    { type: body.type, actionId: actionId && truncate(actionId, 80) },
    'slack: unknown action acknowledged',
  );
  await ack();
}

/**
 * Registers one listener for each other kind: the manifest declares no shortcut, modal or external menu; should one
 * appear, it is closed politely.
 */
export function answerUnknownRequests(app: App, log: Logger): void {
  app.shortcut({}, async ({ body, ack, context }) => {
    reqLogOf(context, log).warn({ type: body.type }, 'slack: unknown shortcut acknowledged');
    await ack();
  });
  app.view({}, async ({ body, ack, context }) => {
    reqLogOf(context, log).warn({ type: body.type }, 'slack: unknown view acknowledged');
    await ack();
  });
  app.options({}, async ({ body, ack, context }) => {
    reqLogOf(context, log).warn({ type: body.type }, 'slack: unknown options request acknowledged');
    await ack({ options: [] });
  });
}
