// The scheduler's dependencies, its timings with the contract's defaults, and what it reports.
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { Dataset } from '../dataset/schema.js';
import type { Deliveries } from '../core/delivery.js';
import type { OccurrenceOutcome } from './reminder.js';
import type { ReminderStore } from './reminder-store.js';

/** What the scheduler needs; every timing has a default that matches the contract. */
export interface SchedulerDeps {
  store: ReminderStore;
  dataset: () => Dataset;
  deliveries: Deliveries;
  clock: Clock;
  logger: Logger;
  /** How often to look for due work (CAAC_SCHEDULER_POLL_MS). Default 15 s. */
  pollMs?: number;
  /** How late an occurrence may still be posted (marked late); older ones are recorded as skipped. Default 24 h. */
  graceMs?: number;
  /** Posted later than this after its time counts as late. Default: two polls, at least a minute. */
  lateAfterMs?: number;
  /** How far back missed occurrences are looked for after downtime (recorded as skipped past the grace). Default 7 days. */
  catchUpMs?: number;
  /** How long a claim holds; renewed before each post, which must end well within it. Default 2 min. */
  leaseMs?: number;
  /**
   * How long one post may take before it is given up (and retried as a possible repeat): at most half the lease,
   * so that a post never outlives its claim. Default 30 s.
   */
  deliveryTimeoutMs?: number;
  /** Attempts per occurrence before it is recorded as failed. Default 6. */
  maxAttempts?: number;
  /** Backoff for transient errors without Retry-After: base · 2^(attempt-1), capped. Defaults 30 s and 15 min. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Occurrences claimed at a time; a full batch is followed by another claim at once. Default 50. */
  batchSize?: number;
  /** Posts in flight at once, each to a different channel; a slow channel holds one of them only. Default 8. */
  concurrency?: number;
  /** Gap kept between two posts to one channel (Slack allows one message a second per channel). Default 1 s. */
  channelSpacingMs?: number;
  /** Names this scheduler in claims and logs. Default: a random id. */
  owner?: string;
  /**
   * Told what became of each occurrence once it is recorded (metrics): 'delivered' (a possible repeat included),
   * 'late', 'skipped' or 'failed'; and 'disabled' when a reminder is disabled because its channel cannot be posted to.
   */
  onOutcome?: (outcome: SchedulerOutcome) => void;
}

/** What the scheduler reports through `onOutcome`. */
export type SchedulerOutcome = 'delivered' | 'late' | 'skipped' | 'failed' | 'disabled';

/** What became of one claimed occurrence in a poll. `deferred`: put back untried until its channel's next slot. */
export type HandledOutcome = OccurrenceOutcome | 'retry' | 'released' | 'lost' | 'deferred';

/** What one poll did, for tests and logs. */
export interface TickReport {
  planned: number;
  skipped: number;
  claimed: number;
  outcomes: Array<{ reminderId: string; key: string; outcome: HandledOutcome }>;
}

/** The timings in force, every default filled in. */
export interface SchedulerSettings {
  pollMs: number;
  graceMs: number;
  lateAfterMs: number;
  catchUpMs: number;
  leaseMs: number;
  deliveryTimeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  batchSize: number;
  concurrency: number;
  spacingMs: number;
}

/** Fills in the defaults. */
export function schedulerSettings(deps: SchedulerDeps): SchedulerSettings {
  const pollMs = deps.pollMs ?? 15_000;
  const graceMs = deps.graceMs ?? 24 * 3600_000;
  const leaseMs = deps.leaseMs ?? 120_000;
  return {
    pollMs,
    graceMs,
    lateAfterMs: deps.lateAfterMs ?? Math.max(2 * pollMs, 60_000),
    catchUpMs: Math.max(deps.catchUpMs ?? 7 * 24 * 3600_000, graceMs),
    leaseMs,
    deliveryTimeoutMs: Math.min(deps.deliveryTimeoutMs ?? 30_000, Math.floor(leaseMs / 2)),
    maxAttempts: deps.maxAttempts ?? 6,
    backoffBaseMs: deps.backoffBaseMs ?? 30_000,
    backoffMaxMs: deps.backoffMaxMs ?? 15 * 60_000,
    batchSize: deps.batchSize ?? 50,
    concurrency: Math.max(1, deps.concurrency ?? 8),
    spacingMs: deps.channelSpacingMs ?? 1000,
  };
}

/** Tells a listener an outcome; a failing listener (metrics) must never cost a reminder. */
export function outcomeTeller(deps: SchedulerDeps, log: Logger): (outcome: SchedulerOutcome) => void {
  return (outcome) => {
    try {
      deps.onOutcome?.(outcome);
    } catch (err) {
      log.warn({ err, outcome }, 'reminder outcome listener failed');
    }
  };
}
