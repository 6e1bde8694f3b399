// Issue 17 (smaller items): when the Bot Framework's signing keys cannot be fetched (the OpenID configuration is
// unreachable, or answers 500), a well-formed token gets a clean 503 whose body says nothing of the internal error
// (no address, no "ECONNREFUSED", no SDK text); a token that does not verify gets a clean 401; and botbuilder's own
// console output goes to the JSON log (debug) instead of raw multi-line text on the console, with our line at warn.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PasswordServiceClientCredentialFactory, TokenCredentials } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBotFrameworkAuthStandIn } from './support/bot-framework-auth-stand-in.js';
import type { BotFrameworkAuthStandIn } from './support/bot-framework-auth-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

class StandInCredentialsFactory extends PasswordServiceClientCredentialFactory {
  override async createCredentials(): Promise<TokenCredentials> {
    return new TokenCredentials('outbound-token');
  }
}

const consoleCalls: unknown[][] = [];
let auth: BotFrameworkAuthStandIn;
let failing: Server;
let failingUrl: string;
let closedUrl: string;
const harnesses: TeamsHarness[] = [];

// A harness whose OpenID metadata (the signing keys' index) is at `metadataUrl`.
const harnessWith = async (metadataUrl: string) => {
  const harness = await startTeamsHarness({
    teams: { appId: APP_ID, appPassword: 'not-a-real-secret', allowUnauthenticated: false },
    botFramework: {
      options: {
        ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        OAuthUrl: 'https://api.botframework.com',
        CallerId: 'urn:botframework:azure',
        ValidateAuthority: true,
      },
      credentialsFactory: new StandInCredentialsFactory(APP_ID, 'not-a-real-secret'),
    },
  });
  harnesses.push(harness);
  return harness;
};

beforeAll(async () => {
  // Anything that reaches the real console (raw SDK output) is recorded here.
  for (const level of ['error', 'warn', 'log', 'info'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleCalls.push([level, ...args]));
  }
  auth = await startBotFrameworkAuthStandIn();
  failing = createServer((_req, res) => res.writeHead(500).end('internal detail of the key server'));
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  failingUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  // A port that was free a moment ago: nothing answers there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  for (const h of harnesses) await h.close();
  await auth?.close();
  await new Promise((resolve) => failing?.close(resolve));
  vi.restoreAllMocks();
});

const wellFormed = () => `Bearer ${auth.token({ aud: APP_ID, serviceurl: SERVICE_URL })}`;

describe('Bot Framework signing keys unavailable', () => {
  it.each([
    ['unreachable', () => closedUrl],
    ['answering 500', () => failingUrl],
  ])('%s: a well-formed token gets a clean 503, logged once at warn, nothing on the console', async (_, url) => {
    const harness = await harnessWith(url());
    const res = await harness.post(fixture('message-personal', { serviceUrl: SERVICE_URL }), {
      authorization: wellFormed(),
    });
    expect(res.status).toBe(503);
    expect(res.json()).toEqual({
      error: 'unavailable',
      message: 'the Bot Framework signing keys cannot be fetched just now; try again',
    });
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Failed to load|internal detail|fetch failed|FetchError/i);
    const warnings = harness.logs.filter(
      (l) => l.level === 'warn' && /signing keys could not be fetched/.test(String(l.msg)),
    );
    expect(warnings).toHaveLength(1);
    expect(harness.logs.filter((l) => l.level === 'error')).toEqual([]);
    // botbuilder did print (its CloudAdapter prints every error it answers): into the JSON log, at debug.
    expect(harness.logs.some((l) => l.msg === 'botbuilder console output' && l.level === 'debug')).toBe(true);
    expect(consoleCalls).toEqual([]);
  });

  it('a token signed by an unknown key gets a clean 401 with the keys reachable, nothing on the console', async () => {
    const harness = await harnessWith(auth.openIdMetadataUrl);
    const res = await harness.post(fixture('message-personal', { serviceUrl: SERVICE_URL }), {
      authorization: `Bearer ${auth.forgedToken({ aud: APP_ID, serviceurl: SERVICE_URL })}`,
    });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized', message: 'no valid Bot Framework token' });
    expect(consoleCalls).toEqual([]);
  });
});
