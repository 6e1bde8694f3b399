// Issue 6: `remind drc` in a Slack channel schedules MONUSCO's expiry reminders, from the real dataset. The whole
// service runs in this process (createApp: Bolt's receiver with signed requests, a SQLite file, the scheduler
// polling every 200 ms) on an injected clock, so the dates stay exact whatever day the suite runs: on 28 November
// 2026 the next firing is 7 days before MONUSCO's mandate expires on 20 December 2026, and on that morning the
// channel gets the reminder once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { CaacApp } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import { manualClock } from '../support/manual-clock.js';
import { createLogger } from '../../src/logging.js';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { SIGNING_SECRET, slashCommand } from './support/slack-channel.js';
import { sleep, waitUntil } from './support/wait-until.js';

const clock = manualClock(new Date('2026-11-28T10:00:00Z'));
const CHANNEL = 'C0E2EDRC';
let slack: SlackStandIn;
let app: CaacApp;
let base: string;
let dir: string;
// The service's log lines, shown when a wait fails.
const logs: string[] = [];

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-e2e-drc-'));
  const read = readConfig({
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-e2e-drc',
    SLACK_API_URL: slack.apiUrl,
    CAAC_SCHEDULER_POLL_MS: '200',
  });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  // Signatures are checked against real time by Bolt; everything the bot computes follows the injected clock.
  app = createApp(
    { ...read.config, port: 0, host: '127.0.0.1' },
    { clock, logger: createLogger({ level: 'info', destination: { write: (line: string) => void logs.push(line) } }) },
  );
  base = `http://127.0.0.1:${(await app.start()).port}`;
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const monuscoPosts = () =>
  slack.apiCalls.filter((c) => c.path === 'chat.postMessage' && /MONUSCO/.test(JSON.stringify(c.body)));

it("schedules MONUSCO's expiry reminders and posts the 7-day one once on its morning", async () => {
  const set = await slashCommand(base, slack, 'remind drc', { channelId: CHANNEL });
  expect(set).toContain('Reminders set for Democratic Republic of the Congo in this channel');
  // 30 days before (20 November) has passed: the next ones are 7 days and 1 day before, at 09:00 UTC.
  expect(set).toMatch(/13 December 2026, 09:00 UTC[^"]*7d before: MONUSCO's mandate expires/);
  expect(set).toMatch(/19 December 2026, 09:00 UTC[^"]*1d before: MONUSCO's mandate expires/);
  expect(set).toContain('20 December 2026');

  const listed = await slashCommand(base, slack, 'reminders', { channelId: CHANNEL });
  expect(listed).toContain('Democratic Republic of the Congo: 30d, 7d, 1d at 09:00 UTC');
  expect(listed).toContain("next: 13 December 2026, 09:00 UTC (7d before MONUSCO's mandate expires");

  // Polls before the day post nothing.
  await sleep(600);
  expect(monuscoPosts()).toEqual([]);

  clock.set(new Date('2026-12-13T09:00:05Z'));
  await waitUntil(() => monuscoPosts().length >= 1, {
    what: 'the MONUSCO reminder on 13 December',
    timeoutMs: 10_000,
    detail: () => `Web API calls: ${slack.apiCalls.map((c) => c.path).join(', ')}\nlog:\n${logs.slice(-15).join('')}`,
  });
  await sleep(1_000); // several more polls: posted once
  const posts = monuscoPosts();
  expect(posts).toHaveLength(1);
  expect(posts[0]!.body.channel).toBe(CHANNEL);
  expect(String(posts[0]!.body.text)).toBe("MONUSCO's mandate expires in 7 days — 20 December 2026");
  const blocks = JSON.stringify(posts[0]!.body.blocks);
  expect(blocks).toContain('2808 (2025)');
  expect(blocks).toMatch(/as of/);
  expect(blocks).toContain('Stop these reminders');

  const after = await slashCommand(base, slack, 'reminders', { channelId: CHANNEL });
  expect(after).toContain("next: 19 December 2026, 09:00 UTC (1d before MONUSCO's mandate expires");
}, 40_000);
