// The reminder records' contract: what channels asked to be reminded of. One kysely implementation serves SQLite and
// PostgreSQL; test/reminders/ runs one contract suite against both.
import type { ChannelRef } from '../core/ports.js';
import type {
  NewOneOff,
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

/** Reminders: added, listed, found for a poll, removed, disabled. */
export interface ReminderRecords {
  addSubscription(input: NewSubscription, now: Date): Promise<SubscriptionReminder>;
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
  /** Stops a reminder for good (channel gone, bot removed): it stays listed, marked disabled. */
  disable(id: string, reason: string, now: Date): Promise<void>;
}
