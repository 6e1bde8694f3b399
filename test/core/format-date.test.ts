import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  answerDay,
  comparePartialDates,
  daysUntil,
  formatDataAge,
  formatDaysLeft,
  formatPartialDate,
  partialDateEnd,
  todayIn,
} from '../../src/core/format-date.js';

describe('formatPartialDate', () => {
  it('keeps the precision of the date', () => {
    expect(formatPartialDate('2021-06')).toBe('June 2021');
    expect(formatPartialDate('2021-06-30')).toBe('30 June 2021');
    expect(formatPartialDate('2013')).toBe('2013');
    expect(formatPartialDate('2021-01-05')).toBe('5 January 2021');
  });
  it('leaves text that is not a date alone', () => {
    expect(formatPartialDate('soon')).toBe('soon');
  });
});

describe('daysUntil', () => {
  it('counts calendar days from now to the day', () => {
    expect(daysUntil(new Date('2021-06-01T00:00:00Z'), '2021-06-30')).toBe(29);
    expect(daysUntil(new Date('2021-06-01T23:59:00Z'), '2021-06-30')).toBe(29);
    expect(daysUntil(new Date('2021-06-30T12:00:00Z'), '2021-06-30')).toBe(0);
    expect(daysUntil(new Date('2021-07-03T12:00:00Z'), '2021-06-30')).toBe(-3);
  });
  it('reads "today" in the zone given', () => {
    // 23:30 UTC on 1 June is already 2 June in Paris.
    const now = new Date('2021-06-01T23:30:00Z');
    expect(daysUntil(now, '2021-06-30', 'UTC')).toBe(29);
    expect(daysUntil(now, '2021-06-30', 'Europe/Paris')).toBe(28);
    expect(todayIn(now, 'Europe/Paris')).toBe('2021-06-02');
  });
  it('is not thrown off by a daylight-saving change', () => {
    expect(daysUntil(new Date('2021-03-27T12:00:00Z'), '2021-03-29', 'Europe/Paris')).toBe(2);
  });
});

describe('relative phrases', () => {
  it('says days left and days ago', () => {
    expect(formatDaysLeft(29)).toBe('29 days left');
    expect(formatDaysLeft(1)).toBe('1 day left');
    expect(formatDaysLeft(0)).toBe('today');
    expect(formatDaysLeft(-1)).toBe('1 day ago');
    expect(formatDaysLeft(-12)).toBe('12 days ago');
  });
  it('says how old data is, counted from the end of its period', () => {
    expect(formatDataAge(new Date('2021-06-01T00:00:00Z'), '2021-06')).toBeUndefined();
    expect(formatDataAge(new Date('2022-06-30T00:00:00Z'), '2021-06')).toBeUndefined();
    expect(formatDataAge(new Date('2022-07-01T00:00:00Z'), '2021-06')).toBe('over 1 year old');
    expect(formatDataAge(new Date('2026-11-28T00:00:00Z'), '2021-06')).toBe('over 5 years old');
    // An end on 29 February: its anniversary in other years is 28 February.
    expect(formatDataAge(new Date('2021-02-28T12:00:00Z'), '2020-02')).toBeUndefined();
    expect(formatDataAge(new Date('2021-03-01T00:00:00Z'), '2020-02')).toBe('over 1 year old');
    expect(formatDataAge(new Date('2026-11-28T00:00:00Z'), '2021-02-30')).toBeUndefined();
  });
  it('counts whole years as luxon does (it ran on every brief; plain date arithmetic replaced it)', () => {
    // The former implementation, kept here as the reference.
    const reference = (now: Date, date: string): string | undefined => {
      const end = DateTime.fromISO(partialDateEnd(date), { zone: 'UTC' }).startOf('day');
      const today = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('day');
      if (!end.isValid || today <= end) return undefined;
      let years = Math.floor(today.diff(end, 'years').years);
      if (years >= 1 && +end.plus({ years }) === +today) years -= 1;
      if (years < 1) return undefined;
      return years === 1 ? 'over 1 year old' : `over ${years} years old`;
    };
    const day = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    const partial = fc.tuple(day, fc.constantFrom(4, 7, 10)).map(([d, n]) => d.toISOString().slice(0, n));
    fc.assert(
      fc.property(day, partial, (now, date) => {
        expect(formatDataAge(now, date)).toBe(reference(now, date));
      }),
      { numRuns: 2000 },
    );
    expect(partialDateEnd('2021-13')).toBe('2021-13');
  });
});

describe('answerDay', () => {
  it('changes with the day in the zone or in UTC, not with the time of day', () => {
    const key = (iso: string, zone: string) => answerDay(new Date(iso), zone);
    expect(key('2026-11-01T00:00:01Z', 'UTC')).toBe(key('2026-11-01T23:59:59Z', 'UTC'));
    expect(key('2026-11-01T10:00:00Z', 'Asia/Tokyo')).not.toBe(key('2026-11-01T15:30:00Z', 'Asia/Tokyo'));
    expect(key('2026-11-01T10:00:00Z', 'UTC')).not.toBe(key('2026-11-01T10:00:00Z', 'Asia/Tokyo'));
    expect(key('2026-11-01T10:00:00Z', 'Not/AZone')).toBeUndefined();
    expect(answerDay(new Date(Number.NaN), 'UTC')).toBeUndefined();
  });
  it('falls back to UTC for "today" in an unknown zone', () => {
    expect(todayIn(new Date('2021-06-01T23:30:00Z'), 'Not/AZone')).toBe('2021-06-01');
  });
});

describe('helpers', () => {
  it('finds the last day of a period', () => {
    expect(partialDateEnd('2021-02')).toBe('2021-02-28');
    expect(partialDateEnd('2020-02')).toBe('2020-02-29');
    expect(partialDateEnd('2013')).toBe('2013-12-31');
    expect(partialDateEnd('2013-05-04')).toBe('2013-05-04');
  });
  it('orders partial dates', () => {
    expect(comparePartialDates('2021-06', '2021-12-08')).toBeLessThan(0);
    expect(comparePartialDates('2022', '2021-12-08')).toBeGreaterThan(0);
  });
});
