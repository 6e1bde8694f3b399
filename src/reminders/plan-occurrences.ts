// When a reminder fires, computed from the dataset's calendar at every poll (never stored ahead), so that a moved
// date moves its occurrences and a removed event stops them. Times are local to the reminder's zone (luxon), so
// "09:00 Europe/Paris" stays 09:00 on either side of a daylight-saving change.
import { DateTime } from 'luxon';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import type { PlannedOccurrence, Reminder, SubscriptionReminder } from './reminder.js';

/** The calendar events a subscription follows: its country's (missions included) or its mission's. */
export function eventsForTarget(reminder: SubscriptionReminder, events: readonly CalendarEvent[]): CalendarEvent[] {
  const { kind, id } = reminder.target;
  return events.filter((e) => (kind === 'country' ? e.countryId === id : e.missionId === id));
}

/**
 * The day a reminder counts to: the date itself for a day; the 1st for a month ("June 2026" counts to 1 June, and
 * the message says the date is known to the month only); none for a bare year, too vague to remind about.
 */
export function anchorDay(date: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return undefined;
}

/** The instant a lead time before an event fires: `lead` calendar days before its day, at the local time of day. */
export function fireInstant(day: string, leadDays: number, at: string, tz: string): Date | undefined {
  const [hour, minute] = at.split(':').map(Number);
  const t = DateTime.fromISO(day, { zone: tz })
    .minus({ days: leadDays })
    .set({ hour: hour ?? 9, minute: minute ?? 0, second: 0, millisecond: 0 });
  return t.isValid ? t.toJSDate() : undefined;
}

/** The occurrence key: the event, the instant it fires, and the lead, so a moved date is a new occurrence. */
export function occurrenceKey(eventId: string, dueAt: Date, leadDays: number): string {
  return `${eventId}@${dueAt.toISOString()}#${leadDays}d`;
}

/** Every occurrence of a reminder due in [from, to] (inclusive), soonest first. */
export function planOccurrences(reminder: Reminder, events: readonly CalendarEvent[], from: Date, to: Date): PlannedOccurrence[] {
  const inWindow = (d: Date) => d.getTime() >= from.getTime() && d.getTime() <= to.getTime();
  if (reminder.kind === 'once') {
    return inWindow(reminder.fireAt)
      ? [{ reminderId: reminder.id, key: `once@${reminder.fireAt.toISOString()}`, dueAt: reminder.fireAt }]
      : [];
  }
  const out: PlannedOccurrence[] = [];
  for (const event of eventsForTarget(reminder, events)) {
    const day = anchorDay(event.date);
    if (!day) continue;
    for (const lead of reminder.leadDays) {
      const dueAt = fireInstant(day, lead, reminder.at, reminder.tz);
      if (dueAt && inWindow(dueAt)) {
        out.push({ reminderId: reminder.id, key: occurrenceKey(event.id, dueAt, lead), eventId: event.id, leadDays: lead, dueAt });
      }
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : 1));
}

/** The next occurrence strictly after `now`, for `reminders` and the answer to `remind`. */
export function nextOccurrence(reminder: Reminder, events: readonly CalendarEvent[], now: Date): PlannedOccurrence | undefined {
  const after = new Date(now.getTime() + 1);
  return planOccurrences(reminder, events, after, new Date(8.64e15))[0];
}

/** The next `n` occurrences after `now`. */
export function upcomingOccurrences(reminder: Reminder, events: readonly CalendarEvent[], now: Date, n: number): PlannedOccurrence[] {
  return planOccurrences(reminder, events, new Date(now.getTime() + 1), new Date(8.64e15)).slice(0, n);
}
