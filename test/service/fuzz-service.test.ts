// Fuzz (fast-check) over the running service's endpoints: random slash-command bodies and interactivity payloads,
// correctly signed, random Teams activities (Emulator mode, replies to a loopback stand-in), random bytes. Never a
// 5xx, never a stack trace in a response; oversized bodies get 413; a refused request changes no state; the
// rate limit answers politely; a dataset change is served without restart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { CaacApp } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import { manualClock } from '../support/manual-clock.js';
import { defaultDataDir } from '../../src/dataset/load-dataset.js';
import { createRateLimiter } from '../../src/http/rate-limit.js';
import { createLogger } from '../../src/logging.js';
import { postSigned as postSignedToSlack, slackSignature, startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { startBotConnectorStandIn } from '../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../support/bot-connector-stand-in.js';
import { captureLogs } from '../support/capture-logs.js';

const SECRET = 'fuzz-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-fuzz-1234567890-secret-token-value';
// A stack frame ("at fn (file.js:1:2)") or a raw Node error name in a body is a leak.
const STACK = /\.(?:js|ts|mjs|cjs):\d+:\d+|node_modules\/|TypeError:|ReferenceError:|SyntaxError: /;
// Each request gets a deadline: a request the service never answers is a finding, not a test timeout.
const DEADLINE_MS = 10_000;

let slack: SlackStandIn;
let connector: BotConnectorStandIn;
let app: CaacApp;
let base: string;
let dir: string;
let dataDir: string;
const logs = captureLogs();
const limiterClock = manualClock(new Date('2026-01-01T00:00:00Z'));

beforeAll(async () => {
  slack = await startSlackStandIn();
  connector = await startBotConnectorStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-fuzz-service-'));
  dataDir = join(dir, 'data');
  cpSync(defaultDataDir(), dataDir, { recursive: true });
  const read = readConfig({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    CAAC_DATA_DIR: dataDir,
  });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  app = createApp(
    { ...read.config, port: 0, host: '127.0.0.1' },
    {
      logger: createLogger({ level: 'debug', destination: logs, secrets: [SECRET, BOT_TOKEN] }),
      scheduler: false,
      watchDataset: true,
      rateLimiter: createRateLimiter({ clock: limiterClock, perUser: { capacity: 3, perMinute: 1 } }),
    },
  );
  const { port } = await app.start();
  base = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every answer from the service: below 500, and no stack trace in it. */
async function expectSafe(res: Response, allow: number[] = []): Promise<string> {
  const text = await res.text();
  if (!allow.includes(res.status)) expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  expect(text).not.toMatch(STACK);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(BOT_TOKEN);
  return text;
}

/** POSTs to /slack/events signed as Slack signs it, with a deadline. */
function postSigned(
  baseUrl: string,
  secret: string,
  body: string,
  options: { contentType?: string; timestamp?: number; signature?: string } = {},
): Promise<Response> {
  return postSignedToSlack(baseUrl, secret, body, { ...options, signal: AbortSignal.timeout(DEADLINE_MS) });
}

/** POSTs a JSON body to /api/messages, with a deadline. */
function postActivity(body: string): Promise<Response> {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(DEADLINE_MS),
  });
}

// Each request's rate-limit bucket is full: the fuzz is about input, not about the limit (tested below).
const refill = () => limiterClock.advance(3_600_000);

const WORDS = [
  'mali',
  'MLI',
  'mnla',
  'help',
  'codes',
  'recs mali',
  'renewals',
  'search schools',
  'remind mali',
  'remind "x" at 2026-12-03T09:30:00+01:00',
  'reminders',
  'forget r1',
  'group ansar',
  '<!channel>',
  '<@U1>',
  '*x*',
  '&lt;',
  '\u202e',
  '🇲🇱',
  '"',
  'caac',
];
const text = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);
const slackId = (prefix: string) =>
  fc.oneof(
    fc.constant(`${prefix}0FUZZ`),
    fc.stringMatching(new RegExp(`^${prefix}[A-Z0-9]{1,11}$`)),
    fc.string({ maxLength: 20 }),
  );

