// Start-up does not wait for Slack: with the Web API stand-in slow (auth.test held open) or down (SLACK_API_URL on a
// closed port), the service listens at once, /healthz answers, and `/caac mali` is answered in the acknowledgement
// without any call to Slack; the bot ids are found in the background, with bounded retries.
// (No clock is read: a start that waited for the held auth.test would never answer /healthz at all.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { readConfig } from '../../../src/config/read-config.js';
import { fixedClock } from '../../../src/core/clock.js';
import { createLogger } from '../../../src/logging.js';
import type { SlackBlock } from '../../../src/render/answer-to-block-kit.js';
import { captureLogs } from '../../support/capture-logs.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn, StandInReply } from '../../support/slack-stand-in.js';

const slash = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/slash-command.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const SECRET = 'startup-signing-secret-0123456789';

async function startService(apiUrl: string, retryDelaysMs: readonly number[]) {
  const dir = mkdtempSync(join(tmpdir(), 'caac-slack-startup-'));
  const logs = captureLogs();
  const read = readConfig({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-startup',
    SLACK_API_URL: apiUrl,
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
  });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  const app = createApp(
    { ...read.config, port: 0, host: '127.0.0.1' },
    {
      logger: createLogger({ level: 'debug', destination: logs }),
      scheduler: false,
      clock: fixedClock(new Date('2021-06-01T09:00:00Z')),
      slackBotIdRetryDelaysMs: retryDelaysMs,
    },
  );
  const { port } = await app.start();
  return { app, base: `http://127.0.0.1:${port}`, logs, dir };
}

// Asks `/caac mali` and returns the acknowledgement's body.
async function askMali(base: string, responseUrl: string) {
  const res = await postSigned(base, SECRET, slashCommandBody({ ...slash, text: 'mali', response_url: responseUrl }));
  expect(res.status).toBe(200);
  return (await res.json()) as { response_type: string; blocks: SlackBlock[] };
}

const header = (blocks: SlackBlock[]) => (blocks[0]?.type === 'header' ? blocks[0].text.text : '');

async function waitForLog(logs: ReturnType<typeof captureLogs>, predicate: (line: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 500 && !logs.lines().some(predicate); i++) await new Promise((r) => setTimeout(r, 10));
  return logs.lines().filter(predicate);
}

describe('Slack slow: auth.test held open', () => {
  let slack: SlackStandIn;
  let service: Awaited<ReturnType<typeof startService>>;
  let release: ((reply: StandInReply) => void) | undefined;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    slack.reply('auth.test', () => new Promise<StandInReply>((resolve) => (release = resolve)));
    service = await startService(slack.apiUrl, [60_000]);
  });
  afterAll(async () => {
    await service?.app.stop();
    await slack?.close();
    rmSync(service.dir, { recursive: true, force: true });
  });

  it('listens and serves /healthz while auth.test is unanswered', async () => {
    await slack.waitFor(() => release !== undefined);
    const res = await fetch(`${service.base}/healthz`);
    expect(res.status).toBe(200);
    expect(service.logs.lines().some((l) => l.msg === 'listening')).toBe(true);
    expect(service.logs.lines().some((l) => String(l.msg).startsWith('slack bot identified'))).toBe(false);
  });

  it('answers /caac mali in the ack, with no call to Slack on the answer path', async () => {
    const body = await askMali(service.base, slack.responseUrl('slow'));
    expect(body.response_type).toBe('ephemeral');
    expect(header(body.blocks)).toMatch(/^Mali/);
    // Only the one background auth.test, still held: the request asked Slack nothing.
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['auth.test']);
    expect(slack.responses).toEqual([]);
  });

  it('takes the bot ids once Slack answers', async () => {
    release!({ body: { ok: true, team_id: 'T0001ABCD', user_id: 'UBOT0001', bot_id: 'BBOT0001' } });
    const identified = await waitForLog(service.logs, (l) => String(l.msg).startsWith('slack bot identified'));
    expect(identified).toHaveLength(1);
    expect(identified[0]).toMatchObject({ botId: 'BBOT0001', botUserId: 'UBOT0001', attempts: 1 });
    const body = await askMali(service.base, slack.responseUrl('slow'));
    expect(header(body.blocks)).toMatch(/^Mali/);
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['auth.test']);
  });
});

describe('Slack down: SLACK_API_URL on a closed port', () => {
  let recorder: SlackStandIn;
  let service: Awaited<ReturnType<typeof startService>>;

  beforeAll(async () => {
    recorder = await startSlackStandIn(); // only to record that nothing goes to response_url
    service = await startService(`http://127.0.0.1:${await closedPort()}/api/`, [1, 1]);
  });
  afterAll(async () => {
    await service?.app.stop();
    await recorder?.close();
    rmSync(service.dir, { recursive: true, force: true });
  });

  it('serves /healthz and answers /caac mali in the ack', async () => {
    expect((await fetch(`${service.base}/healthz`)).status).toBe(200);
    const body = await askMali(service.base, recorder.responseUrl('down'));
    expect(header(body.blocks)).toMatch(/^Mali/);
    expect(recorder.responses).toEqual([]);
  });

  it('retries auth.test a bounded number of times, then says what to check', async () => {
    const gaveUp = await waitForLog(service.logs, (l) => String(l.msg).startsWith('slack auth.test gave up'));
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]!.msg).toMatch(
      /after 3 attempts \(Slack could not be reached: ECONNREFUSED\)\. Check SLACK_API_URL/,
    );
    expect(service.logs.lines().filter((l) => String(l.msg).startsWith('slack auth.test failed'))).toHaveLength(2);
    // Still answering after giving up.
    expect(header((await askMali(service.base, recorder.responseUrl('down'))).blocks)).toMatch(/^Mali/);
  });
});

// A port nothing listens on: bound, then released.
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
