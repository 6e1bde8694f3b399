// No open door: with an app id, an activity without a valid Bot Framework token gets 401 and the bot posts nothing;
// without an app id (and without TEAMS_ALLOW_UNAUTHENTICATED) the endpoint is off, with a clear log line; the
// override is logged as a warning; a body that is not an activity gets 400.
import { afterEach, describe, expect, it } from 'vitest';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const open: { harness?: TeamsHarness; connector?: BotConnectorStandIn }[] = [];

afterEach(async () => {
  for (const { harness, connector } of open.splice(0)) {
    await harness?.close();
    await connector?.close();
  }
});

async function start(teams: Parameters<typeof startTeamsHarness>[0]) {
  const connector = await startBotConnectorStandIn();
  const harness = await startTeamsHarness(teams);
  open.push({ harness, connector });
  return { harness, connector };
}

describe('with an app id', () => {
  it('rejects an activity without a token with 401, and posts nothing', async () => {
    const { harness, connector } = await start({
      teams: { appId: APP_ID, appPassword: 'not-a-real-secret', allowUnauthenticated: false },
    });
    const res = await harness.post(fixture('message-personal', { serviceUrl: connector.url }));
    expect(res.status).toBe(401);
    // A forged activity must not make the bot call its serviceUrl.
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.requests).toEqual([]);
    expect(harness.logs.some((l) => l.level === 'warn' && /401/.test(String(l.msg)))).toBe(true);
    expect(harness.logs.some((l) => l.level === 'info' && /Teams is on/.test(String(l.msg)))).toBe(true);
  });

  it('rejects a malformed token with 401, also with expectReplies', async () => {
    const { harness, connector } = await start({
      teams: { appId: APP_ID, appPassword: 'not-a-real-secret', allowUnauthenticated: true },
    });
    const res = await harness.post(
      fixture('message-personal', { serviceUrl: connector.url, deliveryMode: 'expectReplies' }),
      {
        authorization: 'Bearer not-a-jwt',
      },
    );
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/Mali/);
    expect(connector.requests).toEqual([]);
    // The override does not weaken an app with an id, and the log says so.
    expect(harness.logs.some((l) => /TEAMS_ALLOW_UNAUTHENTICATED is ignored/.test(String(l.msg)))).toBe(true);
  });
});

describe('without an app id', () => {
  it('keeps the endpoint off (503, JSON) unless the override is set, and says how to turn it on', async () => {
    const { harness, connector } = await start({ teams: { enabled: false, allowUnauthenticated: false } });
    expect(harness.handler.enabled).toBe(false);
    const res = await harness.post(fixture('message-personal', { serviceUrl: connector.url }));
    expect(res.status).toBe(503);
    expect(res.json()).toMatchObject({ error: 'teams_disabled', message: expect.stringMatching(/MicrosoftAppId/) });
    expect(connector.requests).toEqual([]);
    const line = harness.logs.find((l) => /Teams is off/.test(String(l.msg)));
    expect(line).toMatchObject({
      level: 'info',
      platform: 'teams',
      msg: expect.stringMatching(/MicrosoftAppId.*TEAMS_ALLOW_UNAUTHENTICATED/),
    });
    expect(
      await harness.handler.delivery.canPost({ platform: 'teams', workspaceId: 't', channelId: 'c' }),
    ).toMatchObject({ ok: false });
  });

  it('with TEAMS_ALLOW_UNAUTHENTICATED=true, answers and warns at start-up', async () => {
    const { harness, connector } = await start({ teams: { allowUnauthenticated: true } });
    const warning = harness.logs.find((l) => l.level === 'warn');
    expect(warning).toMatchObject({ platform: 'teams', msg: expect.stringMatching(/WITHOUT authentication/) });
    const res = await harness.post(
      fixture('message-personal', { serviceUrl: connector.url, deliveryMode: 'expectReplies' }),
    );
    expect(res.status).toBe(200);
  });
});

describe('without an app id, with the override', () => {
  it('serves only activities whose serviceUrl is on this machine (the Emulator), so a forged one cannot aim the bot elsewhere', async () => {
    const { harness, connector } = await start({ teams: { allowUnauthenticated: true } });
    const remote = await harness.post(
      fixture('message-personal', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
    );
    expect(remote.status).toBe(403);
    expect(remote.json()).toMatchObject({ error: 'teams_unauthenticated_remote' });
    const sneaky = await harness.post(fixture('message-personal', { serviceUrl: 'http://127.0.0.1.evil.example/' }));
    expect(sneaky.status).toBe(403);
    const local = await harness.post(
      fixture('message-personal', { serviceUrl: connector.url.replace('127.0.0.1', 'localhost') }),
    );
    expect(local.status).toBe(200);
    await connector.waitFor(1);
  });
});

describe('bad requests', () => {
  it('answers 400 to a body that is not a JSON activity, and 400 to an activity without a type', async () => {
    const { harness } = await start({ teams: { allowUnauthenticated: true } });
    const notJson = await harness.post('{"type": "message", ');
    expect(notJson.status).toBe(400);
    expect(notJson.json()).toMatchObject({ error: 'bad_request' });
    expect((await harness.post('[1, 2]')).status).toBe(400);
    expect((await harness.post({ text: 'mali' })).status).toBe(400);
  });
});
