// The Slack Delivery: posts reminders with chat.postMessage and classifies failures for the scheduler (retry after
// Slack's Retry-After, or give up for good when the channel is gone or has removed the bot).
// https://docs.slack.dev/reference/methods/chat.postMessage · https://docs.slack.dev/apis/web-api/rate-limits
import { webApi } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Answer } from '../../core/answer.js';
import type { ChannelRef } from '../../core/ports.js';
import type { Delivery, DeliveryResult } from '../../core/delivery.js';
import { answerToBlockKit } from '../../render/answer-to-block-kit.js';

/** Slack errors that no retry will fix: the reminder is disabled. */
export const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'token_revoked',
  'invalid_auth',
  'not_authed',
  'team_access_not_granted',
  'restricted_action',
  'missing_scope',
]);

/** Why there is no token to post with: for good (not installed, refresh refused) or for now (refresh failed). */
export interface TokenProblem {
  kind: 'permanent' | 'retry';
  reason: string;
}

/** Options of `createSlackDelivery`. */
export interface SlackDeliveryOptions {
  /** The bot token for a workspace (single install: the one token; OAuth: from the store, refreshed if expiring). */
  tokenFor(channel: ChannelRef): Promise<string | TokenProblem | undefined>;
  /** Web API base URL ending in "/" (SLACK_API_URL); Slack's own when unset. */
  apiUrl?: string;
  logger?: BoltLogger;
  /** How long one Web API call may take before it is abandoned; well under the scheduler's lease. Default 10 s. */
  timeoutMs?: number;
}

/** Creates the Slack Delivery. One Web API client, the token passed per call; no automatic retries (the scheduler retries). */
export function createSlackDelivery(options: SlackDeliveryOptions): Delivery {
  const client = new webApi.WebClient(undefined, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    retryConfig: { retries: 0 },
    // A call that hangs must not hold a reminder's claim: it fails here and the scheduler decides what follows.
    timeout: options.timeoutMs ?? 10_000,
    rejectRateLimitedCalls: true,
  });

  return {
    async canPost(channel: ChannelRef) {
      const token = await options.tokenFor(channel);
      // A refresh that failed for now is not a "no": the first delivery will tell.
      if (typeof token === 'object' && token.kind === 'retry') return { ok: true };
      if (typeof token !== 'string') return { ok: false, problem: 'not-installed' };
      try {
        const info = await client.conversations.info({ token, channel: channel.channelId });
        const c = info.channel;
        if (c?.is_archived) return { ok: false, problem: 'archived' };
        if (c && !c.is_im && c.is_member === false) {
          return { ok: false, problem: 'not-member' };
        }
        return { ok: true };
      } catch (err) {
        const code = slackErrorCode(err);
        if (code === 'channel_not_found') {
          return { ok: false, problem: 'not-visible' };
        }
        // Anything else (no scope for this kind of conversation, a network fault) is not a "no": the first delivery will tell.
        return { ok: true };
      }
    },

    async deliver(channel: ChannelRef, message: Answer): Promise<DeliveryResult> {
      const token = await options.tokenFor(channel);
      if (typeof token === 'object') return token;
      if (!token) return { kind: 'permanent', reason: `the app is not installed in workspace ${channel.workspaceId}` };
      const { text, blocks } = answerToBlockKit(message);
      try {
        const result = await client.chat.postMessage({
          token,
          channel: channel.channelId,
          text,
          blocks: blocks as never,
          unfurl_links: false,
          unfurl_media: false,
        });
        return { kind: 'delivered', ...(result.ts ? { messageId: result.ts } : {}) };
      } catch (err) {
        return classify(err);
      }
    },
  };
}

/** Turns a Web API error into a delivery result. */
export function classify(err: unknown): DeliveryResult {
  const e = err as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    message?: string;
  };
  if (e.code === 'slack_webapi_rate_limited_error') {
    return { kind: 'retry', afterMs: Math.max(1, e.retryAfter ?? 1) * 1000, reason: 'rate limited by Slack (429)' };
  }
  const code = slackErrorCode(err);
  if (code && PERMANENT_SLACK_ERRORS.has(code)) return { kind: 'permanent', reason: code };
  if (code) return { kind: 'retry', reason: code };
  // A timeout after the request went out: Slack may have posted it, so the next attempt says it may be a repeat.
  const original = (err as { original?: { code?: unknown; name?: unknown } }).original;
  const timedOut =
    original?.name === 'TimeoutError' || /^(ECONNABORTED|ETIMEDOUT|ECONNRESET)$/.test(String(original?.code ?? ''));
  if (e.code === 'slack_webapi_request_error' && timedOut)
    return { kind: 'retry', reason: 'no answer from Slack in time', maybePosted: true };
  if (e.code === 'slack_webapi_http_error')
    return { kind: 'retry', reason: `HTTP ${e.statusCode ?? 'error'} from Slack` };
  return { kind: 'retry', reason: e.message ?? 'network error' };
}

function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
}
