// Dates as people read them, with the precision they were written with: "2013", "June 2021", "30 June 2021".
// Relative phrases ("29 days left", "3 days ago", "over 5 years old") are computed from an injected `now`. Each
// takes the answer's language: "30 juin 2021", "dans 29 jours", "il y a 19 jours" (words from src/i18n).
import { DEFAULT_LANG, type Lang, LOCALES } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Month names by language, from Intl (CLDR): "juin", "juillet". English keeps its own table (the hot path). */
const monthNames = new Map<Lang, readonly string[]>([['en', MONTHS]]);

function monthsOf(lang: Lang): readonly string[] {
  let names = monthNames.get(lang);
  if (!names) {
    const f = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', timeZone: 'UTC' });
    names = Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2000, i, 15))));
    monthNames.set(lang, names);
  }
  return names;
}

/**
 * Writes a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date in words, never adding a day or month the data does not have:
 * "30 June 2021", "30 juin 2021", "1er juin 2021" (French writes the first of the month as an ordinal).
 */
export function formatPartialDate(date: string, lang: Lang = DEFAULT_LANG): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!m) return date;
  const [, y, mo, d] = m;
  const month = mo === undefined ? undefined : monthsOf(lang)[Number(mo) - 1];
  if (month === undefined) return y!;
  if (d === undefined) return `${month} ${y}`;
  const day = lang === 'fr' && Number(d) === 1 ? '1er' : String(Number(d));
  return `${day} ${month} ${y}`;
}

/** How precise a partial date is: `2021` year, `2021-06` month, `2021-06-30` day; undefined if not a date. */
export function datePrecision(date: string): 'year' | 'month' | 'day' | undefined {
  const m = /^\d{4}(-\d{2}(-\d{2})?)?$/.exec(date.trim());
  if (!m) return undefined;
  return m[2] ? 'day' : m[1] ? 'month' : 'year';
}

/** The last calendar day a partial date covers: `2021-06` -> `2021-06-30`, `2013` -> `2013-12-31`. */
export function partialDateEnd(date: string): string {
  const [y, mo, d] = date.split('-');
  if (d !== undefined) return date;
  if (mo !== undefined) {
    const month = Number(mo);
    if (!/^\d{4}$/.test(y ?? '') || !(month >= 1 && month <= 12)) return date;
    // Day 0 of the next month is the last day of this one.
    return `${y}-${mo}-${String(new Date(Date.UTC(Number(y), month, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return `${y}-12-31`;
}

/** The first calendar day a partial date covers: `2021-06` -> `2021-06-01`, `2013` -> `2013-01-01`. */
export function partialDateStart(date: string): string {
  const [y, mo, d] = date.split('-');
  return `${y}-${mo ?? '01'}-${d ?? '01'}`;
}

/** Whole calendar days from `now` (read in `zone`) to `day` (YYYY-MM-DD): 0 today, negative when past. */
export function daysUntil(now: Date, day: string, zone = 'UTC'): number {
  const today = ymdIn(now, zone);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(partialDateStart(day));
  if (!today || !m) return Number.NaN;
  // Calendar days between two dates: plain UTC arithmetic, unaffected by daylight-saving changes (and no luxon
  // on this hot path: the brief calls it per mission, mandate and dated statement).
  return Math.round(
    (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(today[0], today[1] - 1, today[2])) / 86_400_000,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
let lastDay: { ms: number; zone: string; ymd: [number, number, number] } | undefined;

/** The calendar date of an instant in a zone, as [year, month, day]; undefined for an unknown zone. */
function ymdIn(now: Date, zone: string): [number, number, number] | undefined {
  const ms = now.getTime();
  if (Number.isNaN(ms)) return undefined;
  if (lastDay && lastDay.ms === ms && lastDay.zone === zone) return lastDay.ymd;
  let ymd: [number, number, number];
  if (zone === 'UTC') {
    ymd = [now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()];
  } else {
    let f = formatters.get(zone);
    if (f === undefined) {
      try {
        f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });
      } catch {
        f = null;
      }
      formatters.set(zone, f);
    }
    if (!f) return undefined;
    const parts = f.formatToParts(now);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    ymd = [get('year'), get('month'), get('day')];
  }
  lastDay = { ms, zone, ymd };
  return ymd;
}

/** The calendar day of `now` in `zone`, as YYYY-MM-DD (in UTC when the zone is unknown). */
export function todayIn(now: Date, zone = 'UTC'): string {
  const ymd = ymdIn(now, zone) ?? ymdIn(now, 'UTC');
  if (!ymd) return now.toISOString().slice(0, 10);
  return `${ymd[0]}-${String(ymd[1]).padStart(2, '0')}-${String(ymd[2]).padStart(2, '0')}`;
}

/**
 * What a relative answer can depend on, as one string: the calendar day in `zone` ("days left") and in UTC (the
 * report year, the data's age). Undefined for an invalid instant or an unknown zone, whose answers are not memoised.
 */
export function answerDay(now: Date, zone: string): string | undefined {
  const local = ymdIn(now, zone);
  if (!local) return undefined;
  return `${local.join('-')} ${now.getUTCFullYear()}-${now.getUTCMonth() + 1}-${now.getUTCDate()} ${zone}`;
}

/** "29 days left", "1 day left", "today", "12 days ago"; in French "dans 29 jours", "demain", "il y a 12 jours". */
export function formatDaysLeft(days: number, lang: Lang = DEFAULT_LANG): string {
  return days >= 0 ? t(lang, 'days.left', { days }) : t(lang, 'days.ago', { days: -days });
}

/** "in 29 days", "tomorrow", "today", "yesterday", "12 days ago": for sentences like "expires in 7 days". */
export function formatRelativeDays(days: number, lang: Lang = DEFAULT_LANG): string {
  return days >= 0 ? t(lang, 'days.in', { days }) : t(lang, 'days.before', { days: -days });
}

/**
 * How old data as of `date` is at `now`, for the header of a brief: undefined while it is under a year old,
 * then "over 1 year old", "over 5 years old". Whole years counted from the end of the as-of period.
 */
export function formatDataAge(now: Date, date: string, lang: Lang = DEFAULT_LANG): string | undefined {
  const end = parseDay(partialDateEnd(date));
  if (!end || Number.isNaN(now.getTime())) return undefined;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // "over N years": the largest N whose anniversary of the end is strictly before today (plain UTC arithmetic: this
  // runs on every brief). An end on 29 February has its anniversary on 28 February in other years.
  let years = now.getUTCFullYear() - end[0];
  while (years > 0 && anniversary(end, years) >= today) years -= 1;
  if (years < 1) return undefined;
  return t(lang, 'data.age', { years });
}

/** A valid YYYY-MM-DD as [year, month, day]. */
function parseDay(day: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d ? [y, mo, d] : undefined;
}

/** The UTC midnight of `day` plus `years` years, the day clamped to the month's length (29 February -> 28). */
function anniversary(day: readonly [number, number, number], years: number): number {
  const [y, mo, d] = day;
  const last = new Date(Date.UTC(y + years, mo, 0)).getUTCDate();
  return Date.UTC(y + years, mo - 1, Math.min(d, last));
}

/** Compares partial dates by their first day, then by precision (coarser first): for "newest is current". */
export function comparePartialDates(a: string, b: string): number {
  const sa = partialDateStart(a);
  const sb = partialDateStart(b);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.length - b.length;
}
