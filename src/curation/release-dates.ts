// Dates as press releases write them, in English and French: "31 October 2026", "October 31, 2026", "Oct. 31, 2026",
// "December 1st", "30 juin 2023", "1er juillet", "2025-12-13". A date without a year keeps `year` undefined: the
// caller decides whether it can infer one, and says so.

/** One date found in a text, with where it stands. */
export interface DateMention {
  index: number;
  end: number;
  day: number;
  month: number;
  year?: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};

const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:er|st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const DAY_MONTH = new RegExp(`\\b${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?(?![\\w])`, 'giu');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+${DAY}(?:,\\s*${YEAR}|\\s+${YEAR})?(?![\\w])`, 'giu');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** Every date in the text, in order of appearance (overlapping readings keep the longest). */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(DAY_MONTH)) push(found, m, Number(m[1]), monthOf(m[2]), m[3]);
  for (const m of text.matchAll(MONTH_DAY)) push(found, m, Number(m[2]), monthOf(m[1]), m[3] ?? m[4]);
  for (const m of text.matchAll(ISO)) push(found, m, Number(m[3]), Number(m[2]), m[1]);
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  return found.filter((d, i) => !found.slice(0, i).some((o) => d.index < o.end && o.index < d.end));
}

function monthOf(word: string | undefined): number {
  return MONTHS[(word ?? '').toLowerCase().replace(/\.$/, '')] ?? 0;
}

function push(into: DateMention[], m: RegExpMatchArray, day: number, month: number, year: string | undefined): void {
  if (month < 1 || day < 1 || day > 31) return;
  const mention: DateMention = { index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, day, month, text: m[0] };
  if (year !== undefined) mention.year = Number(year);
  if (!isRealDay(mention.year ?? 2024, month, day)) return;
  into.push(mention);
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `YYYY-MM-DD` of a day. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first `day month` strictly after `after` (YYYY-MM-DD), for a date written without its year. */
export function firstAfter(after: string, month: number, day: number): string {
  // A 29 February written without its year is the next leap year's: at most eight years on (1896 → 1904). The day
  // and month are real in some year (findDates keeps only those), so the search ends.
  let year = Number(after.slice(0, 4));
  for (let tries = 0; tries < 8 && !(isoDay(year, month, day) > after && isRealDay(year, month, day)); tries++) year++;
  return isoDay(year, month, day);
}

/** The last `day month` on or before `onOrBefore`, for a date line that comes after the event it reports. */
export function lastOnOrBefore(onOrBefore: string, month: number, day: number): string {
  let year = Number(onOrBefore.slice(0, 4));
  for (let tries = 0; tries < 8 && !(isoDay(year, month, day) <= onOrBefore && isRealDay(year, month, day)); tries++)
    year--;
  return isoDay(year, month, day);
}

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

/** The weekday (0 = Sunday) a word names, if it names one. */
export function weekdayOf(word: string): number | undefined {
  return WEEKDAYS[word.toLowerCase()];
}

/** A regular-expression alternation of the weekday names, English and French. */
export const WEEKDAY_NAMES = Object.keys(WEEKDAYS).join('|');

/** The day of the week of a YYYY-MM-DD day (0 = Sunday). */
export function dayOfWeek(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The last day on or before `day` that falls on `weekday`. */
export function lastWeekday(day: string, weekday: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - weekday + 7) % 7));
  return d.toISOString().slice(0, 10);
}
