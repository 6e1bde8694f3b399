// Slack requests no listener of ours takes: a slash command other than ours (an old name, a command added in the
// app settings but not here), a button whose action id we do not know (an old message's button after an upgrade),
// a shortcut, a modal or a menu. Bolt would leave each to its 3-second "unhandled request" timeout and answer 404,
// which Slack shows as an error; here each is acknowledged at once, and the unknown slash command says so.
// https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { escapeMrkdwn, truncate } from '../../render/answer-to-block-kit.js';

/** What the adapter's own listeners take, so that the fallbacks leave exactly those alone. */
export interface KnownSlackRequests {
  /** The slash command, e.g. "/caac". */
  command: string;
  /** Whether a block action id is one the adapter's action listener answers. */
  isKnownActionId(actionId: string): boolean;
}

/** Registers, after the adapter's own listeners, the ones that acknowledge everything else at once. */
export function answerUnknownRequests(app: App, known: KnownSlackRequests, log: Logger): void {
  const reqLogOf = (context: Record<string, unknown>) => (context.requestLog as Logger | undefined) ?? log;

  app.command(new RegExp(`^(?!${escapeRegExp(known.command)}$)`), async ({ command, ack, context }) => {
    reqLogOf(context).warn(
      { slashCommand: truncate(command.command, 40) },
      'slack: unknown slash command acknowledged',
    );
    // Ephemeral, and the command's name escaped: a name is the client's text, and `text` is parsed by Slack.
    const name = escapeMrkdwn(truncate(command.command, 40));
    await ack({
      response_type: 'ephemeral',
      text: `This app does not know the command ${name}. Try \`${known.command} help\` to see what it answers.`,
    });
  });

  // Every action kind: block buttons and menus, legacy attachment buttons, dialogs. Bolt hands a payload to every
  // listener that matches, and a second ack throws, so this one steps aside for the ids the adapter answers.
  app.action({}, async ({ body, payload, ack, context }) => {
    const actionId =
      body.type === 'block_actions' && typeof (payload as { action_id?: unknown }).action_id === 'string'
        ? (payload as { action_id: string }).action_id
        : undefined;
    if (actionId !== undefined && known.isKnownActionId(actionId)) return;
    reqLogOf(context).warn(
      { type: body.type, actionId: actionId && truncate(actionId, 80) },
      'slack: unknown action acknowledged',
    );
    await ack();
  });

  // The manifest declares no shortcut, modal or external menu; should one appear, it is closed politely.
  app.shortcut({}, async ({ body, ack, context }) => {
    reqLogOf(context).warn({ type: body.type }, 'slack: unknown shortcut acknowledged');
    await ack();
  });
  app.view({}, async ({ body, ack, context }) => {
    reqLogOf(context).warn({ type: body.type }, 'slack: unknown view acknowledged');
    await ack();
  });
  app.options({}, async ({ body, ack, context }) => {
    reqLogOf(context).warn({ type: body.type }, 'slack: unknown options request acknowledged');
    await ack({ options: [] });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
