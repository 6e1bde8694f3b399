// The reminder scheduler. Every pollMs it plans the occurrences due now from the current dataset, stores them
// (idempotently), claims ready ones under a lease, posts each through the channel's platform Delivery, and records
// the outcome. The only window in which a crash can repeat a post is one HTTP round trip: between the claim and the
// record; an occurrence found claimed but unrecorded after its lease expired is posted again, flagged and logged
// as a possible repeat.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Answer } from '../core/answer.js';
import type { Clock } from '../core/clock.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import type { Deliveries, DeliveryResult } from './delivery.js';
import { planOccurrences } from './plan-occurrences.js';
import type { ClaimedOccurrence, OccurrenceOutcome, Reminder } from './reminder.js';
import { oneOffMessage, reminderMessage } from './reminder-message.js';
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
  /** How long a claim holds; must exceed one delivery's HTTP round trip with its timeouts. Default 2 min. */
  leaseMs?: number;
  /** Attempts per occurrence before it is recorded as failed. Default 6. */
  maxAttempts?: number;
  /** Backoff for transient errors without Retry-After: base · 2^(attempt-1), capped. Defaults 30 s and 15 min. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Occurrences claimed per poll. Default 50. */
  batchSize?: number;
  /** Names this scheduler in claims and logs. Default: a random id. */
  owner?: string;
}

/** What one poll did, for tests and logs. */
export interface TickReport {
  planned: number;
  skipped: number;
  claimed: number;
  outcomes: Array<{ reminderId: string; key: string; outcome: OccurrenceOutcome | 'retry' | 'released' | 'lost' }>;
}

/** A running scheduler: start() polls on a timer; tick() runs one poll (tests drive it by hand). */
export interface Scheduler {
  start(): void;
  /** Stops polling, lets the delivery in flight finish, and releases the claims not yet attempted. */
  stop(): Promise<void>;
  tick(): Promise<TickReport>;
}

