// Planning weekly digests and curator notices with the real occurrence planner (the one each poll makes), at
// instants given by hand: the week's instant in the digest's zone across daylight-saving changes, one key per week,
// the horizon and the countries of a digest, an empty week skipped unless `always`, and the morning after an expiry.
import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../src/dataset/calendar-events.js';
import { channelWideMessage } from '../../src/reminders/channel-wide-message.js';
import { digestMessage } from '../../src/reminders/digest-message.js';
import { createOccurrencePlanner, upcomingOccurrences } from '../../src/reminders/plan-occurrences.js';
import type { DigestReminder, StaleReminder } from '../../src/reminders/reminder.js';
import { makeDataset, slackChannel } from './fixtures.js';

const base = {
  id: 'dgst01',
  channel: slackChannel('C1'),
  channelKey: 'slack:T1:C1',
  createdAt: new Date('2026-01-01T00:00:00Z'),
};
const digest = (over: Partial<DigestReminder> = {}): DigestReminder => ({
  ...base,
  kind: 'digest',
  weekday: 1,
  at: '09:00',
  tz: 'Europe/Paris',
  withinDays: 30,
  countries: [],
  always: false,
  ...over,
});
const iso = (s: string) => new Date(s);

describe('digest planning', () => {
  const planner = createOccurrencePlanner(calendarEvents(makeDataset()));

  it('fires once a week at the local time, on either side of a daylight-saving change (Europe/Paris)', () => {
    const planned = planner.plan(digest(), iso('2026-10-12T00:00:00Z'), iso('2026-11-03T00:00:00Z'));
    // Summer time (UTC+2) until 25 October 2026, then winter time (UTC+1): 09:00 in Paris either way.
    expect(planned.map((o) => o.dueAt.toISOString())).toEqual([
      '2026-10-12T07:00:00.000Z',
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-11-02T08:00:00.000Z',
    ]);
    expect(planned.map((o) => o.key)).toEqual(planned.map((o) => `digest@${o.dueAt.toISOString()}`));
    expect(planned.every((o) => o.reminderId === 'dgst01' && o.eventId === undefined)).toBe(true);
    // And back in spring: 29 March 2027 is the first Monday of summer time.
    const spring = planner.plan(digest(), iso('2027-03-22T00:00:00Z'), iso('2027-03-29T23:00:00Z'));
    expect(spring.map((o) => o.dueAt.toISOString())).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
  });

  it('counts weeks in the zone of the digest: Sunday 23:30 in Auckland is Sunday morning in UTC', () => {
    const planned = planner.plan(
      digest({ weekday: 7, at: '23:30', tz: 'Pacific/Auckland' }),
      iso('2026-11-01T00:00:00Z'),
      iso('2026-11-15T00:00:00Z'),
    );
    expect(planned.map((o) => o.dueAt.toISOString())).toEqual(['2026-11-01T10:30:00.000Z', '2026-11-08T10:30:00.000Z']);
  });

  it('takes the bounds of the window inclusively, and nothing outside them', () => {
    const at = iso('2026-11-02T08:00:00Z'); // Monday 09:00 in Paris
    expect(planner.plan(digest(), at, at)).toHaveLength(1);
    expect(planner.plan(digest(), new Date(at.getTime() + 1), iso('2026-11-09T07:59:59.999Z'))).toEqual([]);
    expect(planner.plan(digest(), iso('2026-11-03T00:00:00Z'), iso('2026-11-09T08:00:00Z'))).toHaveLength(1);
  });

  it('says when the next digest comes (for `reminders`)', () => {
    const [next] = upcomingOccurrences(digest({ weekday: 5, at: '08:30' }), [], iso('2026-11-02T12:00:00Z'), 1);
    expect(next?.dueAt.toISOString()).toBe('2026-11-06T07:30:00.000Z');
  });
});

