import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../src/dataset/calendar-events.js';
import { reminderMessage } from '../../src/reminders/reminder-message.js';
import type { SubscriptionReminder } from '../../src/reminders/reminder.js';
import { makeDataset, slackChannel } from './fixtures.js';

const reminder: SubscriptionReminder = {
  id: 'abc234',
  kind: 'subscription',
  channel: slackChannel(),
  channelKey: 'slack:T1:C100',
  target: { kind: 'mission', id: 'monusco' },
  leadDays: [30, 7, 1],
  at: '09:00',
  tz: 'Europe/Paris',
  createdAt: new Date(0),
};

describe('reminderMessage', () => {
  it('says what is coming, when, with days left, the resolution, source and as-of, and the two actions', () => {
    const dataset = makeDataset();
    const event = calendarEvents(dataset).find((e) => e.id === 'monusco-mandate-expiry')!;
    const m = reminderMessage({ reminder, event, dataset, now: new Date('2026-12-13T08:00:00Z') });
    expect(m).toEqual({
      kind: 'reminder',
      outcome: 'answered',
      title: "⏰ MONUSCO's mandate expires in 7 days — 20 December 2026",
      subtitle: 'Democratic Republic of the Congo · SCR 2808 (2025), adopted 19 December 2025',
      sections: [
        {
          items: [
            {
              label: 'When',
              text: '20 December 2026',
              detail: 'in 7 days',
              cite: [
                {
                  sourceId: 'un-sc-16260',
                  label: 'UN, Press release SC/16260',
                  asOf: '19 December 2025',
                  precision: 'day',
                  symbol: 'SC/16260',
                },
              ],
            },
            {
              label: 'Resolution',
              text: 'SCR 2808 (2025), adopted 19 December 2025',
              cite: [
                {
                  sourceId: 'un-sc-16260',
                  label: 'UN, Press release SC/16260',
                  asOf: '19 December 2025',
                  precision: 'day',
                  symbol: 'SC/16260',
                },
              ],
            },
          ],
        },
        {
          items: [
            {
              text: 'Reminders for MONUSCO in this channel: 30d, 7d, 1d at 09:00 Europe/Paris',
              detail: 'reminder abc234',
            },
          ],
        },
      ],
      actions: [
        { label: 'Open the MONUSCO brief', command: 'monusco', kind: 'command', style: 'primary' },
        { label: 'Stop these reminders', command: 'forget abc234', kind: 'forget', style: 'danger' },
      ],
      summary: "MONUSCO's mandate expires in 7 days — 20 December 2026",
    });
  });

  it('says when a date is known to the month only', () => {
    const dataset = makeDataset({
      events: [
        {
          id: 'od',
          date: '2026-06',
          title: 'Open debate on CAAC',
          kind: 'open-debate',
          country: 'democratic-republic-of-the-congo',
          source: 'un-sc-16260',
          unverified: 'date not announced',
        },
      ],
    });
    const event = calendarEvents(dataset).find((e) => e.id === 'od')!;
    const m = reminderMessage({ reminder, event, dataset, now: new Date('2026-05-25T07:00:00Z') });
    expect(m.title).toBe('⏰ Open debate on CAAC — June 2026 (about 7 days away)');
    expect(m.sections[0]!.items[0]).toMatchObject({
      text: 'June 2026',
      detail: 'known to the month only; counted from 1 June 2026: in 7 days',
    });
    expect(m.sections[0]!.items[0]!.cite![0]!.unverified).toBe('date not announced');
  });
});