describe('fuzz: POST /slack/events', () => {
  it.each(['valueOf', 'toString', '__proto__', 'constructor'])(
    'refuses the team id %j with 400, not 500',
    async (id) => {
      // A counterexample fast-check found: Bolt looks its Web API clients up by team id in a plain object.
      refill();
      const res = await postSigned(base, SECRET, new URLSearchParams({ team_id: id, command: '/caac' }).toString());
      expect(res.status).toBe(400);
    },
  );

  it('random slash-command bodies, correctly signed: never 5xx, never a stack trace', async () => {
    const body = fc.record(
      {
        token: fc.string({ maxLength: 30 }),
        team_id: slackId('T'),
        channel_id: slackId('C'),
        channel_name: fc.string({ maxLength: 30 }),
        user_id: slackId('U'),
        command: fc.oneof(fc.constant('/caac'), fc.string({ maxLength: 10 })),
        text,
        api_app_id: fc.string({ maxLength: 12 }),
        trigger_id: fc.string({ maxLength: 40 }),
        response_url: fc.oneof(
          fc.constant(undefined),
          fc.constant('not a url'),
          fc.string({ maxLength: 20 }).map((s) => slack.responseUrl(encodeURIComponent(s) || 'r')),
        ),
        extra: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(body, async (fields) => {
        refill();
        const form = new URLSearchParams(
          Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        await expectSafe(await postSigned(base, SECRET, form.toString()));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('random interactivity payloads, correctly signed: never 5xx, never a stack trace', async () => {
    const action = fc.record(
      {
        action_id: fc.oneof(
          fc.constantFrom('caac_share:0', 'caac_run:0', 'caac_run:1', 'caac_forget:0', 'caac_share'),
          fc.string({ maxLength: 20 }),
        ),
        value: fc.oneof(
          text,
          fc.constant(''),
          fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        ),
        type: fc.constantFrom('button', 'static_select', 'overflow'),
        block_id: fc.string({ maxLength: 10 }),
      },
      { requiredKeys: [] },
    );
    const payload = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'message_action', 'view_closed'),
          fc.string({ maxLength: 12 }),
        ),
        team: fc.oneof(
          fc.record({ id: slackId('T'), domain: fc.string({ maxLength: 10 }) }),
          fc.constant(null),
          fc.string(),
        ),
        user: fc.oneof(fc.record({ id: slackId('U'), name: fc.string({ maxLength: 10 }) }), fc.constant(null)),
        channel: fc.oneof(fc.record({ id: slackId('C'), name: fc.string({ maxLength: 10 }) }), fc.constant(null)),
        api_app_id: fc.string({ maxLength: 12 }),
        trigger_id: fc.string({ maxLength: 20 }),
        actions: fc.oneof(fc.array(action, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })),
        response_url: fc.constant('RESPONSE_URL'),
        container: fc.jsonValue({ maxDepth: 2 }),
        message: fc.oneof(
          fc.constant(undefined),
          fc.record({ ts: fc.string({ maxLength: 16 }), text: fc.string({ maxLength: 40 }) }),
        ),
        view: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          payload.map((p) => JSON.stringify(p)),
          fc.string({ maxLength: 200 }),
        ),
        async (raw) => {
          refill();
          const json = raw.replace('"RESPONSE_URL"', JSON.stringify(slack.responseUrl('fuzz')));
          await expectSafe(await postSigned(base, SECRET, new URLSearchParams({ payload: json }).toString()));
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('random bodies and content types, correctly signed: never 5xx, never a stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', 'multipart/form-data'),
        async (body, contentType) => {
          await expectSafe(await postSigned(base, SECRET, body, { contentType }));
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('refuses bad signatures and timestamps over 5 minutes off either way, and they change nothing', async () => {
    const reminders = () => {
      const db = new Database(join(dir, 'caac.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('select count(*) as n from reminders').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = reminders();
    const body = new URLSearchParams({
      team_id: 'T0REFUSED',
      channel_id: 'C0REFUSED',
      user_id: 'U0REFUSED',
      command: '/caac',
      text: 'remind mali',
      response_url: slack.responseUrl('refused'),
    }).toString();
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      { signature: `v0=${'0'.repeat(64)}` },
      { signature: slackSignature('another-secret', now, body) },
      { signature: '' },
      { timestamp: now - 6 * 60 },
      { timestamp: now + 6 * 60 },
      { timestamp: Number.NaN },
    ];
    for (const options of cases) {
      refill();
      const res = await postSigned(base, SECRET, body, options);
      await expectSafe(res);
      expect(res.status, JSON.stringify(options)).toBe(401);
    }
    // Oversized, even when correctly signed.
    const big = `${body}&pad=${'x'.repeat(600 * 1024)}`;
    const res = await postSigned(base, SECRET, big);
    expect(res.status).toBe(413);
    await expectSafe(res);
    expect(reminders()).toBe(before);
    expect(slack.apiCalls.filter((c) => c.path === 'chat.postMessage')).toEqual([]);
  });

  it('answers a user over the rate limit politely, in the acknowledgement', async () => {
    refill();
    const ask = async () => {
      const form = new URLSearchParams({
        team_id: 'T0LIMIT',
        channel_id: 'C0LIMIT',
        user_id: 'U0LIMIT',
        command: '/caac',
        text: 'codes',
        response_url: slack.responseUrl('limit'),
      });
      const r = await postSigned(base, SECRET, form.toString());
      expect(r.status).toBe(200);
      return JSON.stringify(await r.json());
    };
    for (let i = 0; i < 3; i++) expect(await ask()).not.toMatch(/try again/);
    expect(await ask()).toMatch(/try again in \d+ seconds/);
  });
});

describe('fuzz: POST /api/messages (Emulator mode)', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../fixtures/teams/message-personal.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;

  it('random activities: never 5xx, never a stack trace', async () => {
    const activity = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('message', 'conversationUpdate', 'invoke', 'installationUpdate', 'messageReaction', 'event'),
          fc.string({ maxLength: 12 }),
        ),
        name: fc.oneof(
          fc.constantFrom('composeExtension/query', 'adaptiveCard/action', 'task/fetch', 'signin/verifyState'),
          fc.string({ maxLength: 20 }),
        ),
        text: fc.oneof(text, fc.constant(null)),
        value: fc.jsonValue({ maxDepth: 3 }),
        id: fc.string({ maxLength: 20 }),
        from: fc.oneof(
          fc.record({ id: fc.string({ maxLength: 20 }), name: fc.string({ maxLength: 10 }) }),
          fc.constant(null),
          fc.string(),
        ),
        conversation: fc.oneof(
          fc.record(
            {
              id: fc.string({ maxLength: 30 }),
              conversationType: fc.constantFrom('personal', 'channel', 'groupChat'),
              tenantId: fc.string({ maxLength: 10 }),
            },
            { requiredKeys: [] },
          ),
          fc.constant(null),
        ),
        entities: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.string()),
        channelData: fc.jsonValue({ maxDepth: 3 }),
        membersAdded: fc.array(fc.record({ id: fc.string({ maxLength: 20 }) }), { maxLength: 2 }),
        action: fc.constantFrom('add', 'remove', 'x'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(activity, fc.jsonValue({ maxDepth: 2 })), async (a) => {
        refill();
        // Replies only ever go to the loopback stand-in.
        const body =
          a !== null && typeof a === 'object' && !Array.isArray(a)
            ? { ...fixture, ...a, serviceUrl: connector.url }
            : a;
        const res = await postActivity(JSON.stringify(body));
        // The Bot Framework's own answer to an invoke no handler takes is 501 Not Implemented (botbuilder's
        // ActivityHandler): the protocol, not a fault.
        const invoke = body !== null && typeof body === 'object' && (body as { type?: unknown }).type === 'invoke';
        await expectSafe(res, invoke ? [501] : []);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('random bytes and oversized bodies: 4xx, 413 past the limit', async () => {
    for (const body of ['', '{', 'null', '[]', '\u0000\u0001', '{"type":"message","text":'] as const) {
      await expectSafe(await postActivity(body));
    }
    const big = JSON.stringify({ ...fixture, serviceUrl: connector.url, text: 'x'.repeat(1100 * 1024) });
    const res = await postActivity(big);
    expect(res.status).toBe(413);
    await expectSafe(res);
  });
});

describe('the service after the fuzz', () => {
  it('is still healthy, and never logged a secret', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(logs.text()).not.toContain(SECRET);
    expect(logs.text()).not.toContain(BOT_TOKEN);
  });

  it('serves a valid dataset change without restart, and refuses an invalid one while the old data answers', async () => {
    const ready = async () => (await (await fetch(`${base}/readyz`)).json()) as { dataset: { version: string } };
    const v1 = (await ready()).dataset.version;
    const mali = join(dataDir, 'countries', 'mali.yaml');
    const original = readFileSync(mali, 'utf8');
    const ask = async (t: string) => {
      refill();
      const form = new URLSearchParams({
        team_id: 'T0RELOAD',
        channel_id: 'C0RELOAD',
        user_id: `U0RELOAD`,
        command: '/caac',
        text: t,
        response_url: slack.responseUrl('reload'),
      });
      return JSON.stringify(await (await postSigned(base, SECRET, form.toString())).json());
    };
    expect(await ask('mali')).not.toContain('Zanzibar Reloaded');
    writeFileSync(
      mali,
      original.replace('lead_country:\n    - { value: France', 'lead_country:\n    - { value: Zanzibar Reloaded'),
    );
    const deadline = Date.now() + 10_000;
    while ((await ready()).dataset.version === v1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const v2 = (await ready()).dataset.version;
    expect(v2).not.toBe(v1);
    expect(await ask('mali')).toContain('Zanzibar Reloaded');

    // Invalid: refused, logged, and the valid data keeps answering.
    writeFileSync(mali, original.replace('iso2: ML', 'iso2: not-an-iso-code'));
    const until = Date.now() + 10_000;
    while (!logs.text().includes('dataset reload refused') && Date.now() < until)
      await new Promise((r) => setTimeout(r, 100));
    expect(logs.text()).toContain('dataset reload refused');
    expect((await ready()).dataset.version).toBe(v2);
    expect(await ask('mali')).toContain('Zanzibar Reloaded');
  }, 30_000);
});
