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
import type { Deliveries, DeliveryResult } from '../core/delivery.js';
import { createOccurrencePlanner, planOccurrences } from './plan-occurrences.js';
import type { OccurrencePlanner } from './plan-occurrences.js';
import type { ClaimedOccurrence, OccurrenceOutcome, PlannedOccurrence, Reminder } from './reminder.js';
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
  /** Occurrences claimed at a time; a full batch is followed by another claim at once. Default 50. */
  batchSize?: number;
  /** Posts in flight at once, each to a different channel. Default 8. */
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

/** What one poll did, for tests and logs. */
export interface TickReport {
  planned: number;
  skipped: number;
  claimed: number;
  /** `deferred`: put back untried until its channel's next free second. */
  outcomes: Array<{
    reminderId: string;
    key: string;
    outcome: OccurrenceOutcome | 'retry' | 'released' | 'lost' | 'deferred';
  }>;
}

/** A running scheduler: start() polls on a timer; tick() runs one poll (tests drive it by hand). */
export interface Scheduler {
  start(): void;
  /** Stops polling, lets the delivery in flight finish, and releases the claims not yet attempted. */
  stop(): Promise<void>;
  tick(): Promise<TickReport>;
}

// Claim rounds in one poll at most (batchSize each); more waits for the next poll, which then comes at once.
const MAX_ROUNDS = 50;

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
  const concurrency = Math.max(1, deps.concurrency ?? 8);
  const spacingMs = deps.channelSpacingMs ?? 1000;
  const owner = deps.owner ?? `scheduler-${randomUUID().slice(0, 8)}`;
  const log = deps.logger.child({ component: 'reminders', owner });

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;
  // A failing listener (metrics) must never cost a reminder.
  const tell = (outcome: SchedulerOutcome): void => {
    try {
      deps.onOutcome?.(outcome);
    } catch (err) {
      log.warn({ err, outcome }, 'reminder outcome listener failed');
    }
  };

  // Occurrences this process has seen stored ("<reminder id> <key>" → due time): a poll does not insert again what
  // an earlier poll stored. Only a saving; the store's unique key remains the guarantee.
  const stored = new Map<string, number>();
  // The calendar of the dataset last seen: derived once per dataset, not per poll.
  let calendar: { dataset: Dataset; events: CalendarEvent[] } | undefined;
  const eventsOf = (dataset: Dataset): CalendarEvent[] => {
    if (calendar?.dataset !== dataset) calendar = { dataset, events: calendarEvents(dataset) };
    return calendar.events;
  };

  async function plan(planner: OccurrencePlanner, now: Date): Promise<{ planned: number; skipped: number }> {
    const from = new Date(now.getTime() - catchUpMs);
    for (const [key, dueAt] of stored) if (dueAt < from.getTime()) stored.delete(key);
    // Only the reminders that can fire in the window: the calendar names the targets (and lead times), the store's
    // indexes find their subscriptions, plus the one-offs due and not yet stored.
    const reminders = await deps.store.listCandidates({ targets: planner.targetsFiring(from, now), from, to: now });
    const due: Array<PlannedOccurrence & { skipped?: string }> = [];
    for (const reminder of reminders) {
      const since = new Date(Math.max(reminder.createdAt.getTime(), from.getTime()));
      for (const o of planner.plan(reminder, since, now)) {
        if (stored.has(`${o.reminderId} ${o.key}`)) continue;
        due.push(
          now.getTime() - o.dueAt.getTime() > graceMs ? { ...o, skipped: 'missed by more than the grace window' } : o,
        );
      }
    }
    if (due.length === 0) return { planned: 0, skipped: 0 };
    const added = await deps.store.addOccurrences(due, now);
    for (const o of due) stored.set(`${o.reminderId} ${o.key}`, o.dueAt.getTime());
    let planned = 0;
    let skipped = 0;
    for (const o of added) {
      if ('skipped' in o && o.skipped) {
        skipped++;
        tell('skipped');
        log.warn(
          { reminderId: o.reminderId, key: o.key, dueAt: o.dueAt.toISOString() },
          'reminder occurrence skipped: missed by more than the grace window',
        );
      } else planned++;
    }
    return { planned, skipped };
  }

  /** Builds the message, or says why this occurrence should not be posted any more. */
  function messageFor(
    reminder: Reminder,
    claim: ClaimedOccurrence,
    events: CalendarEvent[],
    dataset: Dataset,
    now: Date,
  ): Answer | string {
    if (reminder.kind === 'once') return oneOffMessage(reminder);
    const event = events.find((e) => e.id === claim.eventId);
    if (!event) return 'event no longer in the dataset';
    // The occurrence still stands only if the data still puts it at this instant (a moved date is a new key).
    const still = planOccurrences(reminder, [event], claim.dueAt, claim.dueAt).some((o) => o.key === claim.key);
    if (!still) return 'event date changed in the dataset';
    return reminderMessage({ reminder, event, dataset, now });
  }

  async function handle(
    claim: ClaimedOccurrence,
    reminder: Reminder | undefined,
    events: CalendarEvent[],
    dataset: Dataset,
  ): Promise<TickReport['outcomes'][number]['outcome']> {
    const ctx = {
      reminderId: claim.reminderId,
      key: claim.key,
      dueAt: claim.dueAt.toISOString(),
      attempt: claim.attempts,
    };
    // Not attempted yet: a stop() that came while other posts of the batch were in flight leaves it to any scheduler.
    if (stopping) {
      await deps.store.release([claim]);
      return 'released';
    }
    const now = deps.clock.now();
    const skip = async (why: string) => {
      await deps.store.record(claim, 'skipped', now, { error: why });
      tell('skipped');
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
      if (claim.possibleRepeat)
        log.warn(ctx, 'reminder occurrence was claimed before and never recorded: posting again (possible repeat)');
      try {
        result = await delivery.deliver(reminder.channel, message);
      } catch (err) {
        // An adapter should return a result; a throw is treated as transient so that a bug cannot lose a reminder.
        result = { kind: 'retry', reason: err instanceof Error ? err.message : String(err) };
      }
    }
    const after = deps.clock.now();
    // The channel's next post waits a second after this one ends, or as long as a 429 asked.
    const hold = result.kind === 'retry' ? Math.max(spacingMs, result.afterMs ?? 0) : spacingMs;
    channelFree.set(reminder.channelKey, after.getTime() + hold);

    if (result.kind === 'delivered') {
      const outcome: OccurrenceOutcome = claim.possibleRepeat
        ? 'possible-repeat'
        : after.getTime() - claim.dueAt.getTime() > lateAfterMs
          ? 'late'
          : 'delivered';
      const kept = await deps.store.record(
        claim,
        outcome,
        after,
        result.messageId ? { messageId: result.messageId } : {},
      );
      // A lost claim is counted by the scheduler that records the occurrence in the end.
      if (!kept)
        log.error(
          { ...ctx, outcome },
          'reminder posted but the claim was lost (lease too short?): it may be posted again',
        );
      else {
        tell(outcome === 'late' ? 'late' : 'delivered');
        log.info({ ...ctx, outcome, messageId: result.messageId }, 'reminder posted');
      }
      return kept ? outcome : 'lost';
    }
    if (result.kind === 'permanent') {
      await deps.store.record(claim, 'failed', after, { error: result.reason });
      await deps.store.disable(reminder.id, result.reason, after);
      tell('failed');
      tell('disabled');
      log.error(
        { ...ctx, reason: result.reason, channel: reminder.channelKey },
        'reminder disabled: the channel cannot be posted to',
      );
      return 'failed';
    }
    const waitMs = result.afterMs ?? Math.min(backoffBaseMs * 2 ** Math.max(0, claim.attempts - 1), backoffMaxMs);
    const nextAt = new Date(after.getTime() + waitMs);
    if (claim.attempts >= maxAttempts || nextAt.getTime() - claim.dueAt.getTime() > graceMs) {
      await deps.store.record(claim, 'failed', after, { error: result.reason });
      tell('failed');
      log.error(
        { ...ctx, reason: result.reason },
        'reminder occurrence failed: out of attempts or past the grace window',
      );
      return 'failed';
    }
    await deps.store.retryAt(claim, nextAt, result.reason);
    log.warn({ ...ctx, reason: result.reason, retryAt: nextAt.toISOString() }, 'reminder delivery will be retried');
    return 'retry';
  }

  // Per channel, when its next post may start: posts to one channel are spaced here rather than learnt from 429s,
  // which would spend attempts. An occurrence whose channel is busy is deferred (untried) to a slot of its own:
  // queueEnd is the last slot handed out per channel, held the slot each deferred occurrence was given, so that it
  // keeps its turn when it comes back. In memory: a second replica spaces its own posts, and a 429 still backs off.
  const channelFree = new Map<string, number>();
  const queueEnd = new Map<string, number>();
  const held = new Map<string, number>();
  // When the next poll should come if sooner than pollMs: the earliest slot still held, or at once after a poll that
  // stopped claiming at MAX_ROUNDS.
  let wakeAt: number | undefined;

  /**
   * Posts a claimed batch: one post per free channel, `concurrency` at once (the batch is over before the next claim,
   * so that is also one in flight per channel); the others deferred to their slots. Workers start synchronously up
   * to their post, so a stop() during one post is seen by the next before it posts.
   */
  async function runBatch(
    claims: ClaimedOccurrence[],
    events: CalendarEvent[],
    dataset: Dataset,
  ): Promise<TickReport['outcomes']> {
    if (claims.length === 0) return [];
    const now = deps.clock.now().getTime();
    for (const map of [channelFree, queueEnd]) for (const [k, t] of map) if (t < now) map.delete(k);
    for (const [id, t] of held) if (t < now - leaseMs) held.delete(id); // taken by another replica meanwhile
    const reminders = new Map((await deps.store.getMany(claims.map((c) => c.reminderId))).map((r) => [r.id, r]));
    const outcomes: Array<TickReport['outcomes'][number] | undefined> = new Array(claims.length);
    const postNow: number[] = [];
    const deferTo: Array<[number, number]> = [];
    for (const [i, claim] of claims.entries()) {
      const reminder = reminders.get(claim.reminderId);
      // Removed or disabled: handle() records the skip, posting nothing, so it takes no slot.
      if (!reminder || reminder.disabled) {
        postNow.push(i);
        continue;
      }
      const channel = reminder.channelKey;
      const free = channelFree.get(channel) ?? 0;
      const turn = held.get(claim.id);
      held.delete(claim.id);
      const slot =
        turn !== undefined
          ? Math.max(now, free)
          : Math.max(now, free, (queueEnd.get(channel) ?? -Infinity) + spacingMs);
      if (slot <= now) {
        postNow.push(i);
        channelFree.set(channel, now + spacingMs); // until the post ends and sets it precisely
      } else {
        deferTo.push([i, slot]);
        held.set(claim.id, slot);
        if (turn === undefined) queueEnd.set(channel, slot);
      }
    }
    const run = async (i: number) => {
      const claim = claims[i]!;
      try {
        outcomes[i] = {
          reminderId: claim.reminderId,
          key: claim.key,
          outcome: await handle(claim, reminders.get(claim.reminderId), events, dataset),
        };
      } catch (err) {
        // A store error mid-occurrence: the lease expires and the occurrence is picked up again (possible repeat).
        log.error({ err, reminderId: claim.reminderId, key: claim.key }, 'reminder occurrence could not be handled');
      }
    };
    const queue = [...postNow];
    const worker = async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await run(i);
    };
    const deferring = (async () => {
      if (deferTo.length === 0) return;
      const kept = await deps.store.defer(deferTo.map(([i, slot]) => ({ claim: claims[i]!, at: new Date(slot) })));
      for (const [i] of deferTo) {
        const claim = claims[i]!;
        outcomes[i] = {
          reminderId: claim.reminderId,
          key: claim.key,
          outcome: kept.has(claim.id) ? 'deferred' : 'lost',
        };
      }
    })();
    await Promise.all([deferring, ...Array.from({ length: Math.min(concurrency, queue.length) }, worker)]);
    return outcomes.filter((o) => o !== undefined);
  }

  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    const dataset = deps.dataset();
    const events = eventsOf(dataset);
    const { planned, skipped } = await plan(createOccurrencePlanner(events), now);
    const report: TickReport = { planned, skipped, claimed: 0, outcomes: [] };
    // A full batch means more is ready: claim again at once rather than a poll later (bounded, so that a poll ends).
    let drained: number | undefined;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      const claimedAt = deps.clock.now();
      const claims = await deps.store.claimDue({ now: claimedAt, owner, leaseMs, limit: batchSize });
      report.claimed += claims.length;
      // Each batch finishes before the next claim: overlapping them was tried and was not faster (on SQLite the
      // records queue behind the claim transactions on the one connection).
      report.outcomes.push(...(await runBatch(claims, events, dataset)));
      if (claims.length < batchSize) {
        drained = claimedAt.getTime();
        break;
      }
    }
    const released = report.outcomes.filter((o) => o.outcome === 'released').length;
    if (released > 0) log.info({ released }, 'scheduler stopping: claims released');
    if (drained !== undefined) {
      // Everything ready was claimed: a held slot already past did not come back to us (another replica took it).
      for (const [id, slot] of held) if (slot <= drained) held.delete(id);
      wakeAt = undefined;
      for (const slot of held.values()) if (wakeAt === undefined || slot < wakeAt) wakeAt = slot;
    } else wakeAt = deps.clock.now().getTime();
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
    // Sooner than a period when an occurrence was deferred to its channel's next free second.
    const delay = wakeAt === undefined ? pollMs : Math.min(pollMs, Math.max(0, wakeAt - deps.clock.now().getTime()));
    timer = setTimeout(() => {
      runTick()
        .catch((err: unknown) => log.error({ err }, 'scheduler poll failed'))
        .finally(schedule);
    }, delay);
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
