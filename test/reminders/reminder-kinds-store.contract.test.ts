// The reminder store's contract for weekly digests and curator notices (migration 0010), run against SQLite (a temp
// file) and the real PostgreSQL (DATABASE_URL, a fresh schema per run; skipped only when DATABASE_URL is unset).
import { afterEach, describe, expect, it } from 'vitest';
import { channelKey } from '../../src/core/ports.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import type { NewDigest, Weekday } from '../../src/reminders/reminder.js';
import type { ReminderStore } from '../../src/reminders/reminder-store.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { slackChannel } from './fixtures.js';

const T0 = new Date('2026-11-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const limits = { maxPerChannel: 50 };
const digest = (over: Partial<NewDigest> = {}): { kind: 'digest' } & NewDigest => ({
  kind: 'digest',
  channel: slackChannel('C1'),
  weekday: 1,
  at: '09:00',
  tz: 'Europe/Paris',
  withinDays: 30,
  countries: ['mali', 'democratic-republic-of-the-congo'],
  always: false,
  ...over,
});

describe.each(backends())('digests and curator notices in the ReminderStore on $name', ({ make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
  });
  async function store(): Promise<ReminderStore> {
    backend ??= make();
    return createReminderStore(await backend.open());
  }

  it.skipIf(skip)('stores a digest with every setting, and reads it back', async () => {
    const s = await store();
    const added = await s.records.add({ ...digest(), createdBy: 'U1' }, T0, limits);
    expect(added.kind).toBe('added');
    if (added.kind !== 'added') return;
    const expected = {
      id: added.reminder.id,
      kind: 'digest',
      channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
      channelKey: 'slack:T1:C1',
      weekday: 1,
      at: '09:00',
      tz: 'Europe/Paris',
      withinDays: 30,
      countries: ['mali', 'democratic-republic-of-the-congo'],
      always: false,
      createdAt: T0,
      createdBy: 'U1',
    };
    expect(added.reminder).toEqual(expected);
    expect(await s.records.get(added.reminder.id)).toEqual(expected);
    const all = await s.records.add(digest({ channel: slackChannel('C2'), countries: [], always: true }), T0, limits);
    expect(all.kind === 'added' && all.reminder).toMatchObject({ countries: [], always: true });
  });

  it.skipIf(skip)('holds one digest and one set of notices per channel, even when asked at once', async () => {
    const s = await store();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => s.records.add(digest({ weekday: ((i % 7) + 1) as Weekday }), at(i), limits)),
    );
    expect(results.filter((r) => r.kind === 'added')).toHaveLength(1);
    const kept = results.find((r) => r.kind === 'added')!;
    for (const r of results.filter((x) => x.kind === 'exists'))
      expect(r.kind === 'exists' && r.reminder.id).toBe(kept.kind === 'added' && kept.reminder.id);
    const stale = { kind: 'stale' as const, channel: slackChannel('C1'), at: '08:00', tz: 'UTC' };
    const first = await s.records.add(stale, T0, limits);
    const second = await s.records.add({ ...stale, at: '10:00' }, at(1), limits);
    expect(first.kind).toBe('added');
    expect(second).toMatchObject({ kind: 'exists', reminder: { kind: 'stale', at: '08:00' } });
    // Another channel has its own.
    expect((await s.records.add({ ...stale, channel: slackChannel('C2') }, T0, limits)).kind).toBe('added');
    expect(await s.records.listByChannel(channelKey(slackChannel('C1')))).toHaveLength(2);
  });

  it.skipIf(skip)('changes a digest or notices in place, in their own channel only', async () => {
    const s = await store();
    const added = await s.records.add(digest(), T0, limits);
    if (added.kind !== 'added') throw new Error('not added');
    const id = added.reminder.id;
    const changed = await s.records.update(id, 'slack:T1:C1', {
      ...digest({ weekday: 5, at: '08:30', tz: 'UTC', withinDays: 14, countries: [], always: true }),
    });
    expect(changed).toMatchObject({
      id,
      weekday: 5,
      at: '08:30',
      tz: 'UTC',
      withinDays: 14,
      countries: [],
      always: true,
    });
    expect(await s.records.get(id)).toEqual(changed);
    expect(await s.records.update(id, 'slack:T1:C9', digest())).toBeUndefined();
    expect(
      await s.records.update(id, 'slack:T1:C1', { kind: 'stale', channel: slackChannel('C1'), at: '07:00', tz: 'UTC' }),
    ).toBeUndefined();
    const stale = await s.records.add(
      { kind: 'stale', channel: slackChannel('C1'), at: '09:00', tz: 'UTC' },
      T0,
      limits,
    );
    if (stale.kind !== 'added') throw new Error('not added');
    const moved = await s.records.update(stale.reminder.id, 'slack:T1:C1', {
      kind: 'stale',
      channel: slackChannel('C1'),
      at: '07:15',
      tz: 'Europe/Paris',
    });
    expect(moved).toMatchObject({ kind: 'stale', at: '07:15', tz: 'Europe/Paris' });
  });

  it.skipIf(skip)('gives every active digest and set of notices to a poll, whatever the calendar', async () => {
    const s = await store();
    const d = await s.records.add(digest(), T0, limits);
    const n = await s.records.add({ kind: 'stale', channel: slackChannel('C1'), at: '09:00', tz: 'UTC' }, T0, limits);
    const gone = await s.records.add(digest({ channel: slackChannel('C3') }), T0, limits);
    if (d.kind !== 'added' || n.kind !== 'added' || gone.kind !== 'added') throw new Error('not added');
    await s.records.disable(gone.reminder.id, 'channel_not_found', at(1));
    const candidates = await s.records.listCandidates({ targets: [], from: T0, to: at(1000) });
    expect(candidates.map((r) => r.id).sort()).toEqual([d.reminder.id, n.reminder.id].sort());
    // A disabled digest frees its channel for a new one.
    expect((await s.records.add(digest({ channel: slackChannel('C3') }), at(2), limits)).kind).toBe('added');
  });

  it.skipIf(skip)('stores each week’s digest and each notice once, and removes them with their reminder', async () => {
    const s = await store();
    const d = await s.records.add(digest(), T0, limits);
    if (d.kind !== 'added') throw new Error('not added');
    const week = { reminderId: d.reminder.id, key: 'digest@2026-11-02T08:00:00.000Z', dueAt: at(86_400_000) };
    expect(await s.queue.addOccurrences([week], T0)).toHaveLength(1);
    expect(await s.queue.addOccurrences([week, { ...week }], at(1))).toEqual([]);
    expect(await s.queue.listOccurrences(d.reminder.id)).toHaveLength(1);
    expect(await s.records.remove(d.reminder.id, 'slack:T1:C1')).toBe(true);
    expect(await s.queue.listOccurrences(d.reminder.id)).toEqual([]);
  });
});
