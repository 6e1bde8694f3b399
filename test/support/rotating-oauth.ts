// Slack's OAuth with token rotation, on the Web API stand-in: oauth.v2.access hands out an expiring bot token and a
// refresh token for the install (grant_type authorization_code), and a new pair for every refresh (grant_type
// refresh_token), each unique so a test can look for it in the database's bytes; auth.test knows every token it
// issued. And the browser's side of the install: /slack/install → Slack → /slack/oauth_redirect.
import { randomBytes } from 'node:crypto';
import type { RecordedCall, SlackStandIn, StandInReply } from './slack-stand-in.js';

/** The workspace the rotating install is for (the slash-command fixture's). */
export const ROTATING_TEAM = 'T0001ABCD';

/** The tokens the stand-in issued, in order, and how to script the refreshes. */
export interface RotatingOAuth {
  /** Every access token issued (the install's first). */
  accessTokens: string[];
  /** Every refresh token issued. */
  refreshTokens: string[];
  /** Lifetime of the tokens issued from now on, in seconds (Slack's is 12 hours). */
  expiresIn: number;
  /** When set, refreshes are answered with this Slack error instead of a new token. */
  refreshError: string | undefined;
  /** The refresh calls made so far. */
  refreshCalls(): RecordedCall[];
}

/** Scripts `slack` to install and refresh rotating tokens. */
export function rotatingOAuth(slack: SlackStandIn, expiresIn: number): RotatingOAuth {
  const run = randomBytes(4).toString('hex');
  const state: RotatingOAuth = {
    accessTokens: [],
    refreshTokens: [],
    expiresIn,
    refreshError: undefined,
    refreshCalls: () =>
      slack.apiCalls.filter((c) => c.path === 'oauth.v2.access' && c.body.grant_type === 'refresh_token'),
  };
  const issue = (): StandInReply => {
    const n = state.accessTokens.length + 1;
    const access = `xoxe.xoxb-1-${run}-access-${n}`;
    const refresh = `xoxe-1-${run}-refresh-${n}`;
    state.accessTokens.push(access);
    state.refreshTokens.push(refresh);
    return {
      body: {
        ok: true,
        app_id: 'A0123CAAC',
        authed_user: { id: 'U0002ADMIN' },
        scope: 'commands,chat:write,channels:read,groups:read,app_mentions:read',
        token_type: 'bot',
        access_token: access,
        refresh_token: refresh,
        expires_in: state.expiresIn,
        bot_user_id: 'UBOT0001',
        team: { id: ROTATING_TEAM, name: 'Example' },
        enterprise: null,
        is_enterprise_install: false,
      },
    };
  };
  slack.reply('oauth.v2.access', (body) => {
    if (body.grant_type !== 'refresh_token') return issue();
    if (state.refreshError) return { body: { ok: false, error: state.refreshError } };
    if (body.refresh_token !== state.refreshTokens.at(-1))
      return { body: { ok: false, error: 'invalid_refresh_token' } };
    return issue();
  });
  slack.reply('auth.test', () => ({
    body: { ok: true, team: 'Example', user: 'caac', team_id: ROTATING_TEAM, user_id: 'UBOT0001', bot_id: 'BBOT0001' },
  }));
  return state;
}

/** The token a recorded Web API call was made with (the Authorization header, or the body's token). */
export function tokenOf(call: RecordedCall): string | undefined {
  return call.authorization?.replace(/^Bearer /, '') ?? (call.body.token as string | undefined);
}

/** Installs the app as a browser would: /slack/install, then Slack's redirect back with a code. */
export async function installThroughBrowser(base: string): Promise<Response> {
  const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  if (install.status !== 302) throw new Error(`/slack/install answered ${install.status}`);
  const state = new URL(install.headers.get('location')!).searchParams.get('state')!;
  const cookie = install.headers.get('set-cookie')!.split(';')[0]!;
  return fetch(`${base}/slack/oauth_redirect?code=temporary-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
  });
}
