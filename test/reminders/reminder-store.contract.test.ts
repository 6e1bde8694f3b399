// One contract for the reminder store, run against SQLite (a temp file) and the real PostgreSQL (DATABASE_URL,
// a fresh schema per run; skipped only when DATABASE_URL is unset).
import { afterEach, describe, expect, it } from 'vitest';
import { channelKey } from '../../src/core/ports.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import type { ReminderStore } from '../../src/reminders/reminder-store.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { slackChannel } from './fixtures.js';

const T0 = new Date('2026-11-01T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(backends())('ReminderStore contract on $name', ({ make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
  });
  async function store(): Promise<ReminderStore> {
    backend ??= make();
    return createReminderStore(await backend.open());
  }

  it.skipIf(skip)(
    'stores subscriptions and one-offs, lists them by channel, and removes only from their own channel',
    async () => {
      const s = await store();
      const ch = slackChannel('C1');
      const other = slackChannel('C2');
      const sub = await s.records.addSubscription(
        {
          channel: { ...ch, name: '#drc' },
          target: { kind: 'country', id: 'mali' },
          leadDays: [30, 7, 1],
          at: '09:00',
          tz: 'Europe/Paris',
          createdBy: 'U1',
        },
        T0,
      );
      const once = await s.records.addOneOff(
        { channel: ch, text: 'Mali consultations <b>', fireAt: at(3600_000), tz: 'UTC' },
        at(1),
      );
      expect(sub.id).toMatch(/^[a-z2-9]{6}$/);
      expect(once.id).not.toBe(sub.id);
      expect(await s.records.get(sub.id)).toEqual({
        id: sub.id,
        kind: 'subscription',
        channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1', name: '#drc' },
        channelKey: 'slack:T1:C1',
        target: { kind: 'country', id: 'mali' },
        leadDays: [30, 7, 1],
        at: '09:00',
        tz: 'Europe/Paris',
        createdAt: T0,
        createdBy: 'U1',
      });
      expect(await s.records.get(once.id)).toMatchObject({
        kind: 'once',
        text: 'Mali consultations <b>',
        fireAt: at(3600_000),
      });
      expect((await s.records.listByChannel(channelKey(ch))).map((r) => r.id)).toEqual([sub.id, once.id]);
      expect(await s.records.listByChannel(channelKey(other))).toEqual([]);
      expect(await s.records.remove(sub.id, channelKey(other))).toBe(false);
      expect(await s.records.remove(sub.id, channelKey(ch))).toBe(true);
      expect(await s.records.remove(sub.id, channelKey(ch))).toBe(false);
      expect((await s.records.listActive()).map((r) => r.id)).toEqual([once.id]);
    },
  );

  it.skipIf(skip)("keeps a Slack channel's Enterprise Grid org, for an org-wide install to post with", async () => {
    const s = await store();
    const channel = { ...slackChannel('C0GRID', 'T0009GRID'), enterpriseId: 'E0001ORG' };
    const once = await s.records.addOneOff({ channel, text: 'grid', fireAt: at(1000), tz: 'UTC' }, T0);
    expect((await s.records.get(once.id))?.channel).toEqual(channel);
    expect((await s.records.getMany([once.id]))[0]?.channel).toEqual(channel);
  });

  it.skipIf(skip)("lists a workspace's active reminders on one platform, oldest first, for the Home tab", async () => {
    const s = await store();
    const first = await s.records.addOneOff({ channel: slackChannel('C1'), text: 'a', fireAt: at(10), tz: 'UTC' }, T0);
    const second = await s.records.addSubscription(
      {
        channel: slackChannel('C2'),
        target: { kind: 'country', id: 'mali' },
        leadDays: [7],
        at: '09:00',
        tz: 'UTC',
        createdBy: 'U1',
      },
      at(1),
    );
    const gone = await s.records.addOneOff(
      { channel: slackChannel('C3'), text: 'b', fireAt: at(10), tz: 'UTC' },
      at(2),
    );
    await s.records.disable(gone.id, 'channel_not_found', at(3));
    await s.records.addOneOff(
      { channel: slackChannel('C1', 'T2'), text: 'other team', fireAt: at(10), tz: 'UTC' },
      at(4),
    );
    await s.records.addOneOff(
      {
        channel: { platform: 'teams', workspaceId: 'T1', channelId: 'C1' },
        text: 'same id, Teams',
        fireAt: at(10),
        tz: 'UTC',
      },
      at(5),
    );
    expect((await s.records.listByWorkspace('slack', 'T1')).map((r) => r.id)).toEqual([first.id, second.id]);
    expect((await s.records.listByWorkspace('teams', 'T1')).map((r) => r.channel.platform)).toEqual(['teams']);
    expect(await s.records.listByWorkspace('slack', 'T9')).toEqual([]);
  });

  it.skipIf(skip)('disables a reminder: still listed, marked, and no longer active', async () => {
    const s = await store();
    const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: at(10), tz: 'UTC' }, T0);
    await s.records.disable(r.id, 'channel_not_found', at(5));
    expect(await s.records.get(r.id)).toMatchObject({ disabled: { at: at(5), reason: 'channel_not_found' } });
    expect(await s.records.listActive()).toEqual([]);
    expect(await s.records.listByChannel('slack:T1:C100')).toHaveLength(1);
  });

  it.skipIf(skip)('adds each occurrence once, and records skipped ones at once', async () => {
    const s = await store();
    const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
    const o = { reminderId: r.id, key: 'e1@x#7d', eventId: 'e1', leadDays: 7, dueAt: T0 };
    expect(await s.queue.addOccurrences([o, { ...o, key: 'old', skipped: 'too late' }], T0)).toHaveLength(2);
    expect(await s.queue.addOccurrences([o], at(1000))).toEqual([]);
    const list = await s.queue.listOccurrences(r.id);
    expect(list.map((x) => [x.key, x.status, x.outcome ?? null])).toEqual([
      ['e1@x#7d', 'pending', null],
      ['old', 'done', 'skipped'],
    ]);
    expect(list[0]).toMatchObject({ eventId: 'e1', leadDays: 7, attempts: 0, possibleRepeat: false, dueAt: T0 });
  });

  it.skipIf(skip)('claims a due occurrence for one caller, records it once, and never hands it out again', async () => {
    const s = await store();
    const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
    await s.queue.addOccurrences([{ reminderId: r.id, key: 'k', dueAt: at(60_000) }], T0);
    expect(await s.queue.claimDue({ now: T0, owner: 'a', leaseMs: 1000, limit: 10 })).toEqual([]); // not due yet
    const [claim, ...rest] = await s.queue.claimDue({ now: at(60_000), owner: 'a', leaseMs: 1000, limit: 10 });
    expect(rest).toEqual([]);
    expect(claim).toMatchObject({ key: 'k', status: 'claimed', attempts: 1, possibleRepeat: false, claimedBy: 'a' });
    expect(await s.queue.claimDue({ now: at(60_500), owner: 'b', leaseMs: 1000, limit: 10 })).toEqual([]); // leased
    expect(await s.queue.record(claim!, 'delivered', at(60_600), { messageId: '123.456' })).toBe(true);
    expect(await s.queue.record(claim!, 'delivered', at(60_700))).toBe(false); // already recorded
    expect(await s.queue.claimDue({ now: at(10_000_000), owner: 'b', leaseMs: 1000, limit: 10 })).toEqual([]);
    expect((await s.queue.listOccurrences(r.id))[0]).toMatchObject({
      status: 'done',
      outcome: 'delivered',
      messageId: '123.456',
      recordedAt: at(60_600),
    });
  });

  it.skipIf(skip)(
    'hands an occurrence claimed and never recorded (a crash) out again after the lease, as a possible repeat',
    async () => {
      const s = await store();
      const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
      await s.queue.addOccurrences([{ reminderId: r.id, key: 'k', dueAt: T0 }], T0);
      const [first] = await s.queue.claimDue({ now: T0, owner: 'crashed', leaseMs: 1000, limit: 10 });
      expect(await s.queue.claimDue({ now: at(1000), owner: 'b', leaseMs: 1000, limit: 10 })).toEqual([]); // lease still holds at its end
      const [second] = await s.queue.claimDue({ now: at(1001), owner: 'b', leaseMs: 1000, limit: 10 });
      expect(second).toMatchObject({ key: 'k', attempts: 2, possibleRepeat: true, claimedBy: 'b' });
      expect(await s.queue.record(first!, 'delivered', at(1002))).toBe(false); // the old claim is lost
      expect(await s.queue.record(second!, 'possible-repeat', at(1003))).toBe(true);
    },
  );

  it.skipIf(skip)('retries at a given time, and releases claims without counting an attempt', async () => {
    const s = await store();
    const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
    await s.queue.addOccurrences([{ reminderId: r.id, key: 'k', dueAt: T0 }], T0);
    const [c1] = await s.queue.claimDue({ now: T0, owner: 'a', leaseMs: 60_000, limit: 1 });
    expect(await s.queue.retryAt(c1!, at(30_000), 'ratelimited')).toBe(true);
    expect(await s.queue.claimDue({ now: at(29_999), owner: 'a', leaseMs: 60_000, limit: 1 })).toEqual([]);
    const [c2] = await s.queue.claimDue({ now: at(30_000), owner: 'a', leaseMs: 60_000, limit: 1 });
    expect(c2).toMatchObject({ attempts: 2, lastError: 'ratelimited', possibleRepeat: false });
    await s.queue.release([c2!]);
    const [c3] = await s.queue.claimDue({ now: at(30_001), owner: 'b', leaseMs: 60_000, limit: 1 });
    expect(c3).toMatchObject({ attempts: 2, possibleRepeat: false, claimedBy: 'b' });
  });

  it.skipIf(skip)('splits a batch between two stores claiming at once: every occurrence to exactly one', async () => {
    backend = make();
    const a = createReminderStore(await backend.open());
    const b = createReminderStore(await backend.open());
    const r = await a.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
    await a.queue.addOccurrences(
      Array.from({ length: 40 }, (_, i) => ({ reminderId: r.id, key: `k${i}`, dueAt: T0 })),
      T0,
    );
    const rounds = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? a : b).queue.claimDue({ now: T0, owner: `o${i}`, leaseMs: 60_000, limit: 7 }),
      ),
    );
    const keys = rounds.flat().map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(40);
  });

  it.skipIf(skip)(
    'lists for a poll only the subscriptions on firing targets and leads, and the one-offs due and not stored',
    async () => {
      const s = await store();
      const mali = { kind: 'country' as const, id: 'mali' };
      const sub = (target: { kind: 'country' | 'mission'; id: string }, leadDays: number[], channelId = 'C1') =>
        s.records.addSubscription({ channel: slackChannel(channelId), target, leadDays, at: '09:00', tz: 'UTC' }, T0);
      const maliDefault = await sub(mali, [30, 7, 1]);
      await sub(mali, [60, 14], 'C4'); // no lead in the range
      const drc = await sub({ kind: 'country', id: 'drc' }, [7]); // another target
      const minusma = await sub({ kind: 'mission', id: 'minusma' }, [7, 0]);
      const disabled = await sub(mali, [7], 'C2');
      await s.records.disable(disabled.id, 'channel_not_found', T0);
      const removed = await sub(mali, [8], 'C3');
      await s.records.remove(removed.id, 'slack:T1:C3');
      const due = await s.records.addOneOff({ channel: slackChannel(), text: 'due', fireAt: at(1000), tz: 'UTC' }, T0);
      await s.records.addOneOff({ channel: slackChannel(), text: 'later', fireAt: at(86_400_000), tz: 'UTC' }, T0);
      const stored = await s.records.addOneOff(
        { channel: slackChannel(), text: 'stored', fireAt: at(2000), tz: 'UTC' },
        T0,
      );
      await s.queue.addOccurrences(
        [{ reminderId: stored.id, key: `once@${at(2000).toISOString()}`, dueAt: at(2000) }],
        T0,
      );

      const ids = async (targets: Parameters<ReminderStore['records']['listCandidates']>[0]['targets']) =>
        (await s.records.listCandidates({ targets, from: T0, to: at(3600_000) })).map((r) => r.id).sort();
      expect(
        await ids([
          { target: mali, leads: [6, 7, 8] },
          { target: { kind: 'mission', id: 'mali' }, leads: [7] },
        ]),
      ).toEqual([maliDefault.id, due.id].sort());
      expect(
        await ids([
          { target: { kind: 'mission', id: 'minusma' }, leads: [0] },
          { target: { kind: 'country', id: 'drc' } },
        ]),
      ).toEqual([minusma.id, drc.id, due.id].sort());
      expect(await ids([])).toEqual([due.id]);
      expect(await s.records.listCandidates({ targets: [], from: at(3000), to: at(3600_000) })).toEqual([]);
      expect((await s.records.getMany([drc.id, minusma.id, 'nosuch', drc.id])).map((r) => r.id).sort()).toEqual(
        [drc.id, minusma.id].sort(),
      );
    },
  );

  it.skipIf(skip)(
    'defers a claimed occurrence untried: ready again at the given time, the attempt given back',
    async () => {
      const s = await store();
      const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
      await s.queue.addOccurrences([{ reminderId: r.id, key: 'k', dueAt: T0 }], T0);
      const [c1] = await s.queue.claimDue({ now: T0, owner: 'a', leaseMs: 60_000, limit: 1 });
      expect(await s.queue.defer([{ claim: c1!, at: at(1000) }])).toEqual(new Set([c1!.id]));
      expect(await s.queue.defer([{ claim: c1!, at: at(1000) }])).toEqual(new Set()); // the claim is gone
      expect(await s.queue.claimDue({ now: at(999), owner: 'a', leaseMs: 60_000, limit: 1 })).toEqual([]);
      const [c2] = await s.queue.claimDue({ now: at(1000), owner: 'b', leaseMs: 60_000, limit: 1 });
      expect(c2).toMatchObject({ attempts: 1, possibleRepeat: false, claimedBy: 'b', nextAttemptAt: at(1000) });
      // Several at once, each to its own time.
      await s.queue.addOccurrences(
        [
          { reminderId: r.id, key: 'k2', dueAt: T0 },
          { reminderId: r.id, key: 'k3', dueAt: T0 },
        ],
        T0,
      );
      expect(await s.queue.record(c2!, 'delivered', at(1000))).toBe(true);
      const [d1, d2] = await s.queue.claimDue({ now: at(1000), owner: 'a', leaseMs: 60_000, limit: 2 });
      expect(
        (
          await s.queue.defer([
            { claim: d1!, at: at(2000) },
            { claim: d2!, at: at(3000) },
          ])
        ).size,
      ).toBe(2);
      expect(
        (await s.queue.claimDue({ now: at(2000), owner: 'a', leaseMs: 60_000, limit: 5 })).map((c) => [
          c.key,
          c.nextAttemptAt,
        ]),
      ).toEqual([[d1!.key, at(2000)]]);
      expect(
        (await s.queue.claimDue({ now: at(3000), owner: 'a', leaseMs: 60_000, limit: 5 })).map((c) => [
          c.key,
          c.attempts,
        ]),
      ).toEqual([[d2!.key, 1]]);
    },
  );

  it.skipIf(skip)('removing a reminder removes its occurrences', async () => {
    const s = await store();
    const r = await s.records.addOneOff({ channel: slackChannel(), text: 'x', fireAt: T0, tz: 'UTC' }, T0);
    await s.queue.addOccurrences([{ reminderId: r.id, key: 'k', dueAt: T0 }], T0);
    await s.records.remove(r.id, 'slack:T1:C100');
    expect(await s.queue.listOccurrences(r.id)).toEqual([]);
    expect(await s.queue.claimDue({ now: T0, owner: 'a', leaseMs: 1, limit: 5 })).toEqual([]);
  });
});
