// With an app id, the real Bot Framework authentication of CloudAdapter runs against a local stand-in for the token
// signing keys: a valid channel token is answered (and the reply carries the bot's own outbound token); a token for
// another bot, for another serviceUrl (a forged activity pointing the bot elsewhere), signed by an unknown key, or
// expired, gets 401 and the bot posts nothing.
import { PasswordServiceClientCredentialFactory, TokenCredentials } from 'botframework-connector';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { startBotFrameworkAuthStandIn } from './support/bot-framework-auth-stand-in.js';
import type { BotFrameworkAuthStandIn } from './support/bot-framework-auth-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const OUTBOUND_TOKEN = 'outbound-token-from-the-stand-in';

/** The real password factory (it validates the app id on inbound tokens), minus the call to Entra ID for outbound tokens. */
class StandInCredentialsFactory extends PasswordServiceClientCredentialFactory {
  override async createCredentials(): Promise<TokenCredentials> {
    return new TokenCredentials(OUTBOUND_TOKEN);
  }
}

let auth: BotFrameworkAuthStandIn;
let connector: BotConnectorStandIn;
let harness: TeamsHarness;

beforeAll(async () => {
  auth = await startBotFrameworkAuthStandIn();
  connector = await startBotConnectorStandIn();
  harness = await startTeamsHarness({
    teams: { appId: APP_ID, appPassword: 'not-a-real-secret', allowUnauthenticated: false },
    botFramework: {
      // Setting any of these switches botbuilder to "parameterized" settings, so the public cloud's values are given
      // in full, with only the OpenID metadata (the signing keys) pointed at the stand-in.
      options: {
        ToBotFromChannelOpenIdMetadataUrl: auth.openIdMetadataUrl,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToBotFromEmulatorOpenIdMetadataUrl: auth.openIdMetadataUrl,
        ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        OAuthUrl: 'https://api.botframework.com',
        CallerId: 'urn:botframework:azure',
        ValidateAuthority: true,
      },
      credentialsFactory: new StandInCredentialsFactory(APP_ID, 'not-a-real-secret'),
    },
  });
});
afterAll(async () => {
  await harness.close();
  await connector.close();
  await auth.close();
});
afterEach(() => {
  connector.requests.length = 0;
});

describe('Bot Framework authentication', () => {
  it('answers an activity with a valid channel token, and replies with the bot’s own token', async () => {
    const activity = fixture('message-personal', { serviceUrl: connector.url });
    const res = await harness.post(activity, {
      authorization: `Bearer ${auth.token({ aud: APP_ID, serviceurl: connector.url })}`,
    });
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.headers.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
    expect(reply!.path).toMatch(/^\/v3\/conversations\/a%3A1Anonymised/);
  });

  it.each([
    [
      'a token for another bot',
      () => auth.token({ aud: '00000000-0000-4000-8000-000000000bad', serviceurl: connector.url }),
    ],
    [
      'a token for another serviceUrl',
      () => auth.token({ aud: APP_ID, serviceurl: 'https://smba.trafficmanager.net/emea/' }),
    ],
    [
      'a token signed by a key the Bot Framework does not publish',
      () => auth.forgedToken({ aud: APP_ID, serviceurl: connector.url }),
    ],
    [
      'a token from another issuer',
      () => auth.token({ aud: APP_ID, serviceurl: connector.url, iss: 'https://evil.example' }),
    ],
    ['an expired token', () => auth.token({ aud: APP_ID, serviceurl: connector.url, expiresIn: -3600 })],
  ])('rejects %s with 401 and posts nothing', async (_what, token) => {
    const res = await harness.post(fixture('message-personal', { serviceUrl: connector.url }), {
      authorization: `Bearer ${token()}`,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.requests).toEqual([]);
  });

  it('posts reminders proactively with the bot’s own token', async () => {
    const install = fixture('installation-update-add', { serviceUrl: connector.url });
    const res = await harness.post(install, {
      authorization: `Bearer ${auth.token({ aud: APP_ID, serviceurl: connector.url })}`,
    });
    expect(res.status).toBe(200);
    const team = (install.conversation as { id: string }).id;
    const channel = {
      platform: 'teams' as const,
      workspaceId: '72f988bf-0000-4000-8000-00000000c0de',
      channelId: team,
    };
    const result = await harness.handler.delivery.deliver(channel, {
      kind: 'reminder',
      outcome: 'answered',
      title: 'A reminder',
      sections: [],
      actions: [],
      summary: 'A reminder',
    });
    expect(result).toMatchObject({ kind: 'delivered' });
    const [post] = await connector.waitFor(1);
    expect(post!.path).toBe(`/v3/conversations/${encodeURIComponent(team)}/activities`);
    expect(post!.headers.authorization).toBe(`Bearer ${OUTBOUND_TOKEN}`);
  });
});
