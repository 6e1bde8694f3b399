// Bot tokens for reminders under Slack's token rotation: a token that expires within the margin is refreshed with
// oauth.v2.access (grant_type=refresh_token) before it is used, and the new token, refresh token and expiry are
// stored (sealed) for every replica. Requests are refreshed by Bolt's own InstallProvider.authorize on the same
// store; this covers the deliveries, which no request precedes. A refresh Slack refuses for good disables the
// workspace's reminders (each is refused as permanent), logged once; anything else is retried later.
// https://docs.slack.dev/authentication/using-token-rotation · https://docs.slack.dev/reference/methods/oauth.v2.access
import { webApi } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import type { TokenProblem } from './slack-delivery.js';
import type { SqlInstallationStore, StoredInstallation } from './sql-installation-store.js';

/** Refresh a token that expires within this much time (Bolt's InstallProvider uses the same two hours). */
export const REFRESH_MARGIN_MS = 2 * 60 * 60 * 1000;

// Slack's answers meaning the refresh token itself is dead: only a new install helps.
const DEAD_REFRESH_ERRORS = new Set(['invalid_refresh_token', 'token_revoked', 'token_expired', 'app_uninstalled']);

/** Options of `createTokenRefresher`. */
export interface TokenRefresherOptions {
  store: SqlInstallationStore;
  clientId: string;
  clientSecret: string;
  clock: Clock;
  logger: Logger;
  /** Web API base URL ending in "/" (SLACK_API_URL). */
  apiUrl?: string;
  clientLogger?: BoltLogger;
  /** Timeout of the oauth.v2.access call; default 10 s. */
  timeoutMs?: number;
}

/** Hands out current bot tokens, refreshing them first when they are about to expire. */
export interface TokenRefresher {
  /** The token to post with in a workspace (or its Enterprise Grid org's org-wide install), or why there is none. */
  botToken(workspaceId: string, enterpriseId?: string): Promise<string | TokenProblem>;
}

/** Creates the refresher for the OAuth install. */
export function createTokenRefresher(options: TokenRefresherOptions): TokenRefresher {
  const { store, clock, logger } = options;
  const client = new webApi.WebClient(undefined, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.clientLogger ? { logger: options.clientLogger } : {}),
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 10_000,
  });
  // One refresh per installation at a time in this process; the others wait for its result.
  const inFlight = new Map<string, Promise<string | TokenProblem>>();
  // Refresh tokens Slack refused for good: not tried again (nor logged again) until a new install replaces them.
  const dead = new Map<string, string>();

  const refresh = async ({ rowId, installation }: StoredInstallation): Promise<string | TokenProblem> => {
    const bot = installation.bot!;
    const refreshToken = bot.refreshToken!;
    const deadCode = dead.get(refreshToken);
    if (deadCode) return refused(rowId, deadCode);
    try {
      const res = await client.oauth.v2.access({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
      if (!res.access_token || !res.refresh_token || typeof res.expires_in !== 'number') {
        return { kind: 'retry', reason: 'Slack answered the token refresh without a token' };
      }
      const nowSeconds = Math.floor(clock.now().getTime() / 1000);
      await store.storeInstallation({
        ...installation,
        bot: {
          ...bot,
          token: res.access_token,
          refreshToken: res.refresh_token,
          expiresAt: nowSeconds + res.expires_in,
        },
      });
      logger.info({ team: rowId }, 'slack bot token refreshed (token rotation)');
      return res.access_token;
    } catch (err) {
      const code = (err as { code?: string; data?: { error?: string } }).data?.error;
      if (code && DEAD_REFRESH_ERRORS.has(code)) {
        dead.set(refreshToken, code);
        logger.error(
          { team: rowId, error: code },
          "slack bot token could not be refreshed: Slack refused the refresh token, so this workspace's reminders are disabled until the app is installed again (/slack/install)",
        );
        return refused(rowId, code);
      }
      const reason = code ?? (err instanceof Error ? err.message : String(err));
      logger.warn({ team: rowId, error: reason }, 'slack bot token refresh failed; will try again');
      return { kind: 'retry', reason: `the bot token could not be refreshed (${reason})` };
    }
  };

  return {
    async botToken(workspaceId, enterpriseId) {
      const stored = await store.installationFor(workspaceId, enterpriseId);
      const bot = stored?.installation.bot;
      if (!stored || !bot?.token) {
        return {
          kind: 'permanent',
          reason: `the app is not installed in workspace ${workspaceId} (install it again from /slack/install)`,
        };
      }
      const expiresAtMs = (bot.expiresAt ?? Number.POSITIVE_INFINITY) * 1000;
      if (!bot.refreshToken || expiresAtMs - clock.now().getTime() > REFRESH_MARGIN_MS) return bot.token;
      const running = inFlight.get(stored.rowId);
      if (running) return running;
      const next = refresh(stored).finally(() => inFlight.delete(stored.rowId));
      inFlight.set(stored.rowId, next);
      return next;
    },
  };
}

function refused(rowId: string, code: string): TokenProblem {
  return {
    kind: 'permanent',
    reason: `Slack refused to refresh the bot token of workspace ${rowId} (${code}): install the app again from /slack/install`,
  };
}
