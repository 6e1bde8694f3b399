import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../src/dataset/calendar-events.js';
import { anchorDay, fireInstant, nextOccurrence, planOccurrences } from '../../src/reminders/plan-occurrences.js';
import type { SubscriptionReminder } from '../../src/reminders/reminder.js';
import { makeDataset, slackChannel } from './fixtures.js';

const sub = (over: Partial<SubscriptionReminder> = {}): SubscriptionReminder => ({
  id: 'r1',
  kind: 'subscription',
  channel: slackChannel(),
  channelKey: 'slack:T1:C100',
  target: { kind: 'country', id: 'democratic-republic-of-the-congo' },
  leadDays: [30, 7, 1],
  at: '09:00',
  tz: 'Europe/Paris',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});
const all = [new Date(0), new Date('2100-01-01T00:00:00Z')] as const;

describe('planOccurrences', () => {
  it('fires each lead time at the local time of day, in winter time (UTC+1)', () => {
    const plan = planOccurrences(sub(), calendarEvents(makeDataset()), ...all);
    expect(plan.map((o) => [o.key, o.dueAt.toISOString()])).toEqual([
      ['monusco-mandate-expiry@2026-11-20T08:00:00.000Z#30d', '2026-11-20T08:00:00.000Z'],
      ['monusco-mandate-expiry@2026-12-13T08:00:00.000Z#7d', '2026-12-13T08:00:00.000Z'],
      ['monusco-mandate-expiry@2026-12-19T08:00:00.000Z#1d', '2026-12-19T08:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 local on both sides of the end of summer time in Europe/Paris (25 October 2026)', () => {
    const dataset = makeDataset({
      events: [{ id: 'mali-meeting', date: '2026-10-26', title: 'Mali consultations', kind: 'meeting', country: 'mali', source: 'watchlist-2021-06' }],
    });
    const plan = planOccurrences(sub({ target: { kind: 'country', id: 'mali' }, leadDays: [2, 1, 0] }), calendarEvents(dataset), ...all);
    expect(plan.map((o) => o.dueAt.toISOString())).toEqual([
      '2026-10-24T07:00:00.000Z', // Saturday, CEST (UTC+2)
      '2026-10-25T08:00:00.000Z', // the change day itself, CET (UTC+1)
      '2026-10-26T08:00:00.000Z',
    ]);
    expect(fireInstant('2026-03-30', 1, '02:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 02:30 does not exist: moved on
  });

  it('counts a month-precision date from the 1st, and ignores a bare year', () => {
    expect(anchorDay('2026-06')).toBe('2026-06-01');
    expect(anchorDay('2026')).toBeUndefined();
    const dataset = makeDataset({
      monuscoExpires: undefined,
      events: [
        { id: 'open-debate', date: '2026-06', title: 'Open debate', kind: 'open-debate', country: 'mali', source: 'watchlist-2021-06' },
        { id: 'year-only', date: '2027', title: 'Some time', kind: 'other', country: 'mali', source: 'watchlist-2021-06' },
      ],
    });
    const plan = planOccurrences(sub({ target: { kind: 'country', id: 'mali' }, leadDays: [7], tz: 'UTC' }), calendarEvents(dataset), ...all);
    expect(plan.map((o) => o.key)).toEqual(['open-debate@2026-05-25T09:00:00.000Z#7d']);
  });

  it('follows a mission target only, and a one-off fires at its instant', () => {
    const events = calendarEvents(makeDataset({ events: [{ id: 'drc-report', date: '2026-12-01', title: 'Report', kind: 'report', country: 'democratic-republic-of-the-congo', source: 'un-sc-16260' }] }));
    const country = planOccurrences(sub({ leadDays: [1] }), events, ...all).map((o) => o.eventId);
    const mission = planOccurrences(sub({ leadDays: [1], target: { kind: 'mission', id: 'monusco' } }), events, ...all).map((o) => o.eventId);
    expect(country).toEqual(['drc-report', 'monusco-mandate-expiry']);
    expect(mission).toEqual(['monusco-mandate-expiry']);
    const fireAt = new Date('2026-12-03T08:30:00Z');
    const once = { id: 'r2', kind: 'once' as const, channel: slackChannel(), channelKey: 'x', tz: 'UTC', createdAt: new Date(0), text: 't', fireAt };
    expect(planOccurrences(once, [], fireAt, fireAt)).toEqual([{ reminderId: 'r2', key: 'once@2026-12-03T08:30:00.000Z', dueAt: fireAt }]);
    expect(nextOccurrence(once, [], fireAt)).toBeUndefined();
    expect(nextOccurrence(sub(), events, new Date('2026-12-13T08:00:00Z'))?.key).toBe('monusco-mandate-expiry@2026-12-19T08:00:00.000Z#1d');
  });
});
