// The slash command's acknowledgement is serialised once per memoised answer (slash-ack-body.ts). Through the running
// service and Bolt's real receiver: a repeated command gets the same bytes, each spelling its own Share payload,
// each sharer their own "Shared by", and a reloaded dataset a fresh body. Also: one log line per request.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import type { CaacApp } from '../../../src/app.js';
import { readConfig } from '../../../src/config/read-config.js';
import { fixedClock } from '../../../src/core/clock.js';
import { createLogger } from '../../../src/logging.js';
import type { SlackBlock, SlackButton } from '../../../src/render/answer-to-block-kit.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

const fixtures = new URL('../../fixtures/slack/', import.meta.url);
const slash = JSON.parse(readFileSync(new URL('slash-command.json', fixtures), 'utf8')) as Record<string, string>;
const shareAction = JSON.parse(readFileSync(new URL('block-actions-share.json', fixtures), 'utf8')) as Record<
  string,
  unknown
>;
const SECRET = 'test-signing-secret-0123456789';

let slack: SlackStandIn;
let app: CaacApp;
let base: string;
let dir: string;
const logChunks: string[] = [];
const logLines = () =>
  logChunks
    .join('')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-slack-ack-'));
  // A copy of the dataset, so the reload test can edit it.
  cpSync(fileURLToPath(new URL('../../../data/', import.meta.url)), join(dir, 'data'), { recursive: true });
  const read = readConfig({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    CAAC_DATA_DIR: join(dir, 'data'),
  });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logChunks.push(chunk.toString());
      done();
    },
  });
  app = createApp(
    { ...read.config, port: 0, host: '127.0.0.1' },
    {
      logger: createLogger({ level: 'info', destination: stream }),
      scheduler: false,
      watchDataset: true,
      // This file sends many commands from one user: rate limits are tested elsewhere (and would answer in place).
      rateLimiter: { take: () => ({ ok: true }), size: () => 0 },
      clock: fixedClock(new Date('2021-06-01T09:00:00Z')),
    },
  );
  base = `http://127.0.0.1:${(await app.start()).port}`;
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function command(
  text: string,
  who: Record<string, string> = {},
): Promise<{ bytes: string; contentType: string | null; length: string | null }> {
  const res = await postSigned(
    base,
    SECRET,
    slashCommandBody({ ...slash, ...who, text, response_url: slack.responseUrl('cmd') }),
  );
  expect(res.status).toBe(200);
  return {
    bytes: await res.text(),
    contentType: res.headers.get('content-type'),
    length: res.headers.get('content-length'),
  };
}

const buttonsOf = (body: string) =>
  (JSON.parse(body) as { blocks: SlackBlock[] }).blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements : [],
  ) as SlackButton[];

describe('the cached acknowledgement', () => {
  it('gives a repeated command the same bytes, as JSON with its length, to any user in any channel', async () => {
    const first = await command('mali');
    const again = await command('mali');
    const elsewhere = await command('mali', { user_id: 'U0999OTHER', channel_id: 'C0999OTHER', team_id: 'T0999OTHER' });
    expect(first.contentType).toBe('application/json; charset=utf-8');
    expect(Number(first.length)).toBe(Buffer.byteLength(first.bytes));
    expect(JSON.parse(first.bytes)).toMatchObject({ response_type: 'ephemeral' });
    expect(again.bytes).toBe(first.bytes);
    expect(elsewhere.bytes).toBe(first.bytes);
    expect(slack.apiCalls.filter((c) => c.path !== 'auth.test')).toEqual([]);
  });

  it('gives each spelling of one answer its own Share payload', async () => {
    const lower = await command('mali');
    const iso = await command('MLI', { user_id: 'U0999OTHER' });
    expect(buttonsOf(lower.bytes)[0]).toMatchObject({ action_id: 'caac_share:0', value: 'mali' });
    expect(buttonsOf(iso.bytes)[0]).toMatchObject({ action_id: 'caac_share:0', value: 'MLI' });
    // The same answer otherwise: only the share value differs.
    expect(iso.bytes.replace('"value":"MLI"', '"value":"mali"')).toBe(lower.bytes);
    expect((await command('mali')).bytes).toBe(lower.bytes);
  });

  it('names each sharer in their own shared message, and leaves the cached ack without any of them', async () => {
    const before = await command('mali');
    slack.responses.length = 0;
    for (const user of ['U0123USER', 'U0456SECOND']) {
      const payload = {
        ...shareAction,
        user: { ...(shareAction.user as object), id: user },
        response_url: slack.responseUrl(`share-${user}`),
      };
      const res = await postSigned(base, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
      expect(res.status).toBe(200);
    }
    await slack.waitFor(() => slack.responses.length === 2);
    const shared = slack.responses.map((r) => JSON.stringify(r.body));
    expect(shared[0]).toContain('Shared by <@U0123USER>');
    expect(shared[0]).not.toContain('U0456SECOND');
    expect(shared[1]).toContain('Shared by <@U0456SECOND>');
    expect(shared[1]).not.toContain('<@U0123USER>');
    const after = await command('mali');
    expect(after.bytes).toBe(before.bytes);
    expect(after.bytes).not.toContain('Shared by');
  });

  it('writes one log line per command request, with the command and its outcome', async () => {
    const from = logLines().length;
    await command('mali');
    const lines = logLines().slice(from);
    expect(lines.filter((l) => l.msg === 'slack command answered')).toEqual([]);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: '/slack/events', status: 200, command: 'lookup', outcome: 'answered' });
    expect(typeof requests[0]!.ms).toBe('number');
  });

  it('renders afresh after the dataset reloads', async () => {
    const before = await command('mali');
    expect(before.bytes).toContain('France');
    const file = join(dir, 'data', 'countries', 'mali.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '- { value: France, source: watchlist-2021-06-mali }',
        '- { value: Francia, source: watchlist-2021-06-mali }',
      ),
    );
    // The holder reloads on the file event (debounced); poll for the new answer rather than sleep a fixed time.
    let after = before;
    for (let i = 0; i < 100 && after.bytes === before.bytes; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await command('mali');
    }
    expect(after.bytes).toContain('Francia');
    expect(after.bytes.replace('Francia', 'France')).toBe(before.bytes);
  });
});
