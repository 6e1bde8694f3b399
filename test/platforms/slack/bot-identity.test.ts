// The bot's ids by auth.test against the Web API stand-in: found in the background, retried only while a retry may
// help (HTTP errors, Slack's own outages) and only as many times as there are delays; a refused token is not retried.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging.js';
import { createBotIdentity } from '../../../src/platforms/slack/bot-identity.js';
import type { BotIdentity } from '../../../src/platforms/slack/bot-identity.js';
import { captureLogs } from '../../support/capture-logs.js';
import { startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

let slack: SlackStandIn;
let identity: BotIdentity | undefined;
let logs: ReturnType<typeof captureLogs>;

beforeEach(async () => {
  slack = await startSlackStandIn();
  logs = captureLogs();
});
afterEach(async () => {
  identity?.stop();
  await slack.close();
});

const make = (retryDelaysMs: readonly number[]) =>
  (identity = createBotIdentity({
    token: 'xoxb-identity',
    apiUrl: slack.apiUrl,
    logger: createLogger({ level: 'debug', destination: logs }),
    retryDelaysMs,
  }));
const authTests = () => slack.apiCalls.filter((c) => c.path === 'auth.test');
const messages = () => logs.lines().map((l) => String(l.msg));

describe('createBotIdentity', () => {
  it('knows nothing before start, then the ids auth.test gives, from one call', async () => {
    const id = make([]);
    expect(id.ids()).toBeUndefined();
    expect(authTests()).toEqual([]);
    id.start();
    id.start();
    expect(await id.settled).toEqual({ botId: 'BBOT0001', botUserId: 'UBOT0001' });
    expect(id.ids()).toEqual({ botId: 'BBOT0001', botUserId: 'UBOT0001' });
    expect(authTests()).toHaveLength(1);
    expect(authTests()[0]!.body.token ?? authTests()[0]!.authorization).toMatch(/xoxb-identity$/);
  });

  it('retries HTTP errors once per delay, then gives up and says what to check', async () => {
    slack.reply('auth.test', () => ({ status: 503, body: { ok: false } }));
    const id = make([1, 1, 1]);
    id.start();
    expect(await id.settled).toBeUndefined();
    expect(authTests()).toHaveLength(4);
    expect(messages().filter((m) => m.startsWith('slack auth.test failed (HTTP 503)'))).toHaveLength(3);
    expect(messages().at(-1)).toMatch(/^slack auth.test gave up after 4 attempts \(HTTP 503\)\. Check SLACK_API_URL/);
  });

  it("gets there after Slack's own outage clears", async () => {
    let calls = 0;
    slack.reply('auth.test', () =>
      ++calls < 3
        ? { body: { ok: false, error: 'service_unavailable' } }
        : { body: { ok: true, user_id: 'UBOT0009', bot_id: 'BBOT0009' } },
    );
    const id = make([1, 1, 1, 1]);
    id.start();
    expect(await id.settled).toEqual({ botId: 'BBOT0009', botUserId: 'UBOT0009' });
    expect(authTests()).toHaveLength(3);
  });

  it('does not retry a refused token, and says to check SLACK_BOT_TOKEN', async () => {
    slack.reply('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const id = make([1, 1, 1]);
    id.start();
    expect(await id.settled).toBeUndefined();
    expect(authTests()).toHaveLength(1);
    expect(messages().at(-1)).toMatch(/^slack auth.test refused: Slack answered invalid_auth\. Check SLACK_BOT_TOKEN/);
    expect(logs.text()).not.toContain('xoxb-identity');
  });

  it('settles without the ids when stopped during a retry wait', async () => {
    slack.reply('auth.test', () => ({ status: 500, body: {} }));
    const id = make([60_000]);
    id.start();
    await slack.waitFor(() => authTests().length === 1);
    await slack.waitFor(() => messages().some((m) => m.startsWith('slack auth.test failed')));
    id.stop();
    expect(await id.settled).toBeUndefined();
    expect(id.ids()).toBeUndefined();
  });
});
