// The port reminders are posted through (the core's side of it). The Slack and Teams adapters each implement it, so
// neither the scheduler nor the reminder commands know which platform a reminder goes to.
import type { Answer } from './answer.js';
import type { ChannelRef } from './ports.js';

/** What became of one attempt to post. */
export type DeliveryResult =
  | {
      kind: 'delivered' /** The platform's id of the posted message (Slack ts, Teams activity id), for logs. */;
      messageId?: string;
    }
  /**
   * Try again later: a 429 with Retry-After, a 5xx, a network error. `maybePosted`: the request may have reached
   * the platform (no answer before the timeout), so the next attempt says it may be a repeat.
   */
  | { kind: 'retry'; afterMs?: number; reason: string; maybePosted?: boolean }
  /** Never going to work: the channel is gone, archived, or has removed the bot. The reminder is disabled. */
  | { kind: 'permanent'; reason: string };

/**
 * Why a delivery cannot post to a channel: a code, said (with its fix) in the answer's language by the reminder
 * commands. `off`: the platform is not configured on this service; `variables` names the settings that turn it on.
 */
export type CannotPost =
  | { ok: false; problem: 'not-installed' | 'archived' | 'not-member' | 'not-visible' | 'not-teams' | 'not-added' }
  | { ok: false; problem: 'off'; platform: ChannelRef['platform']; variables: string };

/** Posts an answer (a rendered reminder) to a channel, proactively. */
export interface Delivery {
  /** Whether this delivery can post to that channel at all (used by `remind` to warn at once, not on the day). */
  canPost(channel: ChannelRef): Promise<{ ok: true } | CannotPost>;
  deliver(channel: ChannelRef, message: Answer): Promise<DeliveryResult>;
}

/** Deliveries by platform; the composition root fills in the platforms that are configured. */
export type Deliveries = Partial<Record<ChannelRef['platform'], Delivery>>;
