// Socket Mode (SLACK_APP_TOKEN): the service asks Slack (the stand-in) for a socket URL instead of serving
// /slack/events, identifies the bot once, and keeps serving health even when the socket cannot connect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';
import { startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

let slack: SlackStandIn;
let service: TestService;
let base: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.reply('apps.connections.open', () => ({ body: { ok: false, error: 'invalid_auth' } }));
  service = await startTestService(
    { SLACK_APP_TOKEN: 'xapp-1-test', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: slack.apiUrl },
    { scheduler: false },
    'caac-socket-',
  );
  ({ base } = service);
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
});

describe('Slack in Socket Mode', () => {
  it('identifies the bot once and opens the socket through SLACK_API_URL with the app token', async () => {
    // Both in the background, in either order: the start waits for neither.
    await slack.waitFor(
      () =>
        slack.apiCalls.some((c) => c.path === 'apps.connections.open') &&
        slack.apiCalls.some((c) => c.path === 'auth.test'),
    );
    expect(slack.apiCalls.filter((c) => c.path === 'auth.test')).toHaveLength(1);
    const open = slack.apiCalls.find((c) => c.path === 'apps.connections.open')!;
    expect(open.body.token ?? open.authorization).toMatch(/^(Bearer )?xapp-1-test$/);
  });

  it('serves no Slack HTTP endpoint, and keeps serving health', async () => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { message: string }).message).toMatch(/Socket Mode/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
