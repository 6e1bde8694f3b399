// The reminder store's contract. One kysely implementation serves SQLite and PostgreSQL; test/reminders/ runs one
// contract suite against both.
import type { ChannelRef } from '../core/ports.js';
import type {
  ClaimedOccurrence,
  NewOneOff,
  NewSubscription,
  Occurrence,
  OccurrenceOutcome,
  OneOffReminder,
  PlannedOccurrence,
  Reminder,
  SubscriptionReminder,
  TargetLeads,
} from './reminder.js';

/** What a poll asks the store for: the reminders that may have an occurrence in [from, to]. */
export interface CandidateQuery {
  /** Subscriptions on these targets, with one of the lead times given (any lead when a target lists none). */
  targets: readonly TargetLeads[];
  /** One-offs firing in [from, to] that have no occurrence stored yet. */
  from: Date;
  to: Date;
}

/** Reminders, and the occurrences delivered from them, with leases so that each occurrence goes out once. */
export interface ReminderStore {
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

  /**
   * Stores occurrences that are due, unless already stored (same reminder and key): pending, or recorded at once as
   * `skipped` when `skipped` is set. Returns the ones that were new.
   */
  addOccurrences(
    occurrences: ReadonlyArray<PlannedOccurrence & { skipped?: string }>,
    now: Date,
  ): Promise<PlannedOccurrence[]>;
  /**
   * Claims up to `limit` occurrences that are ready (pending and due, or claimed under a lease that has expired),
   * each for one caller only, with a lease until now + leaseMs. An expired lease means a scheduler claimed and never
   * recorded (a crash): such an occurrence comes back with `possibleRepeat` set.
   */
  claimDue(opts: { now: Date; owner: string; leaseMs: number; limit: number }): Promise<ClaimedOccurrence[]>;
  /** Records the outcome of a claimed occurrence; false if the claim was lost (lease expired and taken). */
  record(
    claim: ClaimedOccurrence,
    outcome: OccurrenceOutcome,
    now: Date,
    detail?: { messageId?: string; error?: string },
  ): Promise<boolean>;
  /** Puts a claimed occurrence back, to be tried again at `at` (a 429, a 5xx); false if the claim was lost. */
  retryAt(claim: ClaimedOccurrence, at: Date, error: string): Promise<boolean>;
  /**
   * Puts claimed occurrences back untried, each ready again at its `at` (its channel's next free slot): not an
   * attempt, so the attempt counted at claim time is given back. Returns the ids deferred (a lost claim is not).
   */
  defer(deferrals: ReadonlyArray<{ claim: ClaimedOccurrence; at: Date }>): Promise<Set<string>>;
  /** Releases claims without an attempt (shutdown): ready again at once for any scheduler. */
  release(claims: readonly ClaimedOccurrence[]): Promise<void>;
  /** A reminder's occurrences, by due time (for `reminders`, logs and tests). */
  listOccurrences(reminderId: string): Promise<Occurrence[]>;
}
