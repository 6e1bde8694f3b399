// When a reminder fires, computed from the dataset's calendar at every poll (never stored ahead), so that a moved
// date moves its occurrences and a removed event stops them. Times are local to the reminder's zone (luxon), so
// "09:00 Europe/Paris" stays 09:00 on either side of a daylight-saving change.
//
// The scheduler plans every poll, so the hot path avoids luxon: an occurrence of day D with lead L fires on the local
// date D − L, which in UTC lies within [D − L − 1 day, D − L + 2 days] whatever the zone and the time of day. Events
// outside that window are dropped with integer arithmetic; luxon runs only for the few that could fire, once per
// distinct (day, lead, time, zone) in a planner's life (one poll).
import { DateTime } from 'luxon';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { planDigest } from './plan-digest.js';
import { planStale } from './plan-stale.js';
import type { PlannedOccurrence, Reminder, ReminderTarget, SubscriptionReminder, TargetLeads } from './reminder.js';

const DAY_MS = 86_400_000;
// Fire instant minus the UTC midnight of the local date it falls on: zones run from UTC−12 to UTC+14, the time of day
// adds up to 24 h and a skipped daylight-saving hour one more. A day either side is a safe bound.
const BEFORE_MS = DAY_MS;
const AFTER_MS = 2 * DAY_MS;
// Beyond this many candidate lead times per event, the scan asks for the target with any lead (a very wide window).
const MAX_LEADS_LISTED = 400;

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

/** Plans occurrences over one set of calendar events; made once per poll, it indexes and memoises for that poll. */
export interface OccurrencePlanner {
  /** Every occurrence of a reminder due in [from, to] (inclusive), soonest first. */
  plan(reminder: Reminder, from: Date, to: Date): PlannedOccurrence[];
  /** The targets with an event that may fire in [from, to], each with the lead times that would make it fire. */
  targetsFiring(from: Date, to: Date): TargetLeads[];
}

interface DatedEntry {
  event: CalendarEvent;
  day: string;
  /** UTC midnight of the anchor day. */
  dayMs: number;
}

/** The dated events of one poll, indexed by the target they belong to. */
interface EventIndex {
  dated: DatedEntry[];
  byCountry: Map<string, DatedEntry[]>;
  byMission: Map<string, DatedEntry[]>;
  /** The current mandates' expiries, for curator notices. */
  expiries: CalendarEvent[];
}

/** A fire instant in ms (null when the date is invalid in the zone), memoised for one poll. */
type InstantOf = (day: string, lead: number, at: string, tz: string) => number | null;

/** Indexes the events by country and mission (once), and memoises fire instants, for the planning of one poll. */
export function createOccurrencePlanner(events: readonly CalendarEvent[]): OccurrencePlanner {
  const index = indexEvents(events);
  const instant = memoisedInstants();
  return {
    plan: (reminder, from, to) => planReminder(index, instant, reminder, from, to),
    targetsFiring: (from, to) => findTargetsFiring(index.dated, from, to),
  };
}

/** Drops the events without a day to count to, and files the rest by country and by mission. */
function indexEvents(events: readonly CalendarEvent[]): EventIndex {
  const dated: DatedEntry[] = [];
  const byCountry = new Map<string, DatedEntry[]>();
  const byMission = new Map<string, DatedEntry[]>();
  const expiries: CalendarEvent[] = [];
  for (const event of events) {
    if (event.kind === 'mandate-expiry') expiries.push(event);
    const day = anchorDay(event.date);
    if (!day) continue;
    const entry = {
      event,
      day,
      dayMs: Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))),
    };
    dated.push(entry);
    if (event.countryId) push(byCountry, event.countryId, entry);
    if (event.missionId) push(byMission, event.missionId, entry);
  }
  return { dated, byCountry, byMission, expiries };
}

