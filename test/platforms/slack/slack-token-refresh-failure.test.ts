// Token rotation when Slack refuses the refresh token: the workspace's reminders are disabled, with one clear log
// line, one call to Slack (not one per reminder or per poll), nothing posted with the expired token, and the service
// keeps serving. The bot's clock is injected and moved 11 hours on, into the last two hours of the token's life.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../support/manual-clock.js';
import { createLogger } from '../../../src/logging.js';
import { SIGNING_SECRET, slashCommand, uniqueMarker } from '../../e2e/support/slack-channel.js';
import { waitUntil } from '../../e2e/support/wait-until.js';
import { captureLogs } from '../../support/capture-logs.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';
import { installThroughBrowser, rotatingOAuth } from '../../support/rotating-oauth.js';
import type { RotatingOAuth } from '../../support/rotating-oauth.js';
import { startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

const HOUR = 3_600_000;
const clock = manualClock(new Date());
const logs = captureLogs();
let slack: SlackStandIn;
let oauth: RotatingOAuth;
let service: TestService;
let dir: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  oauth = rotatingOAuth(slack, 12 * 3600);
  dir = mkdtempSync(join(tmpdir(), 'caac-refresh-'));
  service = await startTestService(
    {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret-for-tests',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_API_URL: slack.apiUrl,
      CAAC_SCHEDULER_POLL_MS: '200',
      CAAC_DB_PATH: join(dir, 'caac.sqlite'),
      CAAC_SECRETS_KEY: Buffer.alloc(32, 3).toString('base64'),
    },
    { clock, logger: createLogger({ level: 'info', destination: logs }) },
  );
  expect((await installThroughBrowser(service.base)).status).toBe(200);
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a refresh token Slack refuses', () => {
  it("disables the workspace's reminders with one log line and one refresh attempt, posting nothing", async () => {
    const at = (hours: number) =>
      DateTime.fromMillis(clock.now().getTime() + hours * HOUR)
        .toUTC()
        .toISO()!;
    const markers = [uniqueMarker('first'), uniqueMarker('second')];
    for (const [i, marker] of markers.entries()) {
      const set = await slashCommand(service.base, slack, `remind "${marker}" at ${at(1 + i)}`, {
        channelId: `C0REFRESH${i}`,
      });
      expect(set).toMatch(/Reminder [a-z0-9]+ set/);
    }
    expect(oauth.refreshCalls()).toEqual([]); // a fresh 12-hour token needs no refresh

    oauth.refreshError = 'invalid_refresh_token';
    clock.advance(11 * HOUR);
    const disabled = () => {
      const file = new Database(join(dir, 'caac.sqlite'), { readonly: true });
      try {
        return file.prepare('select disabled_reason from reminders where disabled_at is not null').all() as Array<{
          disabled_reason: string;
        }>;
      } finally {
        file.close();
      }
    };
    await waitUntil(() => disabled().length === 2, {
      what: 'both reminders disabled',
      timeoutMs: 20_000,
      detail: () => logs.text().slice(-3000),
    });
    for (const row of disabled()) expect(row.disabled_reason).toMatch(/refused to refresh.*invalid_refresh_token/);
    expect(oauth.refreshCalls()).toHaveLength(1);
    expect(slack.apiCalls.filter((c) => c.path === 'chat.postMessage')).toEqual([]);
    const refreshLines = logs.lines().filter((l) => /could not be refreshed/.test(String(l.msg)));
    expect(refreshLines).toHaveLength(1);
    expect(refreshLines[0]).toMatchObject({ level: 'error', team: 'T0001ABCD', error: 'invalid_refresh_token' });
    expect(logs.text()).not.toContain('xoxe');
    expect((await fetch(`${service.base}/healthz`)).status).toBe(200);
  }, 40_000);
});
