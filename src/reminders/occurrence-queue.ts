// The occurrence queue's contract: the occurrences due from reminders, claimed under a lease so that each goes out
// once, and their outcomes. One kysely implementation serves SQLite and PostgreSQL; test/reminders/ runs one
// contract suite against both.
import type { ClaimedOccurrence, Occurrence, OccurrenceOutcome, PlannedOccurrence } from './reminder.js';

/** Occurrences: stored idempotently, claimed with leases, recorded once. */
export interface OccurrenceQueue {
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
  /**
   * Puts a claimed occurrence back, to be tried again at `at` (a 429, a 5xx); false if the claim was lost.
   * `maybePosted`: the attempt may have reached the platform (no answer in time), so the next one is a possible repeat.
   */
  retryAt(claim: ClaimedOccurrence, at: Date, error: string, opts?: { maybePosted?: boolean }): Promise<boolean>;
  /**
   * Extends a claim's lease to `until`, before a post and while one is in flight; false if the claim was lost (the
   * lease expired and another scheduler took it, or it was recorded): then nothing may be posted for it.
   */
  renew(claim: ClaimedOccurrence, until: Date): Promise<boolean>;
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
