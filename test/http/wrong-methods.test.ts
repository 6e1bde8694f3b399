// Issue 17, item 5: a wrong method on any endpoint is the caller's mistake, answered 405 with the methods that are
// allowed (`Allow`), and no error-level log line (GET on /slack/events used to answer 500 with a stack trace in the
// error log, so anyone could page whoever watches it). And GET /slack/install says something true in each mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging.js';
import { captureLogs } from '../support/capture-logs.js';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { startTestService } from '../support/start-test-service.js';
import type { TestService } from '../support/start-test-service.js';

const KEY = Buffer.alloc(32, 5).toString('base64');
let slack: SlackStandIn;
const services: Record<'single' | 'oauth', { service: TestService; logs: ReturnType<typeof captureLogs> }> =
  {} as never;

beforeAll(async () => {
  slack = await startSlackStandIn();
  const common = { SLACK_SIGNING_SECRET: 'methods-signing-secret', SLACK_API_URL: slack.apiUrl };
  const teams = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
  for (const [mode, env] of [
    ['single', { ...common, ...teams, SLACK_BOT_TOKEN: 'xoxb-methods' }],
    [
      'oauth',
      {
        ...common,
        SLACK_CLIENT_ID: '1.2',
        SLACK_CLIENT_SECRET: 'client-secret-methods',
        SLACK_STATE_SECRET: 'state-secret-methods',
        CAAC_SECRETS_KEY: KEY,
      },
    ],
  ] as const) {
    const logs = captureLogs();
    const service = await startTestService(env, {
      scheduler: false,
      logger: createLogger({ level: 'debug', destination: logs }),
      slackBotIdRetryDelaysMs: [],
    });
    services[mode] = { service, logs };
  }
});

afterAll(async () => {
  for (const { service } of Object.values(services)) await service?.stop();
  await slack?.close();
});

const cases: Array<[mode: 'single' | 'oauth', method: string, path: string, allow: string]> = [
  ['single', 'GET', '/slack/events', 'POST'],
  ['single', 'PUT', '/slack/events', 'POST'],
  ['single', 'DELETE', '/slack/events', 'POST'],
  ['single', 'OPTIONS', '/slack/events', 'POST'],
  ['single', 'GET', '/api/messages', 'POST'],
  ['single', 'DELETE', '/api/messages', 'POST'],
  ['single', 'POST', '/healthz', 'GET, HEAD'],
  ['single', 'PUT', '/readyz', 'GET, HEAD'],
  ['single', 'POST', '/metrics', 'GET, HEAD'],
  ['oauth', 'POST', '/slack/install', 'GET'],
  ['oauth', 'DELETE', '/slack/oauth_redirect', 'GET'],
  ['oauth', 'GET', '/slack/events', 'POST'],
];

describe('wrong methods', () => {
  it.each(cases)(
    '%s: %s %s answers 405 with Allow: %s, logged below error level',
    async (mode, method, path, allow) => {
      const { service, logs } = services[mode];
      const before = logs.lines().length;
      const res = await fetch(`${service.base}${path}`, { method, ...(method === 'POST' ? { body: 'x=1' } : {}) });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe(allow);
      if (method !== 'HEAD') expect(await res.json()).toMatchObject({ error: 'method_not_allowed' });
      // The request's own line is written once the response has finished.
      await new Promise((r) => setTimeout(r, 50));
      const lines = logs.lines().slice(before);
      expect(lines.filter((l) => l.level === 'error' || l.level === 'fatal')).toEqual([]);
      expect(lines.some((l) => l.msg === 'request' && l.status === 405)).toBe(true);
    },
  );
});

describe('GET /slack/install', () => {
  it('in single-workspace mode says the service serves one workspace, not that Slack is off', async () => {
    const res = await fetch(`${services.single.service.base}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.message).not.toMatch(/not configured/);
    expect(body.message).toMatch(/serves one Slack workspace/);
    expect(body.message).toMatch(/SLACK_CLIENT_ID/);
  });

  it('with the OAuth install, redirects to Slack', async () => {
    const res = await fetch(`${services.oauth.service.base}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
  });
});
