// Issue 17, item 4, through the running service: Slack accepts a reminder's post, and the service is killed with
// SIGKILL before it records it (the post is held open by the stand-in, so the kill lands in exactly that window).
// The restarted service posts it again, as the contract allows, and the post itself says it may be a repeat.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { postedLines, reminderIdIn } from './support/reminder-logs.js';
import { startService, stopAllServices } from './support/service-process.js';
import { SIGNING_SECRET, isoSecondsAhead, postsWith, slashCommand, uniqueMarker } from './support/slack-channel.js';
import { waitUntil } from './support/wait-until.js';

let slack: SlackStandIn;
let dir: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-e2e-repeat-'));
});

afterAll(async () => {
  await stopAllServices();
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('after a kill -9 between Slack accepting a post and the record, the repeat says it may be one', async () => {
  const env = {
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-e2e-repeat',
    SLACK_API_URL: slack.apiUrl,
    CAAC_SCHEDULER_POLL_MS: '200',
    // A short lease, so that the restarted service takes the unrecorded occurrence over within seconds.
    CAAC_SCHEDULER_LEASE_MS: '4000',
  };
  const marker = uniqueMarker('Mali consultations');
  let holding = true;
  slack.reply('chat.postMessage', (b) =>
    holding && String(b.text).includes(marker)
      ? new Promise(() => undefined) // Slack has it; the answer never comes back to this process
      : { body: { ok: true, channel: b.channel, ts: '1717000200.000200' } },
  );
  const first = await startService(env);
  const { iso, at } = isoSecondsAhead(4);
  const id = reminderIdIn(
    await slashCommand(first.base, slack, `remind "${marker}" at ${iso}`, { channelId: 'C0E2EREPEAT' }),
  );
  await waitUntil(() => postsWith(slack, marker).length === 1, {
    what: 'the first post to reach Slack',
    timeoutMs: Math.max(0, at - Date.now()) + 15_000,
    detail: () => first.output().slice(-2000),
  });
  await first.kill9();
  expect(postedLines(first)).toHaveLength(0); // it never learnt that Slack had the post
  holding = false;

  const second = await startService(env);
  await waitUntil(() => postsWith(slack, marker).length >= 2, {
    what: 'the post again from the restarted service',
    timeoutMs: 20_000,
    detail: () => second.output().slice(-2000),
  });
  const again = postsWith(slack, marker)[1]!;
  expect(String(again.body.text)).toMatch(/^possible repeat: the service restarted while sending this · /);
  expect(JSON.stringify(again.body.blocks)).toContain('possible repeat: the service restarted while sending this');
  // The first post carried no such words: it was not a repeat.
  expect(String(postsWith(slack, marker)[0]!.body.text)).not.toContain('possible repeat');
  await waitUntil(() => postedLines(second, id).length === 1, { what: 'the posted log line', timeoutMs: 5_000 });
  expect(postedLines(second, id)[0]!.outcome).toBe('possible-repeat');
}, 90_000);
