// Issue 5, through the running service: a Teams one-off is posted proactively, by the real process, to a stand-in
// Bot Connector on 127.0.0.1, through the conversation reference stored when the chat first messaged the bot.
// Unauthenticated (TEAMS_ALLOW_UNAUTHENTICATED=true, no app id), the service serves only a loopback serviceUrl,
// which is what the stand-in is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBotConnectorStandIn } from '../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../support/bot-connector-stand-in.js';
import { postedLines, reminderIdIn } from './support/reminder-logs.js';
import { startService, stopAllServices } from './support/service-process.js';
import type { ServiceProcess } from './support/service-process.js';
import { isoSecondsAhead, uniqueMarker } from './support/slack-channel.js';
import { sleep, waitUntil } from './support/wait-until.js';

const personal = JSON.parse(
  readFileSync(new URL('../fixtures/teams/message-personal.json', import.meta.url), 'utf8'),
) as {
  conversation: { id: string; tenantId: string };
  recipient: { id: string };
};
const CONVERSATION = personal.conversation.id;

let connector: BotConnectorStandIn;
let service: ServiceProcess;
let dir: string;

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-e2e-teams-'));
  service = await startService({
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    CAAC_SCHEDULER_POLL_MS: '200',
  });
}, 60_000);

afterAll(async () => {
  await stopAllServices();
  await connector?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A message in the personal chat, answered in the HTTP response (expectReplies), so that the connector only ever
// receives what the bot posts on its own.
async function say(text: string): Promise<string> {
  const res = await fetch(`${service.base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...personal,
      id: `e2e-${Date.now()}`,
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      text,
    }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`Teams message "${text}": ${res.status} ${body}`);
  return body;
}

const postsWith = (marker: string) =>
  connector.requests.filter((r) => r.method === 'POST' && JSON.stringify(r.body ?? {}).includes(marker));

it('delivers a one-off to the Bot Connector with the stored conversation reference', async () => {
  // The first message stores the chat's conversation reference (and is answered).
  expect(await say('caac help')).toMatch(/remind/);
  expect(connector.requests).toEqual([]);

  const marker = uniqueMarker('Mali consultations');
  const { iso, at } = isoSecondsAhead(4);
  const id = reminderIdIn(await say(`remind "${marker}" at ${iso}`));

  await waitUntil(() => postsWith(marker).length >= 1, {
    what: `the connector to receive "${marker}"`,
    timeoutMs: Math.max(0, at - Date.now()) + 15_000,
    detail: () =>
      `connector requests: ${JSON.stringify(connector.requests.map((r) => r.path))}\n${service.output().slice(-2000)}`,
  });
  await sleep(1_500); // several polls: nothing is posted again
  const posts = postsWith(marker);
  expect(posts).toHaveLength(1);
  const post = posts[0]!;
  // A new message in the stored conversation (not a reply to an activity), sent as the bot, in the stored tenant.
  expect(post.path).toBe(`/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities`);
  expect(post.body).toMatchObject({
    type: 'message',
    conversation: { id: CONVERSATION, tenantId: personal.conversation.tenantId },
    from: { id: personal.recipient.id },
  });
  expect(post.body).not.toHaveProperty('replyToId');
  expect(JSON.stringify(post.body)).toContain(`Reminder: ${marker}`);
  const lines = postedLines(service, id);
  expect(lines).toHaveLength(1);
  expect(lines[0]!.outcome).toBe('delivered');
  expect(lines[0]!.time).toBeGreaterThanOrEqual(at);
}, 40_000);
