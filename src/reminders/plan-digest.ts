// When a weekly digest fires: every week, on its day of the week at its local time in its zone (luxon), so that
// "Monday 09:00 Europe/Paris" stays 09:00 on either side of a daylight-saving change. One occurrence per week's
// instant (`digest@<instant>`): the store's unique key makes each week's digest go out once. Whether a week has
// anything to say is decided when it is posted (digest-message.ts), from the data of that moment.
import { DateTime } from 'luxon';
import type { DigestReminder, PlannedOccurrence } from './reminder.js';

const WEEK_MS = 7 * 86_400_000;
// A digest is planned at most this far ahead (`reminders` asks for the next one only): 53 weeks cover a year.
const MAX_SPAN_MS = 53 * WEEK_MS;

/** The occurrence key of the digest of the week whose instant is `dueAt`. */
export function digestKey(dueAt: Date): string {
  return `digest@${dueAt.toISOString()}`;
}

// A poll plans every digest over the same window: digests that share a day, time and zone (most of them) share one
// computation. Cleared when it grows, since each poll brings a new window.
const memo = new Map<string, readonly number[]>();
const MEMO_MAX = 512;

/** The instants a digest fires at in [from, to] (inclusive), soonest first, at most a year of them. */
export function digestInstants(digest: Pick<DigestReminder, 'weekday' | 'at' | 'tz'>, from: Date, to: Date): Date[] {
  const key = `${digest.weekday}|${digest.at}|${digest.tz}|${from.getTime()}|${to.getTime()}`;
  let instants = memo.get(key);
  if (!instants) {
    if (memo.size >= MEMO_MAX) memo.clear();
    instants = weeklyInstants(digest, from.getTime(), to.getTime());
    memo.set(key, instants);
  }
  return instants.map((t) => new Date(t));
}

function weeklyInstants(digest: Pick<DigestReminder, 'weekday' | 'at' | 'tz'>, lo: number, to: number): number[] {
  const [hour = 9, minute = 0] = digest.at.split(':').map(Number);
  const hi = Math.min(to, lo + MAX_SPAN_MS);
  const start = DateTime.fromMillis(lo, { zone: digest.tz });
  if (!start.isValid) return [];
  // The first local date on that day of the week, on or after the local date of `from`.
  let day = start.startOf('day').plus({ days: (digest.weekday - start.weekday + 7) % 7 });
  const out: number[] = [];
  for (;;) {
    const t = day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
    if (t > hi) break;
    if (t >= lo) out.push(t);
    day = day.plus({ weeks: 1 });
  }
  return out;
}

/** The occurrences of a digest due in [from, to] (inclusive), soonest first. */
export function planDigest(digest: DigestReminder, from: Date, to: Date): PlannedOccurrence[] {
  return digestInstants(digest, from, to).map((dueAt) => ({ reminderId: digest.id, key: digestKey(dueAt), dueAt }));
}
