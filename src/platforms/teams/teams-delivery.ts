// Proactive posts for reminders: the stored conversation reference, continueConversationAsync, one message.
// What the Bot Connector answers decides what the scheduler does next: 403/404 (the bot was removed, the
// conversation is gone) disable the reminder; 429 and 5xx (and network failures) are retried.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.js';
import type { ChannelRef } from '../../core/ports.js';
import type { Delivery, DeliveryResult } from '../../core/delivery.js';
import { answerToTeamsActivity } from './answer-to-teams-activity.js';
import type { TeamsConversationStore } from './teams-conversation-store.js';

/** What the Teams delivery needs: the adapter, the bot's app id ('' when unauthenticated), the stored references. */
export interface TeamsDeliveryDeps {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  appId: string;
  store: TeamsConversationStore;
  logger: Logger;
}

/** The Delivery that posts reminders into Teams chats and channels. */
export function createTeamsDelivery(deps: TeamsDeliveryDeps): Delivery {
  const { adapter, appId, store, logger } = deps;
  return {
    async canPost(channel: ChannelRef) {
      if (channel.platform !== 'teams') {
        return { ok: false, problem: 'not-teams' };
      }
      const reference = await store.get(channel.channelId);
      if (!reference) {
        return { ok: false, problem: 'not-added' };
      }
      return { ok: true };
    },

    async deliver(channel: ChannelRef, message: Answer): Promise<DeliveryResult> {
      const reference = await store.get(channel.channelId);
      if (!reference)
        return { kind: 'permanent', reason: 'no conversation reference: the bot is not in this conversation' };
      let messageId: string | undefined;
      // The adapter's turn error handler would swallow a failed post, so the error is caught inside the turn.
      let failure: unknown;
      let failed = false;
      try {
        await adapter.continueConversationAsync(appId, reference, async (context) => {
          // A continued turn "replies" to its own made-up continuation activity; a reminder is a new message in the
          // chat or a new post in the channel, so the reply id is dropped (sendToConversation, not replyToActivity).
          withoutRetries(context.turnState.get(context.adapter.ConnectorClientKey));
          context.onSendActivities(async (_ctx, activities, next) => {
            for (const a of activities) delete a.replyToId;
            return next();
          });
          try {
            const sent = await context.sendActivity(answerToTeamsActivity(message));
            messageId = sent?.id;
          } catch (err) {
            failed = true;
            failure = err;
          }
        });
      } catch (err) {
        failed = true;
        failure = err;
      }
      if (failed) {
        const result = classifyDeliveryError(failure);
        logger.warn({ err: failure, platform: 'teams', result: result.kind }, 'teams: proactive post failed');
        return result;
      }
      return messageId ? { kind: 'delivered', messageId } : { kind: 'delivered' };
    },
  };
}

// The connector client's HTTP pipeline retries 429s (waiting out Retry-After) and 5xx by itself. For a reminder that
// would hide the answer from the scheduler and widen the window in which a post may be repeated (a 5xx after Teams
// accepted the message) to several round trips; so proactive posts make one attempt and the scheduler decides.
function withoutRetries(client: unknown): void {
  const pipeline = (client as { client?: { pipeline?: { removePolicy(o: { name: string }): unknown } } } | undefined)
    ?.client?.pipeline;
  for (const name of [
    'defaultRetryPolicy',
    'exponentialRetryPolicy',
    'throttlingRetryPolicy',
    'systemErrorRetryPolicy',
  ]) {
    pipeline?.removePolicy({ name });
  }
}

/** Turns a Bot Connector failure into the scheduler's terms (exported for tests). */
export function classifyDeliveryError(err: unknown): Exclude<DeliveryResult, { kind: 'delivered' }> {
  const status = statusOf(err);
  const detail = err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
  if (status === 403 || status === 404 || status === 410) {
    return {
      kind: 'permanent',
      reason: `Teams answered ${status}: the bot was removed or the conversation is gone (${detail})`,
    };
  }
  if (status === 429) {
    const afterMs = retryAfterMs(err);
    return {
      kind: 'retry',
      reason: 'Teams answered 429: too many messages',
      ...(afterMs !== undefined ? { afterMs } : {}),
    };
  }
  if (status !== undefined && status >= 500) return { kind: 'retry', reason: `Teams answered ${status} (${detail})` };
  if (status !== undefined) return { kind: 'retry', reason: `Teams answered ${status} (${detail})` };
  return { kind: 'retry', reason: `could not reach the Bot Connector (${detail})` };
}

// botbuilder's connector throws a RestError with `statusCode`; older paths put it on `response.status`.
function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const s = e?.statusCode ?? e?.response?.status;
  return typeof s === 'number' ? s : undefined;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined } } } | undefined)
    ?.response?.headers;
  const raw = headers?.get?.('retry-after');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
}
