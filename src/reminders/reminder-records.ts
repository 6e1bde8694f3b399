// The reminder records' contract: what channels asked to be reminded of. One kysely implementation serves SQLite and
// PostgreSQL; test/reminders/ runs one contract suite against both.
import type { ChannelRef } from '../core/ports.js';
import type {
  ChannelWideReminder,
  NewDigest,
  NewOneOff,
  NewStale,
  NewReminder,
  NewSubscription,
  OneOffReminder,
  Reminder,
  SubscriptionReminder,
  TargetLeads,
} from './reminder.js';

/** What a poll asks for: the reminders that may have an occurrence in [from, to]. */
export interface CandidateQuery {
  /** Subscriptions on these targets, with one of the lead times given (any lead when a target lists none). */
  targets: readonly TargetLeads[];
  /** One-offs firing in [from, to] that have no occurrence stored yet. */
  from: Date;
  to: Date;
}

/** The reminder a channel already holds in place of the one asked for: same subscription target, or same kind. */
export type ExistingReminder = SubscriptionReminder | ChannelWideReminder;

/** What became of adding a reminder: added, or not because the channel has that one already or is full. */
export type AddOutcome =
  | { kind: 'added'; reminder: Reminder }
  | { kind: 'exists'; reminder: ExistingReminder }
  | { kind: 'full'; count: number };

/** Reminders: added, listed, found for a poll, removed, disabled. */
export interface ReminderRecords {
  /**
   * Adds a reminder atomically: not when the channel already has an active subscription to that target, or an
   * active digest or curator notices for a new one of those (`exists`, with it), nor when it holds `maxPerChannel`
   * reminders (`full`). Safe under concurrent calls on one channel.
   */
  add(input: NewReminder, now: Date, limits: { maxPerChannel: number }): Promise<AddOutcome>;
  /**
   * Changes a channel's digest or curator notices in place (same id): its time, zone and, for a digest, its day,
   * horizon, countries and `always`. Returns it as changed; undefined if there is no such active one in the channel.
   */
  update(
    id: string,
    channelKey: string,
    settings: ({ kind: 'digest' } & NewDigest) | ({ kind: 'stale' } & NewStale),
  ): Promise<ChannelWideReminder | undefined>;
  /** Adds a subscription with no cap; the channel's existing one on that target if it has one. */
  addSubscription(input: NewSubscription, now: Date): Promise<SubscriptionReminder>;
  /** Adds a one-off with no cap. */
  addOneOff(input: NewOneOff, now: Date): Promise<OneOffReminder>;
  get(id: string): Promise<Reminder | undefined>;
  /** Several reminders at once (the ones that exist), for a batch of claims. */
  getMany(ids: readonly string[]): Promise<Reminder[]>;
  /** A channel's reminders, oldest first, disabled ones included. */
  listByChannel(channelKey: string): Promise<Reminder[]>;
  /** Every reminder that is not disabled. */
  listActive(): Promise<Reminder[]>;
  /** The active reminders of one workspace (a Slack team, a Teams tenant) on one platform, oldest first. */
  listByWorkspace(platform: ChannelRef['platform'], workspaceId: string): Promise<Reminder[]>;
  /**
   * The active reminders a poll has to plan, by index rather than by reading them all: subscriptions on the targets
   * (and lead times) the calendar says may fire, and the one-offs due in the window not yet stored. Any order.
   */
  listCandidates(query: CandidateQuery): Promise<Reminder[]>;
  /** Removes a reminder (and its occurrences) if it belongs to that channel; false when there is no such reminder there. */
  remove(id: string, channelKey: string): Promise<boolean>;
  /** Stops a reminder for good (channel gone, bot removed): it stays listed, marked disabled, its target freed. */
  disable(id: string, reason: string, now: Date): Promise<void>;
}
