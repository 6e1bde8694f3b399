// `@caac <command>` in a channel: the same grammar as /caac, answered for everyone in the thread of the mention (or
// in the thread the mention was made in). Bolt acknowledges the event before this runs (processBeforeResponse is off),
// so Slack's 3 seconds never wait for the answer; a retry of an event already taken is not answered twice.
// https://docs.slack.dev/reference/events/app_mention
import type { SayArguments } from '@slack/bolt';
import type { Logger } from 'pino';
import { parseCommand } from '../../core/parse-command.js';
import { answerToBlockKit } from '../../render/answer-to-block-kit.js';
import type { EventArgs } from './slack-app-events.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { listenerLog, slackRequestContext } from './slack-answerer.js';
import type { SlackEventLedger } from './slack-event-ledger.js';

/** What the mention listener needs. */
export interface MentionListenerDeps {
  answer: SlackAnswerer;
  log: Logger;
  /** Event ids already taken, shared by the replicas; without it (no database) every delivery is answered. */
  events?: SlackEventLedger;
}

/** Answers an `app_mention` event in its thread. */
export async function answerMention(
  { event, body, client, context }: EventArgs<'app_mention'>,
  { answer, log, events }: MentionListenerDeps,
): Promise<void> {
  const reqLog = listenerLog(context, log);
  const eventId = (body as { event_id?: unknown }).event_id;
  if (events && typeof eventId === 'string' && !(await events.firstSighting(eventId))) {
    reqLog.info({ event_id: eventId, retry: context.retryNum }, 'slack mention already answered: retry ignored');
    return;
  }
  if (!event.user || !event.text) return; // a mention with no author or text (an edited or bot message): nothing asked
  const teamId = (body as { team_id?: string }).team_id ?? context.teamId;
  const ctx = slackRequestContext(teamId, event.channel, event.user);
  const result = await answer(parseCommand(mentionCommandText(event.text)), ctx, context);
  try {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...(answerToBlockKit(result) as SayArguments),
    });
  } catch (err) {
    reqLog.warn({ err, event_id: eventId }, 'slack mention: the answer could not be posted');
  }
}

/**
 * The command in a mention's text: user mentions (the bot's among them) removed, and the three characters Slack
 * escapes in message text (& < >) given back, as the slash command's text has them.
 */
export function mentionCommandText(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
