// A Slack user typing /caac in a channel, end to end: the slash command is signed and form-encoded as Slack sends
// it (the anonymised fixture), and the answer of a reminder command is read where Slack would show it, from the
// response_url post the service makes after its acknowledgement.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { postSigned, slashCommandBody } from '../../support/slack-stand-in.js';
import type { RecordedCall, SlackStandIn } from '../../support/slack-stand-in.js';
import { waitUntil } from './wait-until.js';

/** The signing secret every e2e service is started with. */
export const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';

const slash = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/slash-command.json', import.meta.url), 'utf8'),
) as Record<string, string>;

/** Where a command is typed: the channel, and who types it. */
export interface SlackSender {
  channelId: string;
  userId?: string;
}

/** Sends `/caac <text>` to the service and returns the answer posted to response_url (its JSON, as text). */
export async function slashCommand(
  base: string,
  slack: SlackStandIn,
  text: string,
  from: SlackSender,
): Promise<string> {
  const id = randomUUID();
  const body = slashCommandBody({
    ...slash,
    text,
    channel_id: from.channelId,
    channel_name: from.channelId.toLowerCase(),
    user_id: from.userId ?? slash.user_id!,
    response_url: slack.responseUrl(id),
  });
  const res = await postSigned(base, SIGNING_SECRET, body);
  if (res.status !== 200) throw new Error(`/caac ${text}: the service answered ${res.status} ${await res.text()}`);
  const find = (): RecordedCall | undefined => slack.responses.find((r) => r.path === `/response/${id}`);
  await waitUntil(() => find() !== undefined, {
    what: `the answer to "/caac ${text}" at response_url`,
    timeoutMs: 15_000,
  });
  return JSON.stringify(find()!.body);
}

/** The chat.postMessage calls whose notification text carries `marker`. */
export function postsWith(slack: SlackStandIn, marker: string): RecordedCall[] {
  return slack.apiCalls.filter((c) => c.path === 'chat.postMessage' && String(c.body.text ?? '').includes(marker));
}

/** A whole second at least `secondsAhead` from now, as ISO 8601 with the Paris offset (as a user would type it). */
export function isoSecondsAhead(secondsAhead: number): { iso: string; at: number } {
  const at = Math.ceil((Date.now() + secondsAhead * 1000) / 1000) * 1000;
  return { iso: DateTime.fromMillis(at, { zone: 'Europe/Paris' }).toISO({ suppressMilliseconds: true })!, at };
}

/** A marker unique to one test run, so counts never mix runs or tests. */
export function uniqueMarker(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}