/** Creates the scheduler (not started). */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const pollMs = deps.pollMs ?? 15_000;
  const graceMs = deps.graceMs ?? 24 * 3600_000;
  const lateAfterMs = deps.lateAfterMs ?? Math.max(2 * pollMs, 60_000);
  const catchUpMs = Math.max(deps.catchUpMs ?? 7 * 24 * 3600_000, graceMs);
  const leaseMs = deps.leaseMs ?? 120_000;
  const maxAttempts = deps.maxAttempts ?? 6;
  const backoffBaseMs = deps.backoffBaseMs ?? 30_000;
  const backoffMaxMs = deps.backoffMaxMs ?? 15 * 60_000;
  const batchSize = deps.batchSize ?? 50;
  const owner = deps.owner ?? `scheduler-${randomUUID().slice(0, 8)}`;
  const log = deps.logger.child({ component: 'reminders', owner });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;

  async function plan(reminders: Reminder[], events: CalendarEvent[], now: Date): Promise<{ planned: number; skipped: number }> {
    let planned = 0;
    let skipped = 0;
    for (const reminder of reminders) {
      const from = new Date(Math.max(reminder.createdAt.getTime(), now.getTime() - catchUpMs));
      const due = planOccurrences(reminder, events, from, now).map((o) =>
        now.getTime() - o.dueAt.getTime() > graceMs ? { ...o, skipped: 'missed by more than the grace window' } : o,
      );
      if (due.length === 0) continue;
      const added = await deps.store.addOccurrences(due, now);
      for (const o of added) {
        if ('skipped' in o && o.skipped) {
          skipped++;
          log.warn({ reminderId: o.reminderId, key: o.key, dueAt: o.dueAt.toISOString() }, 'reminder occurrence skipped: missed by more than the grace window');
        } else planned++;
      }
    }
    return { planned, skipped };
  }

  /** Builds the message, or says why this occurrence should not be posted any more. */
  function messageFor(reminder: Reminder, claim: ClaimedOccurrence, events: CalendarEvent[], dataset: Dataset, now: Date): Answer | string {
    if (reminder.kind === 'once') return oneOffMessage(reminder);
    const event = events.find((e) => e.id === claim.eventId);
    if (!event) return 'event no longer in the dataset';
    // The occurrence still stands only if the data still puts it at this instant (a moved date is a new key).
    const still = planOccurrences(reminder, [event], claim.dueAt, claim.dueAt).some((o) => o.key === claim.key);
    if (!still) return 'event date changed in the dataset';
    return reminderMessage({ reminder, event, dataset, now });
  }

  async function handle(claim: ClaimedOccurrence, events: CalendarEvent[], dataset: Dataset): Promise<TickReport['outcomes'][number]['outcome']> {
    const ctx = { reminderId: claim.reminderId, key: claim.key, dueAt: claim.dueAt.toISOString(), attempt: claim.attempts };
    const now = deps.clock.now();
    const reminder = await deps.store.get(claim.reminderId);
    const skip = async (why: string) => {
      await deps.store.record(claim, 'skipped', now, { error: why });
      log.info({ ...ctx, reason: why }, 'reminder occurrence skipped');
      return 'skipped' as const;
    };
    if (!reminder) return skip('reminder removed');
    if (reminder.disabled) return skip(`reminder disabled: ${reminder.disabled.reason}`);
    if (now.getTime() - claim.dueAt.getTime() > graceMs) return skip('missed by more than the grace window');
    const message = messageFor(reminder, claim, events, dataset, now);
    if (typeof message === 'string') return skip(message);
    const delivery = deps.deliveries[reminder.channel.platform];

    let result: DeliveryResult;
    if (!delivery) result = { kind: 'retry', reason: `${reminder.channel.platform} is not configured in this process` };
    else {
      if (claim.possibleRepeat) log.warn(ctx, 'reminder occurrence was claimed before and never recorded: posting again (possible repeat)');
      try {
        result = await delivery.deliver(reminder.channel, message);
      } catch (err) {
        // An adapter should return a result; a throw is treated as transient so that a bug cannot lose a reminder.
        result = { kind: 'retry', reason: err instanceof Error ? err.message : String(err) };
      }
    }
    const after = deps.clock.now();

    if (result.kind === 'delivered') {
      const outcome: OccurrenceOutcome = claim.possibleRepeat
        ? 'possible-repeat'
        : after.getTime() - claim.dueAt.getTime() > lateAfterMs
          ? 'late'
          : 'delivered';
      const kept = await deps.store.record(claim, outcome, after, result.messageId ? { messageId: result.messageId } : {});
      if (!kept) log.error({ ...ctx, outcome }, 'reminder posted but the claim was lost (lease too short?): it may be posted again');
      else log.info({ ...ctx, outcome, messageId: result.messageId }, 'reminder posted');
      return kept ? outcome : 'lost';
    }
    if (result.kind === 'permanent') {
      await deps.store.record(claim, 'failed', after, { error: result.reason });
      await deps.store.disable(reminder.id, result.reason, after);
      log.error({ ...ctx, reason: result.reason, channel: reminder.channelKey }, 'reminder disabled: the channel cannot be posted to');
      return 'failed';
    }
    const waitMs = result.afterMs ?? Math.min(backoffBaseMs * 2 ** Math.max(0, claim.attempts - 1), backoffMaxMs);
    const nextAt = new Date(after.getTime() + waitMs);
    if (claim.attempts >= maxAttempts || nextAt.getTime() - claim.dueAt.getTime() > graceMs) {
      await deps.store.record(claim, 'failed', after, { error: result.reason });
      log.error({ ...ctx, reason: result.reason }, 'reminder occurrence failed: out of attempts or past the grace window');
      return 'failed';
    }
    await deps.store.retryAt(claim, nextAt, result.reason);
    log.warn({ ...ctx, reason: result.reason, retryAt: nextAt.toISOString() }, 'reminder delivery will be retried');
    return 'retry';
  }

  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    const dataset = deps.dataset();
    const events = calendarEvents(dataset);
    const reminders = await deps.store.listActive();
    const { planned, skipped } = await plan(reminders, events, now);
    const claims = await deps.store.claimDue({ now, owner, leaseMs, limit: batchSize });
    const report: TickReport = { planned, skipped, claimed: claims.length, outcomes: [] };
    for (let i = 0; i < claims.length; i++) {
      const claim = claims[i]!;
      if (stopping) {
        const rest = claims.slice(i);
        await deps.store.release(rest);
        for (const c of rest) report.outcomes.push({ reminderId: c.reminderId, key: c.key, outcome: 'released' });
        log.info({ released: rest.length }, 'scheduler stopping: claims released');
        break;
      }
      try {
        report.outcomes.push({ reminderId: claim.reminderId, key: claim.key, outcome: await handle(claim, events, dataset) });
      } catch (err) {
        // A store error mid-occurrence: the lease expires and the occurrence is picked up again (possible repeat).
        log.error({ err, reminderId: claim.reminderId, key: claim.key }, 'reminder occurrence could not be handled');
      }
    }
    return report;
  }

  function runTick(): Promise<TickReport> {
    running ??= tick().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(): void {
    if (stopping) return;
    timer = setTimeout(() => {
      runTick()
        .catch((err: unknown) => log.error({ err }, 'scheduler poll failed'))
        .finally(schedule);
    }, pollMs);
    timer.unref?.();
  }

  return {
    start() {
      stopping = false;
      if (timer) return;
      log.info({ pollMs, graceMs, leaseMs }, 'reminder scheduler started');
      // First poll soon after start, so that occurrences missed while down go out without waiting a whole period.
      timer = setTimeout(() => {
        runTick()
          .catch((err: unknown) => log.error({ err }, 'scheduler poll failed'))
          .finally(schedule);
      }, 0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => undefined);
      log.info('reminder scheduler stopped');
    },
    tick: runTick,
  };
}
