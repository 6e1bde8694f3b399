// Our answers' buttons: "Share in channel" posts the answer for everyone through response_url; a suggestion or
// next-command button answers privately, in place of the ephemeral answer it was on.
// https://docs.slack.dev/interactivity/handling-user-interaction
import type { AllMiddlewareArgs, BlockAction, RespondArguments, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseCommand } from '../../core/parse-command.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import { SLACK_ACTION_IDS, answerToBlockKit, escapeMrkdwn, truncate } from '../../render/answer-to-block-kit.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { slackRequestContext } from './slack-answerer.js';

/** An action's listener arguments, as Bolt passes them. */
export type ActionArgs = SlackActionMiddlewareArgs & AllMiddlewareArgs;

/** The action id of a block action's first element, when it has one. */
export function blockActionId({ body, payload }: ActionArgs): string | undefined {
  const id = body.type === 'block_actions' ? (payload as { action_id?: unknown }).action_id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Answers one of our buttons (a block action whose id is one of ours). */
export async function answerButton(args: ActionArgs, answer: SlackAnswerer): Promise<void> {
  const { ack, respond, context } = args;
  const body = args.body as BlockAction;
  const action = args.payload as { action_id: string; value?: string };
  await ack();
  if (!body.response_url) return; // a view's buttons have no response_url; our views carry none
  const text = action.value ?? '';
  const ctx = slackRequestContext(
    body.team?.id ?? body.user.team_id,
    body.channel?.id,
    body.user.id,
    body.channel?.name,
    body.enterprise?.id,
  );
  const result = await answer(parseCommand(text), ctx, context);
  if (action.action_id.startsWith(SLACK_ACTION_IDS.share)) {
    // Posted through response_url, which works where the bot is not a member; the sharer is named by id only when
    // Slack's id has the expected shape, so no text of ours can become a mention.
    const message = answerToBlockKit(result);
    if (/^[UW][A-Z0-9]{2,20}$/.test(body.user.id)) {
      message.blocks.push({
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            // In the answer's language, which follows the channel's `lang`.
            text: t(result.lang ?? DEFAULT_LANG, 'slack.sharedBy', {
              user: `<@${body.user.id}>`,
              command: escapeCommand(text),
            }),
            verbatim: true,
          },
        ],
      });
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...(message as RespondArguments) });
    return;
  }
  const ephemeral = body.container?.is_ephemeral === true;
  const share = result.outcome === 'answered' ? text : undefined;
  await respond({
    response_type: 'ephemeral',
    replace_original: ephemeral,
    ...(answerToBlockKit(result, share !== undefined ? { shareCommand: share } : {}) as RespondArguments),
  });
}

// The command as the sharer typed it, shortened before escaping so that no entity is cut in half.
function escapeCommand(text: string): string {
  return escapeMrkdwn(truncate(text, 200));
}
