// The reminder scheduler's poll loop. Every pollMs it plans the occurrences due now from the current dataset
// (plan-due.ts), claims ready ones under a lease, paces them per channel (channel-pacer.ts), delivers each through
// the channel's platform Delivery and records the outcome (deliver-occurrence.ts). The only window in which a crash
// can repeat a post is one HTTP round trip: between the claim and the record; an occurrence found claimed but
// unrecorded after its lease expired is posted again, flagged and logged as a possible repeat.
import { randomUUID } from 'node:crypto';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import { ChannelPacer } from './channel-pacer.js';
import { createOccurrenceDelivery } from './deliver-occurrence.js';
import type { DeliverOccurrence, PollData } from './deliver-occurrence.js';
import { createDuePlanning } from './plan-due.js';
import type { ClaimedOccurrence } from './reminder.js';
import type { ReminderStore } from './reminder-store.js';
import { outcomeTeller, schedulerSettings } from './scheduler-settings.js';
import type { SchedulerDeps, SchedulerSettings, TickReport } from './scheduler-settings.js';

export type { SchedulerDeps, TickReport } from './scheduler-settings.js';

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
  const settings = schedulerSettings(deps);
  const owner = deps.owner ?? `scheduler-${randomUUID().slice(0, 8)}`;
  // The caller names the component (app.ts: "scheduler"); adding it again here would write the key twice.
  const log = deps.logger.child({ owner });
  const tell = outcomeTeller(deps, log);
  const pacer = new ChannelPacer(settings.spacingMs);
  const plan = createDuePlanning({ store: deps.store, settings, log, tell });
  let stopping = false;
  const deliver = createOccurrenceDelivery({ ...deps, log, settings, pacer, tell, stopping: () => stopping });

  // When the next poll should come if sooner than pollMs: the earliest slot still held, or at once after a poll that
  // stopped claiming at MAX_ROUNDS.
  let wakeAt: number | undefined;
  // The calendar of the dataset last seen: derived once per dataset, not per poll.
  let calendar: { dataset: Dataset; events: CalendarEvent[] } | undefined;
  const eventsOf = (dataset: Dataset): CalendarEvent[] => {
    if (calendar?.dataset !== dataset) calendar = { dataset, events: calendarEvents(dataset) };
    return calendar.events;
  };
  const batch = (claims: ClaimedOccurrence[], data: PollData) =>
    runBatch({ store: deps.store, pacer, deliver, settings, log, now: deps.clock.now().getTime() }, claims, data);

  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    const dataset = deps.dataset();
    const data = { dataset, events: eventsOf(dataset) };
    const { planned, skipped } = await plan(data.events, now);
    const report: TickReport = { planned, skipped, claimed: 0, outcomes: [] };
    // A full batch means more is ready: claim again at once rather than a poll later (bounded, so that a poll ends).
    let drained: number | undefined;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      const claimedAt = deps.clock.now();
      const limit = settings.batchSize;
      const claims = await deps.store.queue.claimDue({ now: claimedAt, owner, leaseMs: settings.leaseMs, limit });
      report.claimed += claims.length;
      // Each batch finishes before the next claim: overlapping them was tried and was not faster (on SQLite the
      // records queue behind the claim transactions on the one connection).
      report.outcomes.push(...(await batch(claims, data)));
      if (claims.length < limit) {
        drained = claimedAt.getTime();
        break;
      }
    }
    const released = report.outcomes.filter((o) => o.outcome === 'released').length;
    if (released > 0) log.info({ released }, 'scheduler stopping: claims released');
    wakeAt = drained !== undefined ? pacer.drained(drained) : deps.clock.now().getTime();
    return report;
  }

  return createPollLoop({
    tick,
    settings,
    log,
    clock: deps.clock,
    wakeAt: () => wakeAt,
    setStopping: (value) => {
      stopping = value;
    },
  });
}

