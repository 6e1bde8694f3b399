// Planning, the first step of a poll: the occurrences due now, computed from the current dataset's calendar for the
// reminders that can fire, stored idempotently (the store's unique key), those missed by more than the grace window
// recorded at once as skipped.
import type { Logger } from 'pino';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { createOccurrencePlanner } from './plan-occurrences.js';
import type { PlannedOccurrence } from './reminder.js';
import type { ReminderStore } from './reminder-store.js';
import type { SchedulerOutcome, SchedulerSettings } from './scheduler-settings.js';

/** Plans one poll's occurrences; keeps, across polls, which ones this process has already stored. */
export type DuePlanning = (
  events: readonly CalendarEvent[],
  now: Date,
) => Promise<{ planned: number; skipped: number }>;

/** Creates the planning step of a scheduler. */
export function createDuePlanning(input: {
  store: ReminderStore;
  settings: Pick<SchedulerSettings, 'catchUpMs' | 'graceMs'>;
  log: Logger;
  tell: (outcome: SchedulerOutcome) => void;
}): DuePlanning {
  const { store, settings, log, tell } = input;
  // Occurrences this process has seen stored ("<reminder id> <key>" → due time): a poll does not insert again what
  // an earlier poll stored. Only a saving; the store's unique key remains the guarantee.
  const stored = new Map<string, number>();

  return async (events, now) => {
    const planner = createOccurrencePlanner(events);
    const from = new Date(now.getTime() - settings.catchUpMs);
    for (const [key, dueAt] of stored) if (dueAt < from.getTime()) stored.delete(key);
    // Only the reminders that can fire in the window: the calendar names the targets (and lead times), the store's
    // indexes find their subscriptions, plus the one-offs due and not yet stored.
    const reminders = await store.records.listCandidates({ targets: planner.targetsFiring(from, now), from, to: now });
    const due: Array<PlannedOccurrence & { skipped?: string }> = [];
    for (const reminder of reminders) {
      const since = new Date(Math.max(reminder.createdAt.getTime(), from.getTime()));
      for (const o of planner.plan(reminder, since, now)) {
        if (stored.has(`${o.reminderId} ${o.key}`)) continue;
        const missed = now.getTime() - o.dueAt.getTime() > settings.graceMs;
        due.push(missed ? { ...o, skipped: 'missed by more than the grace window' } : o);
      }
    }
    if (due.length === 0) return { planned: 0, skipped: 0 };
    const added = await store.queue.addOccurrences(due, now);
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
  };
}
