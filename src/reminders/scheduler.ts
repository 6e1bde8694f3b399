// The reminder scheduler's poll loop. Every pollMs it plans the occurrences due now from the current dataset
// (plan-due.ts), claims ready ones under a lease, paces them per channel and starts their posts as independent tasks
// (channel-pacer.ts, dispatch-claims.ts), each delivering one occurrence and recording its outcome
// (deliver-occurrence.ts). A slow channel holds one of `concurrency` workers while the loop goes on polling, so
// other channels keep their times. The only window in which a crash can repeat a post is one HTTP round trip:
// between the claim and the record; an occurrence found claimed but unrecorded after its lease expired is posted
// again, flagged, logged and marked in its text as a possible repeat.
import { randomUUID } from 'node:crypto';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import { ChannelPacer } from './channel-pacer.js';
import { createOccurrenceDelivery } from './deliver-occurrence.js';
import { createLimiter, dispatchClaims } from './dispatch-claims.js';
import { createDuePlanning } from './plan-due.js';
import { outcomeTeller, schedulerSettings } from './scheduler-settings.js';
import type { SchedulerDeps, SchedulerSettings, TickReport } from './scheduler-settings.js';

export type { SchedulerDeps, TickReport } from './scheduler-settings.js';

/** A running scheduler: start() polls on a timer; tick() runs one poll and waits for its posts (tests). */
export interface Scheduler {
  start(): void;
  /** Stops polling, lets the posts in flight finish, and releases the claims not yet attempted. */
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
  const limit = createLimiter(settings.concurrency);
  let stopping = false;
  let startedAt: Date | undefined;
  const deliver = createOccurrenceDelivery({
    ...deps,
    log,
    settings,
    pacer,
    tell,
    stopping: () => stopping,
    startedAt: () => startedAt ?? new Date(0),
  });
  const inFlight = createInFlight(settings.batchSize);
  // When the next poll should come if sooner than pollMs: the earliest slot still held, or at once after a poll that
  // stopped claiming at MAX_ROUNDS. A poll that stopped because a batch of posts is in flight waits for one to end.
  let wakeAt: number | undefined;
  const eventsOf = calendarCache();

  async function poll(waitForPosts: boolean): Promise<TickReport> {
    const now = deps.clock.now();
    startedAt ??= now;
    const dataset = deps.dataset();
    const data = { dataset, events: eventsOf(dataset) };
    const { planned, skipped } = await plan(data.events, now);
    const report: TickReport = { planned, skipped, claimed: 0, outcomes: [] };
    let drained: number | undefined;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      const room = settings.batchSize - inFlight.size();
      if (room <= 0) {
        drained = deps.clock.now().getTime(); // not drained, but the end of a post brings the next poll forward
        break;
      }
      const claimedAt = deps.clock.now();
      const claims = await deps.store.queue.claimDue({ now: claimedAt, owner, leaseMs: settings.leaseMs, limit: room });
      report.claimed += claims.length;
      const dispatchDeps = { ...deps, pacer, deliver, limit, log, leaseMs: settings.leaseMs, now: claimedAt.getTime() };
      const { deferred, tasks } = await dispatchClaims(dispatchDeps, claims, data);
      report.outcomes.push(...deferred);
      for (const task of tasks) inFlight.track(task);
      // tick() (tests, one-shot runs) waits for the round's posts; the loop does not, so a slow post delays no poll.
      // On SQLite the records then queue behind the claim transactions on the one connection, which is fine.
      if (waitForPosts) for (const o of await Promise.all(tasks)) if (o) report.outcomes.push(o);
      if (claims.length < room) {
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
    poll,
    settings,
    log,
    clock: deps.clock,
    wakeAt: () => wakeAt,
    onWake: inFlight.onRoom,
    setStopping: (value) => {
      stopping = value;
    },
    drain: inFlight.drain,
  });
}

/** The calendar of the dataset last seen: derived once per dataset, not per poll. */
function calendarCache(): (dataset: Dataset) => CalendarEvent[] {
  let calendar: { dataset: Dataset; events: CalendarEvent[] } | undefined;
  return (dataset) => {
    if (calendar?.dataset !== dataset) calendar = { dataset, events: calendarEvents(dataset) };
    return calendar.events;
  };
}

/** Posts started and not finished: they bound the claims held in memory, and stop() waits for them. */
function createInFlight(max: number) {
  const tasks = new Set<Promise<unknown>>();
  let room: (() => void) | undefined;
  return {
    size: () => tasks.size,
    track(task: Promise<unknown>): void {
      tasks.add(task);
      void task.finally(() => {
        const wasFull = tasks.size >= max;
        tasks.delete(task);
        if (wasFull) room?.();
      });
    },
    /** Registers what to call when a full set gets room again. */
    onRoom(fn: () => void): void {
      room = fn;
    },
    async drain(): Promise<void> {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
  };
}

interface PollLoopInput {
  poll: (waitForPosts: boolean) => Promise<TickReport>;
  settings: SchedulerSettings;
  log: SchedulerDeps['logger'];
  clock: SchedulerDeps['clock'];
  wakeAt: () => number | undefined;
  /** Receives the function that brings the next poll forward (a post ended while the batch was full). */
  onWake: (wake: () => void) => void;
  setStopping: (stopping: boolean) => void;
  /** Waits for the posts in flight. */
  drain: () => Promise<void>;
}

/** The timer around poll(): a first poll at start, then one every pollMs (sooner for a deferred occurrence's slot). */
function createPollLoop(input: PollLoopInput): Scheduler {
  const { settings, log } = input;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;
  let stopping = false;
  const run = (waitForPosts: boolean): Promise<TickReport> => {
    running ??= input.poll(waitForPosts).finally(() => {
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
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      run(false)
        .catch((err: unknown) => log.error({ err }, 'scheduler poll failed'))
        .finally(() => {
          if (!timer) schedule(nextDelay());
        });
    }, delay);
    timer.unref?.();
  };
  input.onWake(() => {
    // Between polls only: a poll running now reschedules itself when it ends.
    if (timer && !running) schedule(0);
  });
  return {
    start() {
      stopping = false;
      input.setStopping(false);
      if (timer || running) return;
      const { pollMs, graceMs, leaseMs, deliveryTimeoutMs } = settings;
      log.info({ pollMs, graceMs, leaseMs, deliveryTimeoutMs }, 'reminder scheduler started');
      // First poll soon after start, so that occurrences missed while down go out without waiting a whole period.
      schedule(0);
    },
    async stop() {
      stopping = true;
      input.setStopping(true);
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running?.catch(() => undefined);
      await input.drain();
      log.info('reminder scheduler stopped');
    },
    tick: () => run(true),
  };
}