/** The timer around tick(): a first poll at start, then one every pollMs (sooner for a deferred occurrence's slot). */
function createPollLoop(input: {
  tick: () => Promise<TickReport>;
  settings: SchedulerSettings;
  log: SchedulerDeps['logger'];
  clock: SchedulerDeps['clock'];
  wakeAt: () => number | undefined;
  setStopping: (stopping: boolean) => void;
}): Scheduler {
  const { settings, log } = input;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;
  const runTick = (): Promise<TickReport> => {
    running ??= input.tick().finally(() => {
      running = undefined;
    });
    return running;
  };
  const nextDelay = () => {
    const wakeAt = input.wakeAt();
    return wakeAt === undefined
      ? settings.pollMs
      : Math.min(settings.pollMs, Math.max(0, wakeAt - input.clock.now().getTime()));
  };
  const schedule = (delay: number): void => {
    if (stopping) return;
    timer = setTimeout(() => {
      runTick()
        .catch((err: unknown) => log.error({ err }, 'scheduler poll failed'))
        .finally(() => schedule(nextDelay()));
    }, delay);
    timer.unref?.();
  };
  return {
    start() {
      stopping = false;
      input.setStopping(false);
      if (timer) return;
      const { pollMs, graceMs, leaseMs } = settings;
      log.info({ pollMs, graceMs, leaseMs }, 'reminder scheduler started');
      // First poll soon after start, so that occurrences missed while down go out without waiting a whole period.
      schedule(0);
    },
    async stop() {
      stopping = true;
      input.setStopping(true);
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => undefined);
      log.info('reminder scheduler stopped');
    },
    tick: runTick,
  };
}

interface BatchDeps {
  store: ReminderStore;
  pacer: ChannelPacer;
  deliver: DeliverOccurrence;
  settings: SchedulerSettings;
  log: SchedulerDeps['logger'];
  now: number;
}

/**
 * Posts a claimed batch: one post per free channel, `concurrency` at once (the batch is over before the next claim,
 * so that is also one in flight per channel); the others deferred to their slots. Workers start synchronously up
 * to their post, so a stop() during one post is seen by the next before it posts.
 */
async function runBatch(deps: BatchDeps, claims: ClaimedOccurrence[], data: PollData): Promise<TickReport['outcomes']> {
  if (claims.length === 0) return [];
  const { store, pacer, now } = deps;
  pacer.prune(now, deps.settings.leaseMs);
  const reminders = new Map((await store.records.getMany(claims.map((c) => c.reminderId))).map((r) => [r.id, r]));
  const outcomes: Array<TickReport['outcomes'][number] | undefined> = new Array(claims.length);
  const postNow: number[] = [];
  const deferTo: Array<[number, number]> = [];
  for (const [i, claim] of claims.entries()) {
    const reminder = reminders.get(claim.reminderId);
    // Removed or disabled: the delivery step records the skip, posting nothing, so it takes no slot.
    if (!reminder || reminder.disabled) postNow.push(i);
    else {
      const slot = pacer.slot(claim.id, reminder.channelKey, now);
      if (slot <= now) postNow.push(i);
      else deferTo.push([i, slot]);
    }
  }
  const run = async (i: number) => {
    const claim = claims[i]!;
    try {
      const outcome = await deps.deliver(claim, reminders.get(claim.reminderId), data);
      outcomes[i] = { reminderId: claim.reminderId, key: claim.key, outcome };
    } catch (err) {
      // A store error mid-occurrence: the lease expires and the occurrence is picked up again (possible repeat).
      deps.log.error({ err, reminderId: claim.reminderId, key: claim.key }, 'reminder occurrence could not be handled');
    }
  };
  const queue = [...postNow];
  const worker = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) await run(i);
  };
  const deferring = (async () => {
    if (deferTo.length === 0) return;
    const kept = await store.queue.defer(deferTo.map(([i, slot]) => ({ claim: claims[i]!, at: new Date(slot) })));
    for (const [i] of deferTo) {
      const claim = claims[i]!;
      outcomes[i] = { reminderId: claim.reminderId, key: claim.key, outcome: kept.has(claim.id) ? 'deferred' : 'lost' };
    }
  })();
  const workers = Array.from({ length: Math.min(deps.settings.concurrency, queue.length) }, worker);
  await Promise.all([deferring, ...workers]);
  return outcomes.filter((o) => o !== undefined);
}
