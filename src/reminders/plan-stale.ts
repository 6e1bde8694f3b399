// When curator notices fire: the morning after an active mission's or regime's current mandate expires, which is
// when `caac data stale` starts listing it as "expired, no renewal recorded". The calendar holds that mandate's expiry
// (`<mission>-mandate-expiry`); a renewal recorded before then moves the event, so nothing fires for the old date.
// One occurrence per (row, expiry), `stale:<mission>@<expiry day>`, whatever time the notices are set to: a notice
// is never repeated, and a later expiry of the same row is a new notice.
import { DateTime } from 'luxon';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import type { PlannedOccurrence, StaleReminder } from './reminder.js';

const DAY_MS = 86_400_000;

/** The occurrence key of the notice that a row (mission or regime) expired on `expired` with no renewal recorded. */
export function staleKey(missionId: string, expired: string): string {
  return `stale:${missionId}@${expired}`;
}

/**
 * The instant of the notice for an expiry on `day` (YYYY-MM-DD): the next day at `at` local time in `tz`, and never
 * before that next day has begun in UTC (the day `data stale` counts in), so that a zone ahead of UTC is not told
 * before the list says so.
 */
export function staleInstant(day: string, at: string, tz: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [hour = 9, minute = 0] = at.split(':').map(Number);
  const local = DateTime.fromISO(day, { zone: tz }).plus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 });
  if (!local.isValid) return undefined;
  const listed = Date.parse(`${day}T00:00:00Z`) + DAY_MS;
  return new Date(Math.max(local.toMillis(), listed));
}

/** The notices due in [from, to] (inclusive) for the calendar's mandate expiries, soonest first. */
export function planStale(
  reminder: StaleReminder,
  events: readonly CalendarEvent[],
  from: Date,
  to: Date,
): PlannedOccurrence[] {
  const lo = from.getTime();
  const hi = to.getTime();
  const out: PlannedOccurrence[] = [];
  for (const event of events) {
    if (event.kind !== 'mandate-expiry' || !event.missionId) continue;
    // Cheap bounds first: the notice falls within a day and a half either side of the next UTC midnight.
    const next = Date.parse(`${event.date}T00:00:00Z`) + DAY_MS;
    if (!(next + 2 * DAY_MS >= lo && next - DAY_MS <= hi)) continue;
    const dueAt = staleInstant(event.date, reminder.at, reminder.tz);
    if (!dueAt || dueAt.getTime() < lo || dueAt.getTime() > hi) continue;
    out.push({ reminderId: reminder.id, key: staleKey(event.missionId, event.date), eventId: event.id, dueAt });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : 1));
}
