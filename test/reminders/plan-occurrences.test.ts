import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../src/dataset/calendar-events.js';
import {
  anchorDay,
  createOccurrencePlanner,
  eventsForTarget,
  fireInstant,
  planOccurrences,
  upcomingOccurrences,
} from '../../src/reminders/plan-occurrences.js';
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
      events: [
        {
          id: 'mali-meeting',
          date: '2026-10-26',
          title: 'Mali consultations',
          kind: 'meeting',
          country: 'mali',
          source: 'watchlist-2021-06',
        },
      ],
    });
    const plan = planOccurrences(
      sub({ target: { kind: 'country', id: 'mali' }, leadDays: [2, 1, 0] }),
      calendarEvents(dataset),
      ...all,
    );
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
        {
          id: 'open-debate',
          date: '2026-06',
          title: 'Open debate',
          kind: 'open-debate',
          country: 'mali',
          source: 'watchlist-2021-06',
        },
        {
          id: 'year-only',
          date: '2027',
          title: 'Some time',
          kind: 'other',
          country: 'mali',
          source: 'watchlist-2021-06',
        },
      ],
    });
    const plan = planOccurrences(
      sub({ target: { kind: 'country', id: 'mali' }, leadDays: [7], tz: 'UTC' }),
      calendarEvents(dataset),
      ...all,
    );
    expect(plan.map((o) => o.key)).toEqual(['open-debate@2026-05-25T09:00:00.000Z#7d']);
  });

  it('follows a mission target only, and a one-off fires at its instant', () => {
    const events = calendarEvents(
      makeDataset({
        events: [
          {
            id: 'drc-report',
            date: '2026-12-01',
            title: 'Report',
            kind: 'report',
            country: 'democratic-republic-of-the-congo',
            source: 'un-sc-16260',
          },
        ],
      }),
    );
    const country = planOccurrences(sub({ leadDays: [1] }), events, ...all).map((o) => o.eventId);
    const mission = planOccurrences(
      sub({ leadDays: [1], target: { kind: 'mission', id: 'monusco' } }),
      events,
      ...all,
    ).map((o) => o.eventId);
    expect(country).toEqual(['drc-report', 'monusco-mandate-expiry']);
    expect(mission).toEqual(['monusco-mandate-expiry']);
    const fireAt = new Date('2026-12-03T08:30:00Z');
    const once = {
      id: 'r2',
      kind: 'once' as const,
      channel: slackChannel(),
      channelKey: 'x',
      tz: 'UTC',
      createdAt: new Date(0),
      text: 't',
      fireAt,
    };
    expect(planOccurrences(once, [], fireAt, fireAt)).toEqual([
      { reminderId: 'r2', key: 'once@2026-12-03T08:30:00.000Z', dueAt: fireAt },
    ]);
    expect(upcomingOccurrences(once, [], fireAt, 1)).toEqual([]);
    expect(upcomingOccurrences(sub(), events, new Date('2026-12-13T08:00:00Z'), 1)[0]?.key).toBe(
      'monusco-mandate-expiry@2026-12-19T08:00:00.000Z#1d',
    );
  });
});

describe('createOccurrencePlanner', () => {
  // The planner drops events by UTC-day arithmetic before asking luxon: compare it with luxon alone, at the extremes
  // of the zones (UTC+14, UTC−11) and of the day, over windows that cut through the days around each lead.
  it('plans exactly what luxon alone finds, in every zone and at any time of day', () => {
    const days = ['2026-12-20', '2026-12-21', '2026-12-22', '2027-01-05'];
    const events = calendarEvents(
      makeDataset({
        events: days.map((date, i) => ({
          id: `e${i}`,
          date,
          title: `Event ${i}`,
          kind: 'meeting',
          country: 'mali',
          source: 'watchlist-2021-06',
        })),
      }),
    );
    const planner = createOccurrencePlanner(events);
    let compared = 0;
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris', 'America/New_York', 'UTC']) {
      for (const at of ['00:00', '09:00', '23:59']) {
        const reminder = sub({ target: { kind: 'country', id: 'mali' }, leadDays: [30, 7, 1, 0], at, tz });
        for (let h = 0; h < 24 * 12; h += 7) {
          const from = new Date(Date.UTC(2026, 10, 18) + h * 3600_000);
          const to = new Date(from.getTime() + 26 * 3600_000);
          const expected = eventsForTarget(reminder, events).flatMap((e) =>
            reminder.leadDays.flatMap((lead) => {
              const t = fireInstant(e.date, lead, at, tz)!;
              return t >= from && t <= to ? [`${e.id}@${t.toISOString()}#${lead}d`] : [];
            }),
          );
          const got = planner.plan(reminder, from, to).map((o) => o.key);
          expect(got.sort(), `${tz} ${at} ${from.toISOString()}`).toEqual(expected.sort());
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(100); // the windows did catch occurrences, not only empty ones
  });

  it('names the targets whose events may fire in a window, each with the lead times that would', () => {
    const planner = createOccurrencePlanner(calendarEvents(makeDataset()));
    // MONUSCO expires on 20 December 2026: seen from 12-13 December, only leads of 6 to 10 days can fire.
    expect(planner.targetsFiring(new Date('2026-12-12T00:00:00Z'), new Date('2026-12-13T12:00:00Z'))).toEqual([
      { target: { kind: 'country', id: 'democratic-republic-of-the-congo' }, leads: [6, 7, 8, 9, 10] },
      { target: { kind: 'mission', id: 'monusco' }, leads: [6, 7, 8, 9, 10] },
    ]);
    expect(planner.targetsFiring(new Date('2026-12-23T00:00:00Z'), new Date('2026-12-30T00:00:00Z'))).toEqual([]); // past
    expect(planner.targetsFiring(new Date(0), new Date('2100-01-01T00:00:00Z'))).toEqual([
      { target: { kind: 'country', id: 'democratic-republic-of-the-congo' } }, // too wide to list: any lead
      { target: { kind: 'mission', id: 'monusco' } },
    ]);
  });
});