/** 100,000 subscriptions share a handful of (day, lead, time, zone): luxon runs once for each. */
function memoisedInstants(): InstantOf {
  const instants = new Map<string, number | null>();
  return (day, lead, at, tz) => {
    const key = `${day}|${lead}|${at}|${tz}`;
    let ms = instants.get(key);
    if (ms === undefined) {
      ms = fireInstant(day, lead, at, tz)?.getTime() ?? null;
      instants.set(key, ms);
    }
    return ms;
  };
}

/** A reminder's occurrences due in [from, to], soonest first (see the window arithmetic at the top). */
function planReminder(
  index: EventIndex,
  instant: InstantOf,
  reminder: Reminder,
  from: Date,
  to: Date,
): PlannedOccurrence[] {
  const lo = from.getTime();
  const hi = to.getTime();
  if (reminder.kind === 'once') {
    const t = reminder.fireAt.getTime();
    return t >= lo && t <= hi
      ? [{ reminderId: reminder.id, key: `once@${reminder.fireAt.toISOString()}`, dueAt: reminder.fireAt }]
      : [];
  }
  if (reminder.kind === 'digest') return planDigest(reminder, from, to);
  if (reminder.kind === 'stale') return planStale(reminder, index.expiries, from, to);
  const entries =
    (reminder.target.kind === 'country' ? index.byCountry : index.byMission).get(reminder.target.id) ?? [];
  const out: PlannedOccurrence[] = [];
  for (const { event, day, dayMs } of entries) {
    for (const lead of reminder.leadDays) {
      const localDay = dayMs - lead * DAY_MS;
      if (localDay + AFTER_MS < lo || localDay - BEFORE_MS > hi) continue;
      const ms = instant(day, lead, reminder.at, reminder.tz);
      if (ms === null || ms < lo || ms > hi) continue;
      const dueAt = new Date(ms);
      out.push({
        reminderId: reminder.id,
        key: occurrenceKey(event.id, dueAt, lead),
        eventId: event.id,
        leadDays: lead,
        dueAt,
      });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : 1));
}

/** The targets with an event that may fire in [from, to], with their candidate leads (none listed past a bound). */
function findTargetsFiring(dated: readonly DatedEntry[], from: Date, to: Date): TargetLeads[] {
  const lo = from.getTime();
  const hi = to.getTime();
  const found = new Map<string, { target: ReminderTarget; leads: Set<number> | undefined }>();
  const add = (target: ReminderTarget, min: number, max: number) => {
    const key = `${target.kind}:${target.id}`;
    let t = found.get(key);
    if (!t) {
      t = { target, leads: new Set() };
      found.set(key, t);
    }
    if (!t.leads) return;
    if (max - min + 1 > MAX_LEADS_LISTED) t.leads = undefined;
    else for (let lead = min; lead <= max; lead++) t.leads.add(lead);
  };
  for (const { event, dayMs } of dated) {
    // The leads L for which [dayMs − L·day − BEFORE, dayMs − L·day + AFTER] meets [lo, hi].
    const min = Math.max(0, Math.ceil((dayMs - BEFORE_MS - hi) / DAY_MS));
    const max = Math.floor((dayMs + AFTER_MS - lo) / DAY_MS);
    if (max < min) continue;
    if (event.countryId) add({ kind: 'country', id: event.countryId }, min, max);
    if (event.missionId) add({ kind: 'mission', id: event.missionId }, min, max);
  }
  return [...found.values()].map(({ target, leads }) =>
    leads ? { target, leads: [...leads].sort((a, b) => a - b) } : { target },
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every occurrence of a reminder due in [from, to] (inclusive), soonest first. */
export function planOccurrences(
  reminder: Reminder,
  events: readonly CalendarEvent[],
  from: Date,
  to: Date,
): PlannedOccurrence[] {
  return createOccurrencePlanner(events).plan(reminder, from, to);
}

/** The next `n` occurrences after `now`. */
export function upcomingOccurrences(
  reminder: Reminder,
  events: readonly CalendarEvent[],
  now: Date,
  n: number,
): PlannedOccurrence[] {
  return planOccurrences(reminder, events, new Date(now.getTime() + 1), new Date(8.64e15)).slice(0, n);
}
