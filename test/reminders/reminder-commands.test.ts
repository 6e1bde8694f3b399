import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { RequestContext } from '../../src/core/ports.js';
import { createReminderCommands } from '../../src/reminders/create-reminder-commands.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { sqliteBackend } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { RecordingDelivery, makeDataset, slackChannel } from './fixtures.js';

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

const NOW = new Date('2026-11-01T10:00:00Z');
const ctx = (channelId = 'C100'): RequestContext => ({
  platform: 'slack',
  channel: slackChannel(channelId),
  userId: 'U1',
});

async function setUp() {
  backend = sqliteBackend();
  const store = createReminderStore(await backend.open());
  const delivery = new RecordingDelivery();
  const commands = createReminderCommands({
    records: store.records,
    dataset: () => makeDataset(),
    clock: fixedClock(NOW),
    deliveries: { slack: delivery },
    defaultTz: 'Europe/Paris',
  });
  return { store, delivery, commands };
}

describe('reminder commands', () => {
  it('remind subscribes the channel and shows the next firings in its zone', async () => {
    const { commands, store } = await setUp();
    const a = await commands.handle({ kind: 'remind', target: 'DRC', leadDays: [30, 7, 1], at: '09:00' }, ctx());
    expect(a.outcome).toBe('answered');
    expect(a.title).toBe('Reminders set for Democratic Republic of the Congo in this channel');
    const [r] = await store.records.listByChannel('slack:T1:C100');
    expect(r).toMatchObject({
      kind: 'subscription',
      target: { kind: 'country', id: 'democratic-republic-of-the-congo' },
      tz: 'Europe/Paris',
      createdBy: 'U1',
    });
    expect(a.subtitle).toBe(`Reminder ${r!.id}: 30d, 7d, 1d at 09:00 Europe/Paris`);
    expect(a.sections[0]!.items.map((i) => [i.label, i.text])).toEqual([
      ['20 November 2026, 09:00 Europe/Paris', "30d before: MONUSCO's mandate expires"],
      ['13 December 2026, 09:00 Europe/Paris', "7d before: MONUSCO's mandate expires"],
      ['19 December 2026, 09:00 Europe/Paris', "1d before: MONUSCO's mandate expires"],
    ]);
    expect(a.actions.at(-1)).toEqual({
      label: 'Stop these reminders',
      command: `forget ${r!.id}`,
      kind: 'forget',
      style: 'danger',
    });
    const again = await commands.handle({ kind: 'remind', target: 'drc', leadDays: [30, 7, 1], at: '09:00' }, ctx());
    expect(again.title).toBe('This channel is already reminded about Democratic Republic of the Congo');
    expect(await store.records.listByChannel('slack:T1:C100')).toHaveLength(1);
  });

  it('remind a mission with no dated event says so (a gap), and an unknown name suggests names', async () => {
    const { commands } = await setUp();
    const a = await commands.handle(
      { kind: 'remind', target: 'minusma', leadDays: [7], at: '09:00', tz: 'UTC' },
      ctx(),
    );
    expect(a.sections[0]!.items[0]).toMatchObject({ tone: 'gap', text: 'No dated events on record for it now.' });
    const miss = await commands.handle({ kind: 'remind', target: 'narnia', leadDays: [7], at: '09:00' }, ctx());
    expect(miss.outcome).toBe('no-match');
    expect(miss.title).toBe('No country or mission matches "narnia"');
  });

  it('says at once when the bot cannot post in the channel, and how to fix it, storing nothing', async () => {
    const { commands, delivery, store } = await setUp();
    delivery.canPostResult = { ok: false, problem: 'not-member' };
    const a = await commands.handle({ kind: 'remind', target: 'mali', leadDays: [7], at: '09:00' }, ctx());
    expect(a.outcome).toBe('unavailable');
    expect(a.sections[0]!.items.map((i) => i.text)).toEqual([
      'the bot is not a member of this channel',
      'To fix it: invite it with /invite @caac, then try again',
    ]);
    expect(await store.records.listByChannel('slack:T1:C100')).toEqual([]);
  });

  it('remind-once stores a future one-off and refuses a past time; reminders lists, forget removes only here', async () => {
    const { commands, store } = await setUp();
    const past = await commands.handle({ kind: 'remind-once', text: 'late', at: '2026-10-01T09:00:00+02:00' }, ctx());
    expect(past).toMatchObject({ outcome: 'usage', title: 'That time has passed' });
    const once = await commands.handle(
      { kind: 'remind-once', text: 'Mali consultations', at: '2026-12-03T09:30:00+01:00' },
      ctx(),
    );
    expect(once.outcome).toBe('answered');
    const [r] = await store.records.listByChannel('slack:T1:C100');
    expect(r).toMatchObject({ kind: 'once', fireAt: new Date('2026-12-03T08:30:00Z') });
    expect(once.sections[0]!.items[0]!.label).toBe('3 December 2026, 09:30 Europe/Paris');
    const list = await commands.handle({ kind: 'reminders' }, ctx());
    expect(list.sections[0]!.items).toEqual([
      {
        label: r!.id,
        text: '"Mali consultations" at 3 December 2026, 09:30 Europe/Paris',
        detail: 'next: 3 December 2026, 09:30 Europe/Paris',
        tone: 'normal',
      },
    ]);
    expect((await commands.handle({ kind: 'forget', id: r!.id }, ctx('C999'))).outcome).toBe('no-match');
    expect((await commands.handle({ kind: 'forget', id: r!.id.toUpperCase() }, ctx())).title).toBe(
      `Reminder ${r!.id} removed`,
    );
    expect((await commands.handle({ kind: 'reminders' }, ctx())).title).toBe('No reminders in this channel');
  });

  it('explains that reminders belong to a channel when there is none (the terminal)', async () => {
    const { commands } = await setUp();
    const a = await commands.handle({ kind: 'reminders' }, { platform: 'cli' });
    expect(a).toMatchObject({ outcome: 'usage', title: 'Reminders belong to a channel' });
  });
});