describe('a digest’s week', () => {
  const now = iso('2026-11-30T08:00:00Z'); // Monday; MONUSCO expires on 20 December, in 20 days
  const dataset = makeDataset({
    events: [
      {
        id: 'mali-report-2027',
        date: '2027-01-15',
        title: 'SG report on Mali due',
        kind: 'report',
        country: 'mali',
        source: 'watchlist-2021-06',
      },
    ],
  });

  it('lists what falls due within the horizon, soonest first, with days left and sources', () => {
    const post = digestMessage({ digest: digest(), dataset, now });
    expect(post).toMatchObject({ due: 1, expired: 0, hasNews: true });
    const [comingUp] = post.answer.sections;
    expect(comingUp?.heading).toBe('Coming up in the next 30 days');
    expect(comingUp?.items).toHaveLength(1);
    expect(comingUp?.items[0]).toMatchObject({
      label: '20 December 2026',
      text: expect.stringContaining('MONUSCO'),
      detail: expect.stringContaining('20 days'),
      cite: [expect.objectContaining({ sourceId: 'un-sc-16260' })],
    });
    expect(post.answer).toMatchObject({
      kind: 'digest',
      title: '📅 Weekly digest: the next 30 days',
      summary: 'Weekly digest: 1 date in the next 30 days',
    });
    expect(post.answer.actions.map((a) => a.command)).toEqual(['renewals within 30d', 'forget dgst01']);
  });

  it('looks as far as `within` says', () => {
    const wide = digestMessage({ digest: digest({ withinDays: 60 }), dataset, now });
    expect(wide.due).toBe(2);
    expect(wide.answer.sections[0]?.items.map((i) => i.label)).toEqual(['20 December 2026', '15 January 2027']);
    expect(digestMessage({ digest: digest({ withinDays: 10 }), dataset, now }).due).toBe(0);
  });

  it('keeps to its countries', () => {
    const mali = digestMessage({ digest: digest({ withinDays: 60, countries: ['mali'] }), dataset, now });
    expect(mali.answer.sections[0]?.items.map((i) => i.text)).toEqual(['SG report on Mali due']);
    expect(mali.answer.subtitle).toMatch(/^Mali · /);
    const both = digestMessage({
      digest: digest({ withinDays: 60, countries: ['mali', 'democratic-republic-of-the-congo'] }),
      dataset,
      now,
    });
    expect(both.due).toBe(2);
    // Each line names its country when the digest follows several.
    expect(both.answer.sections[0]?.items[1]?.text).toBe('SG report on Mali due — Mali');
    expect(both.answer.subtitle).toMatch(/^Mali, Democratic Republic of the Congo · /);
  });

  it('flags what expired with no renewal recorded, and counts it as something to say', () => {
    const lapsed = makeDataset({ monuscoExpires: '2026-11-20' });
    const post = digestMessage({ digest: digest(), dataset: lapsed, now });
    expect(post).toMatchObject({ due: 0, expired: 1, hasNews: true });
    expect(post.answer.sections[1]).toMatchObject({
      heading: 'Expired, no renewal recorded',
      items: [expect.objectContaining({ label: 'MONUSCO', tone: 'warning' })],
    });
  });

  it('skips a week with nothing to say, unless the digest asked for `always`', () => {
    const quiet = makeDataset({ monuscoExpires: '2027-06-30' });
    const claim = { key: 'digest@2026-11-30T08:00:00.000Z', dueAt: now };
    expect(channelWideMessage(digest(), claim, quiet, now, 'en')).toBe('nothing to say this week');
    const always = channelWideMessage(digest({ always: true }), claim, quiet, now, 'en');
    expect(always).toMatchObject({ kind: 'digest', summary: 'Weekly digest: nothing falls due in the next 30 days' });
    expect(channelWideMessage(digest(), claim, dataset, now, 'en')).toMatchObject({ kind: 'digest' });
    // A week planned under an earlier schedule (the day changed since) is not posted.
    expect(channelWideMessage(digest({ weekday: 2 }), claim, dataset, now, 'en')).toBe('digest schedule changed');
  });

  it('is written in the channel’s language', () => {
    const post = digestMessage({ digest: digest(), dataset, now, lang: 'fr' });
    expect(post.answer).toMatchObject({
      lang: 'fr',
      title: '📅 Digest hebdomadaire\u00a0: les 30 prochains jours',
      summary: 'Digest hebdomadaire\u00a0: 1 échéance dans les 30 prochains jours',
    });
    expect(post.answer.sections[0]?.heading).toBe('À venir dans les 30 prochains jours');
    expect(post.answer.actions.map((a) => a.label)).toEqual(['Toutes les échéances', 'Arrêter ce digest']);
  });
});

describe('curator notices planning', () => {
  const stale: StaleReminder = { ...base, id: 'stal01', kind: 'stale', at: '09:00', tz: 'Europe/Paris' };

  it('fires the morning after the current mandate expires, keyed by row and expiry', () => {
    const planner = createOccurrencePlanner(calendarEvents(makeDataset({ monuscoExpires: '2026-12-20' })));
    const planned = planner.plan(stale, iso('2026-12-01T00:00:00Z'), iso('2027-01-01T00:00:00Z'));
    expect(planned).toEqual([
      {
        reminderId: 'stal01',
        key: 'stale:monusco@2026-12-20',
        eventId: 'monusco-mandate-expiry',
        dueAt: iso('2026-12-21T08:00:00Z'), // 09:00 in Paris
      },
    ]);
    // The key does not depend on the time of day: notices moved to 07:00 are still the same notice.
    const early = planner.plan({ ...stale, at: '07:00' }, iso('2026-12-01T00:00:00Z'), iso('2027-01-01T00:00:00Z'));
    expect(early.map((o) => o.key)).toEqual(['stale:monusco@2026-12-20']);
  });

  it('never fires before the expiry’s next day has begun in UTC (when `data stale` lists it)', () => {
    const planner = createOccurrencePlanner(calendarEvents(makeDataset({ monuscoExpires: '2026-12-20' })));
    const [auckland] = planner.plan(
      { ...stale, tz: 'Pacific/Auckland' },
      iso('2026-12-01T00:00:00Z'),
      iso('2027-01-01T00:00:00Z'),
    );
    // 09:00 on 21 December in Auckland is 20:00 UTC on the 20th: held until midnight UTC.
    expect(auckland?.dueAt).toEqual(iso('2026-12-21T00:00:00Z'));
  });

  it('plans nothing for a mission with no expiry, nor once a renewal moves the expiry', () => {
    const none = createOccurrencePlanner(calendarEvents(makeDataset({ monuscoExpires: undefined })));
    expect(none.plan(stale, iso('2026-01-01T00:00:00Z'), iso('2028-01-01T00:00:00Z'))).toEqual([]);
    const renewed = createOccurrencePlanner(calendarEvents(makeDataset({ monuscoExpires: '2027-12-20' })));
    expect(renewed.plan(stale, iso('2026-12-01T00:00:00Z'), iso('2027-01-01T00:00:00Z'))).toEqual([]);
  });
});
