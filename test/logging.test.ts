// Log capture: no token, secret or authorization header ever appears in a log line, wherever it hides.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readConfig } from '../src/config/read-config.js';
import { configSecrets, createLogger, scrubString, scrubValue } from '../src/logging.js';
import { captureLogs } from './support/capture-logs.js';

const BOT_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv';
const USER_TOKEN = 'xoxp-11111-22222-33333-abcdef';
const APP_TOKEN = 'xapp-1-A012345-678-abcdef0123';
const SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';
const CLIENT_SECRET = 'cs_9f8e7d6c5b4a39281706';
const APP_PASSWORD = 'Pa55~w0rd.MicrosoftApp_Secret';
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const SECRETS = [BOT_TOKEN, USER_TOKEN, APP_TOKEN, SIGNING_SECRET, CLIENT_SECRET, APP_PASSWORD, JWT, SIGNATURE];

function expectClean(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  // Fragments too: the token's distinctive tail must not survive a partial redaction.
  expect(text).not.toContain('AbCdEfGhIjKlMnOpQrStUv');
  expect(text).not.toMatch(/xox[a-z]-\d/);
}

describe('createLogger redaction', () => {
  it('redacts secret-named fields at the top level and in nested config', () => {
    const out = captureLogs();
    const log = createLogger({ destination: out });
    log.info(
      {
        token: BOT_TOKEN,
        bot_token: BOT_TOKEN,
        client_secret: CLIENT_SECRET,
        MicrosoftAppPassword: APP_PASSWORD,
        config: { slack: { signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, appToken: APP_TOKEN } },
        env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_CLIENT_SECRET: CLIENT_SECRET, MicrosoftAppPassword: APP_PASSWORD },
      },
      'config loaded',
    );
    expectClean(out.text());
    const [line] = out.lines();
    expect(line!.msg).toBe('config loaded');
    expect(line!.token).toBe('[Redacted]');
    expect((line!.config as { slack: Record<string, unknown> }).slack.signingSecret).toBe('[Redacted]');
  });

  it('redacts authorization, cookie and x-slack-signature request headers', () => {
    const out = captureLogs();
    const log = createLogger({ destination: out });
    log.warn(
      {
        req: {
          method: 'POST',
          url: '/slack/events',
          headers: {
            authorization: `Bearer ${JWT}`,
            cookie: `session=${SIGNING_SECRET}`,
            'x-slack-signature': SIGNATURE,
            'x-slack-request-timestamp': '1700000000',
          },
        },
      },
      'bad signature',
    );
    expectClean(out.text());
    const headers = (out.lines()[0]!.req as { headers: Record<string, string> }).headers;
    expect(headers['x-slack-request-timestamp']).toBe('1700000000');
    expect(headers.authorization).toBe('[Redacted]');
  });

  it('scrubs SDK error objects: axios-style config and request headers, response data, message and stack', () => {
    const out = captureLogs();
    const log = createLogger({ destination: out, secrets: [APP_PASSWORD, CLIENT_SECRET, undefined, 'short'] });
    const err = new Error(`Request failed: invalid_auth for token ${BOT_TOKEN}`) as Error & Record<string, unknown>;
    err.code = 'slack_webapi_platform_error';
    err.config = {
      url: `https://slack.com/api/chat.postMessage?token=${BOT_TOKEN}`,
      headers: { Authorization: `Bearer ${BOT_TOKEN}`, 'User-Agent': 'bolt' },
      data: `token=${BOT_TOKEN}&channel=C1`,
    };
    err.request = {
      headers: { authorization: `Bearer ${JWT}` },
      _header: `POST / HTTP/1.1\r\nAuthorization: Bearer ${JWT}`,
    };
    err.response = { status: 401, data: { ok: false, error: 'invalid_auth', access_token: USER_TOKEN } };
    err.data = { ok: false, error: 'not_authed', token: BOT_TOKEN };
    err.stack = `Error: boom with ${BOT_TOKEN}\n    at post (node_modules/@slack/web-api/dist/WebClient.js:1:1)`;
    log.error({ err }, 'chat.postMessage failed');
    log.error(err);
    // Bot Framework: a nested cause carrying the app password and a JWT in its message.
    const cause = Object.assign(new Error(`AADSTS7000215: Invalid client secret ${APP_PASSWORD}`), {
      body: { client_secret: APP_PASSWORD },
    });
    log.error({ err: new Error(`token exchange failed: Bearer ${JWT}`, { cause }) }, 'teams auth failed');
    expectClean(out.text());
    const first = out.lines()[0]!.err as Record<string, unknown>;
    expect(first.code).toBe('slack_webapi_platform_error');
    expect(first.type).toBe('Error');
    expect(String(first.message)).toContain('invalid_auth');
    expect(String(first.stack)).toContain('WebClient.js');
    expect((first.response as { status: number }).status).toBe(401);
  });

  it('strips tokens from messages, format arguments and child bindings', () => {
    const out = captureLogs();
    const log = createLogger({ destination: out });
    log.info(`posting with ${BOT_TOKEN}`);
    log.info('using %s and %s', USER_TOKEN, `Authorization: Bearer ${JWT}`);
    log.child({ token: BOT_TOKEN, installation: { bot: { token: BOT_TOKEN, userId: 'U1' } } }).info('child');
    log.info({ text: `someone pasted ${APP_TOKEN} into a command` }, 'command');
    expectClean(out.text());
    expect(out.lines()).toHaveLength(4);
  });

  it('survives cycles, sockets-like objects and deep nesting without throwing', () => {
    const out = captureLogs();
    const log = createLogger({ destination: out });
    const a: Record<string, unknown> = { name: 'a', token: BOT_TOKEN };
    a.self = a;
    let deep: Record<string, unknown> = { secret: CLIENT_SECRET };
    for (let i = 0; i < 20; i++) deep = { next: deep, note: `level ${i} ${BOT_TOKEN}` };
    log.info({ a, deep, buf: Buffer.from(BOT_TOKEN) }, 'weird');
    expectClean(out.text());
    expect(out.lines()[0]!.msg).toBe('weird');
  });

  it('hides database URL passwords, and every configured secret taken from the real configuration', () => {
    const read = readConfig({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: APP_PASSWORD,
      DATABASE_URL: 'postgres://caac:s3cr3t-db-pass@db.internal:5432/caac',
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const secrets = configSecrets(read.config);
    expect(secrets).toEqual(expect.arrayContaining([SIGNING_SECRET, BOT_TOKEN, APP_PASSWORD, 's3cr3t-db-pass']));
    const out = captureLogs();
    const log = createLogger({ destination: out, secrets });
    log.info({ config: read.config }, 'starting');
    log.error(
      `connect failed: postgres://caac:s3cr3t-db-pass@db.internal:5432/caac (signing secret ${SIGNING_SECRET})`,
    );
    log.warn({ detail: `secret was ${APP_PASSWORD}` }, 'plain text secret');
    expectClean(out.text());
    expect(out.text()).not.toContain('s3cr3t-db-pass');
    expect(out.text()).toContain('postgres://caac:[Redacted]@db.internal:5432/caac');
  });

  it('scrubString never lets a Slack token through, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('xoxb', 'xoxp', 'xoxa', 'xoxr', 'xoxe', 'xapp'),
        fc.stringMatching(/^[A-Za-z0-9]{4,20}(-[A-Za-z0-9]{2,12}){1,4}$/),
        fc.string(),
        (before, prefix, rest, after) => {
          const token = `${prefix}-${rest}`;
          const out = scrubString(`${before} ${token} ${after}`);
          // The full token, nor its distinctive tail, may survive.
          return !out.includes(token) && !out.includes(`-${rest}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a flat line (a request line) exactly as the deep scrub would (property)', () => {
    // The logger takes a shorter path for objects of strings, numbers, booleans and nulls: same fields, same values.
    const key = fc.constantFrom('path', 'reqId', 'method', 'status', 'detail', 'secretive', 'apiKey', 'accessToken');
    const tokenish = fc.constantFrom(
      `/slack/${BOT_TOKEN}`,
      `Bearer ${JWT}`,
      `a?code=${SIGNING_SECRET}`,
      SIGNING_SECRET,
    );
    const value = fc.oneof(fc.string(), tokenish, fc.integer(), fc.boolean(), fc.constant(null), fc.constant(''));
    fc.assert(
      fc.property(fc.dictionary(key, value), (fields) => {
        const out = captureLogs();
        createLogger({ destination: out, secrets: [SIGNING_SECRET] }).info(fields, 'request');
        const line = out.lines()[0]!;
        const expected = scrubValue(fields, [SIGNING_SECRET]) as Record<string, unknown>;
        for (const k of Object.keys(fields)) expect(line[k]).toEqual(expected[k]);
        expectClean(out.text());
      }),
      { numRuns: 200 },
    );
  });

  it('censors every path pino used to redact by name, now that the scrub alone does it', () => {
    // The paths createLogger once listed for pino's redact (37, wildcards included): each still comes out censored.
    const paths = [
      'token',
      'bot_token',
      'botToken',
      'client_secret',
      'clientSecret',
      'signing_secret',
      'signingSecret',
      'password',
      'MicrosoftAppPassword',
      'authorization',
      'cookie',
      'headers.authorization',
      'headers.cookie',
      'headers.x-slack-signature',
      'req.headers.authorization',
      'req.headers.cookie',
      'req.headers.set-cookie',
      'req.headers.x-slack-signature',
      'res.headers.set-cookie',
      'a.token',
      'a.bot_token',
      'a.client_secret',
      'a.password',
      'a.MicrosoftAppPassword',
      'a.authorization',
      'a.headers.authorization',
      'a.headers.Authorization',
      'a.headers.cookie',
      'a.headers.x-slack-signature',
      'err.config.headers.Authorization',
      'err.config.headers.authorization',
      'err.config.data',
      'err.request.headers.authorization',
      'err.request.headers.Authorization',
      'err.response.config.headers.Authorization',
      'err.data.token',
    ];
    const secret = 'opaque-value-with-no-token-shape-42';
    for (const path of paths) {
      const obj: Record<string, unknown> = {};
      let at = obj;
      const keys = path.split('.');
      for (const key of keys.slice(0, -1)) {
        const inner: Record<string, unknown> = {};
        at[key] = inner;
        at = inner;
      }
      at[keys.at(-1)!] = secret;
      const out = captureLogs();
      createLogger({ destination: out }).info(obj, 'line');
      expect(out.text(), path).not.toContain(secret);
      expect(out.text(), path).toContain('[Redacted]');
    }
  });
});
