// Issue 5, through the running service: a one-off is set by signed slash command, the service is killed with
// SIGKILL before it is due (no shutdown hook runs), and a new process on the same SQLite file posts it exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { postedLines, reminderIdIn } from './support/reminder-logs.js';
import { startService, stopAllServices } from './support/service-process.js';
import { SIGNING_SECRET, isoSecondsAhead, postsWith, slashCommand, uniqueMarker } from './support/slack-channel.js';
import { sleep, waitUntil } from './support/wait-until.js';

let slack: SlackStandIn;
let dir: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-e2e-crash-'));
});

afterAll(async () => {
  await stopAllServices();
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('posts a one-off exactly once, after a kill -9 between setting it and its time and a restart', async () => {
  const env = {
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-e2e-crash',
    SLACK_API_URL: slack.apiUrl,
    CAAC_SCHEDULER_POLL_MS: '200',
  };
  const first = await startService(env);
  const marker = uniqueMarker('Mali consultations');
  const { iso, at } = isoSecondsAhead(6);
  const id = reminderIdIn(
    await slashCommand(first.base, slack, `remind "${marker}" at ${iso}`, { channelId: 'C0E2ECRASH' }),
  );

  await first.kill9();
  // The crash came before the reminder's time: the first process posted nothing.
  expect(Date.now(), 'the service was killed only after the reminder fell due; the test proves nothing').toBeLessThan(
    at,
  );
  expect(postsWith(slack, marker)).toHaveLength(0);
  expect(postedLines(first)).toHaveLength(0);

  const second = await startService(env);
  await waitUntil(() => postsWith(slack, marker).length >= 1, {
    what: `chat.postMessage with "${marker}" from the restarted service`,
    timeoutMs: Math.max(0, at - Date.now()) + 15_000,
    detail: () => second.output().slice(-2000),
  });
  await sleep(1_500); // several polls: nothing is posted again
  expect(postsWith(slack, marker)).toHaveLength(1);
  const lines = postedLines(second, id);
  expect(lines).toHaveLength(1);
  // On time if the restart beat the due time; marked late if it came more than the late threshold after it.
  expect(['delivered', 'late']).toContain(lines[0]!.outcome);
  expect(lines[0]!.time).toBeGreaterThanOrEqual(Math.max(at, second.listeningAt - 1_000));

  // A clean stop now, then a third start: a restart after delivery never repeats it.
  expect(await second.stop()).toBe(0);
  const third = await startService(env);
  await sleep(1_500);
  expect(postsWith(slack, marker)).toHaveLength(1);
  expect(postedLines(third)).toHaveLength(0);
}, 90_000);
