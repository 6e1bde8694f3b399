// The scheduler on a manual clock over a real SQLite store (and the real PostgreSQL for the replica test). The
// Delivery is a recorder standing in for Slack's or Teams' API.
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../support/manual-clock.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import type { ReminderStore } from '../../src/reminders/reminder-store.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import type { SchedulerDeps } from '../../src/reminders/scheduler.js';
import { schedulerSettings } from '../../src/reminders/scheduler-settings.js';
import { DATABASE_URL, postgresBackend, sqliteBackend } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import {
  GatedDelivery,
  HangingDelivery,
  RecordingDelivery,
  makeDataset,
  memoryLogger,
  slackChannel,
  until,
} from './fixtures.js';

const DRC = { kind: 'country' as const, id: 'democratic-republic-of-the-congo' };
const CREATED = new Date('2026-11-01T00:00:00Z');

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

async function setUp(over: Partial<SchedulerDeps> = {}, start = CREATED) {
  backend = sqliteBackend();
  const store = createReminderStore(await backend.open());
  const clock = manualClock(start);
  const delivery = new RecordingDelivery();
  const { logger, lines } = memoryLogger();
  let dataset: Dataset = makeDataset();
  const scheduler = createScheduler({
    store,
    dataset: () => dataset,
    deliveries: { slack: delivery },
    clock,
    logger,
    ...over,
  });
  return {
    store,
    clock,
    delivery,
    lines,
    scheduler,
    setDataset: (d: Dataset) => {
      dataset = d;
    },
    at: async (iso: string) => {
      clock.set(new Date(iso));
      return scheduler.tick();
    },
  };
}

const subscribe = (store: ReminderStore, over: { leadDays?: number[]; tz?: string; at?: string } = {}) =>
  store.records.addSubscription(
    {
      channel: slackChannel(),
      target: DRC,
      leadDays: over.leadDays ?? [30, 7, 1],
      at: over.at ?? '09:00',
      tz: over.tz ?? 'Europe/Paris',
    },
    CREATED,
  );

describe('scheduler', () => {
  it('posts each lead time once, at 09:00 in the reminder zone, with the days remaining', async () => {
    const t = await setUp();
    const r = await subscribe(t.store);
    expect((await t.at('2026-11-20T07:59:59Z')).claimed).toBe(0);
    const report = await t.at('2026-11-20T08:00:00Z');
    expect(report.outcomes).toEqual([
      { reminderId: r.id, key: 'monusco-mandate-expiry@2026-11-20T08:00:00.000Z#30d', outcome: 'delivered' },
    ]);
    expect(t.delivery.posts.map((p) => p.message.title)).toEqual([
      "⏰ MONUSCO's mandate expires in 30 days — 20 December 2026",
    ]);
    expect(t.delivery.posts[0]!.channel).toBe('slack:T1:C100');
    expect(t.delivery.posts[0]!.message.actions.map((a) => [a.kind, a.command])).toEqual([
      ['command', 'democratic-republic-of-the-congo'],
      ['forget', `forget ${r.id}`],
    ]);
    await t.at('2026-11-20T08:00:30Z'); // a second poll, a restart: nothing again
    await t.at('2026-12-13T08:00:00Z');
    await t.at('2026-12-19T08:00:10Z');
    expect(t.delivery.posts.map((p) => p.message.summary)).toEqual([
      "MONUSCO's mandate expires in 30 days — 20 December 2026",
      "MONUSCO's mandate expires in 7 days — 20 December 2026",
      "MONUSCO's mandate expires tomorrow — 20 December 2026",
    ]);
    expect((await t.store.queue.listOccurrences(r.id)).map((o) => o.outcome)).toEqual([
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  it('follows the end of summer time: 09:00 Paris is 07:00 UTC before 25 October 2026 and 08:00 UTC after', async () => {
    const t = await setUp({}, new Date('2026-10-01T00:00:00Z'));
    t.setDataset(
      makeDataset({
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
      }),
    );
    await t.store.records.addSubscription(
      {
        channel: slackChannel(),
        target: { kind: 'country', id: 'mali' },
        leadDays: [2, 0],
        at: '09:00',
        tz: 'Europe/Paris',
      },
      new Date('2026-10-01T00:00:00Z'),
    );
    await t.at('2026-10-24T06:59:00Z');
    await t.at('2026-10-24T07:00:00Z');
    await t.at('2026-10-26T07:00:00Z'); // 08:00 Paris on the day: not yet
    expect(t.delivery.posts.map((p) => p.message.title)).toEqual(['⏰ Mali consultations in 2 days — 26 October 2026']);
    await t.at('2026-10-26T08:00:00Z');
    expect(t.delivery.posts.map((p) => p.message.title)[1]).toBe('⏰ Mali consultations today — 26 October 2026');
  });

  it('follows a date moved in the data, and stops for an event removed from it', async () => {
    const t = await setUp();
    const r = await subscribe(t.store, { leadDays: [7] });
    t.setDataset(makeDataset({ monuscoExpires: '2026-12-31' }));
    await t.at('2026-12-13T08:00:00Z'); // the old 7-day point
    expect(t.delivery.posts).toEqual([]);
    await t.at('2026-12-24T08:00:00Z');
    expect(t.delivery.posts.map((p) => p.message.title)).toEqual([
      "⏰ MONUSCO's mandate expires in 7 days — 31 December 2026",
    ]);
    t.setDataset(makeDataset({ monuscoExpires: undefined }));
    await t.store.records.addSubscription(
      { channel: slackChannel('C2'), target: DRC, leadDays: [1], at: '09:00', tz: 'UTC' },
      CREATED,
    );
    await t.at('2026-12-30T09:00:00Z');
    expect(t.delivery.posts).toHaveLength(1);
    expect((await t.store.queue.listOccurrences(r.id)).map((o) => o.key)).toEqual([
      'monusco-mandate-expiry@2026-12-24T08:00:00.000Z#7d',
    ]);
  });

  it('skips an occurrence whose event moved between planning and posting', async () => {
    const t = await setUp();
    const r = await subscribe(t.store, { leadDays: [7] });
    t.delivery.script = [{ kind: 'retry', afterMs: 60_000, reason: '503' }];
    await t.at('2026-12-13T08:00:00Z');
    t.setDataset(makeDataset({ monuscoExpires: '2027-01-31' }));
    await t.at('2026-12-13T08:01:00Z');
    expect(t.delivery.posts).toEqual([]);
    expect(await t.store.queue.listOccurrences(r.id)).toMatchObject([
      { outcome: 'skipped', lastError: 'event date changed in the dataset' },
    ]);
  });

  it('after downtime: posts within the grace window marked late, records older ones as skipped', async () => {
    const t = await setUp();
    const r = await subscribe(t.store);
    await t.at('2026-11-20T08:00:00Z');
    // Down from then until 19 December 20:00 UTC: the 7-day point is 6.5 days old, the 1-day point 12 hours.
    const report = await t.at('2026-12-19T20:00:00Z');
    expect(report.skipped).toBe(1);
    // The late one says so, and how late, in the reminder's zone (09:00 Paris due, 21:00 Paris sent).
    expect(t.delivery.posts.map((p) => p.message.summary)).toEqual([
      "MONUSCO's mandate expires in 30 days — 20 December 2026",
      "late: due 09:00, sent 21:00 · MONUSCO's mandate expires tomorrow — 20 December 2026",
    ]);
    expect(t.delivery.posts.map((p) => p.message.notice)).toEqual([undefined, 'late: due 09:00, sent 21:00']);
    expect((await t.store.queue.listOccurrences(r.id)).map((o) => [o.leadDays, o.outcome])).toEqual([
      [30, 'delivered'],
      [7, 'skipped'],
      [1, 'late'],
    ]);
    expect(
      t.lines.some(
        (l) => l.msg === 'reminder occurrence skipped: missed by more than the grace window' && l.reminderId === r.id,
      ),
    ).toBe(true);
  });

  it('waits for Retry-After on a 429, then posts once', async () => {
    const t = await setUp();
    const once = await t.store.records.addOneOff(
      { channel: slackChannel(), text: 'Mali consultations', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    t.delivery.script = [{ kind: 'retry', afterMs: 30_000, reason: 'ratelimited' }];
    expect((await t.at('2026-11-02T09:00:00Z')).outcomes.map((o) => o.outcome)).toEqual(['retry']);
    expect((await t.at('2026-11-02T09:00:29Z')).claimed).toBe(0);
    expect((await t.at('2026-11-02T09:00:30Z')).outcomes.map((o) => o.outcome)).toEqual(['delivered']);
    expect(t.delivery.posts.map((p) => p.message.title)).toEqual(['⏰ Mali consultations']);
    expect(await t.store.queue.listOccurrences(once.id)).toMatchObject([{ outcome: 'delivered', attempts: 2 }]);
  });

  it('backs off on other transient errors and gives up after the bounded attempts', async () => {
    const t = await setUp({ maxAttempts: 3, backoffBaseMs: 10_000 });
    const once = await t.store.records.addOneOff(
      { channel: slackChannel(), text: 'x', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    t.delivery.script = Array.from({ length: 5 }, () => ({ kind: 'retry' as const, reason: 'HTTP 503' }));
    await t.at('2026-11-02T09:00:00Z');
    expect((await t.at('2026-11-02T09:00:09Z')).claimed).toBe(0);
    await t.at('2026-11-02T09:00:10Z'); // attempt 2, next wait 20 s
    expect((await t.at('2026-11-02T09:00:29Z')).claimed).toBe(0);
    expect((await t.at('2026-11-02T09:00:30Z')).outcomes.map((o) => o.outcome)).toEqual(['failed']);
    expect(await t.store.queue.listOccurrences(once.id)).toMatchObject([
      { outcome: 'failed', attempts: 3, lastError: 'HTTP 503' },
    ]);
    expect((await t.store.records.get(once.id))?.disabled).toBeUndefined();
  });

  it('disables the reminder on a permanent error and logs it', async () => {
    const t = await setUp();
    const r = await subscribe(t.store);
    t.delivery.script = [{ kind: 'permanent', reason: 'channel_not_found' }];
    await t.at('2026-11-20T08:00:00Z');
    expect(await t.store.records.get(r.id)).toMatchObject({ disabled: { reason: 'channel_not_found' } });
    expect(t.lines.find((l) => l.msg === 'reminder disabled: the channel cannot be posted to')).toMatchObject({
      level: 50,
      reason: 'channel_not_found',
      reminderId: r.id,
    });
    await t.at('2026-12-13T08:00:00Z');
    expect(t.delivery.posts).toEqual([]);
    expect((await t.store.queue.listOccurrences(r.id)).map((o) => o.outcome)).toEqual(['failed']);
  });

  it('posts again, as a possible repeat, an occurrence claimed by a process that died before recording', async () => {
    const t = await setUp({ leaseMs: 120_000 });
    const once = await t.store.records.addOneOff(
      { channel: slackChannel(), text: 'x', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    // The dead process: planned and claimed, then killed before its post was recorded.
    await t.store.queue.addOccurrences(
      [{ reminderId: once.id, key: 'once@2026-11-02T09:00:00.000Z', dueAt: new Date('2026-11-02T09:00:00Z') }],
      CREATED,
    );
    await t.store.queue.claimDue({ now: new Date('2026-11-02T09:00:00Z'), owner: 'dead', leaseMs: 120_000, limit: 10 });
    expect((await t.at('2026-11-02T09:01:59Z')).claimed).toBe(0); // its lease still holds
    expect((await t.at('2026-11-02T09:02:01Z')).outcomes.map((o) => o.outcome)).toEqual(['possible-repeat']);
    expect(t.delivery.posts).toHaveLength(1);
    // The channel reads it too, not only the logs.
    expect(t.delivery.posts[0]!.message.notice).toBe('possible repeat: the service restarted while sending this');
    expect(t.delivery.posts[0]!.message.summary).toMatch(
      /^possible repeat: the service restarted while sending this · /,
    );
    expect(t.lines.find((l) => String(l.msg).includes('possible repeat'))).toMatchObject({
      level: 40,
      reminderId: once.id,
    });
    await t.at('2026-11-02T09:10:00Z');
    expect(t.delivery.posts).toHaveLength(1);
  });

  it('stop() lets the post in flight finish and releases the claims not yet attempted', async () => {
    const t = await setUp();
    const a = await t.store.records.addOneOff(
      { channel: slackChannel('C1'), text: 'a', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    const b = await t.store.records.addOneOff(
      { channel: slackChannel('C2'), text: 'b', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    let stopped: Promise<void> | undefined;
    t.delivery.during = () => {
      stopped ??= t.scheduler.stop();
    };
    t.clock.set(new Date('2026-11-02T09:00:00Z'));
    const report = await t.scheduler.tick();
    await stopped;
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['delivered', 'released']);
    const left = [...(await t.store.queue.listOccurrences(a.id)), ...(await t.store.queue.listOccurrences(b.id))].find(
      (o) => o.status !== 'done',
    );
    expect(left).toMatchObject({ status: 'pending', attempts: 0 });
    expect(t.lines.some((l) => l.msg === 'scheduler stopping: claims released')).toBe(true);
  });

  it('claims again at once when a batch was full, rather than a poll later', async () => {
    const t = await setUp({ batchSize: 2 });
    for (let i = 0; i < 5; i++)
      await t.store.records.addOneOff(
        { channel: slackChannel(`C${i}`), text: `r${i}`, fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
        CREATED,
      );
    const report = await t.at('2026-11-02T09:00:00Z');
    expect(report.claimed).toBe(5);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(Array(5).fill('delivered'));
    expect(t.delivery.posts.map((p) => p.message.title).sort()).toEqual(['⏰ r0', '⏰ r1', '⏰ r2', '⏰ r3', '⏰ r4']);
  });

  it('spaces posts to one channel a second apart: the others wait untried for their turn, in order', async () => {
    const t = await setUp();
    const fireAt = new Date('2026-11-02T09:00:00Z');
    const busy = [];
    for (let i = 0; i < 3; i++)
      busy.push(
        await t.store.records.addOneOff({ channel: slackChannel('C1'), text: `c1-${i}`, fireAt, tz: 'UTC' }, CREATED),
      );
    await t.store.records.addOneOff({ channel: slackChannel('C2'), text: 'c2', fireAt, tz: 'UTC' }, CREATED);
    const first = await t.at('2026-11-02T09:00:00Z');
    expect(first.claimed).toBe(4);
    expect(first.outcomes.map((o) => o.outcome).sort()).toEqual(['deferred', 'deferred', 'delivered', 'delivered']);
    expect(t.delivery.posts.map((p) => p.channel).sort()).toEqual(['slack:T1:C1', 'slack:T1:C2']);
    const waiting = (await Promise.all(busy.map((r) => t.store.queue.listOccurrences(r.id))))
      .flat()
      .filter((o) => o.status === 'pending');
    expect(waiting.map((o) => [o.attempts, o.nextAttemptAt.toISOString()]).sort()).toEqual([
      [0, '2026-11-02T09:00:01.000Z'],
      [0, '2026-11-02T09:00:02.000Z'],
    ]);
    expect((await t.at('2026-11-02T09:00:00.999Z')).claimed).toBe(0);
    expect((await t.at('2026-11-02T09:00:01Z')).outcomes.map((o) => o.outcome)).toEqual(['delivered']);
    expect((await t.at('2026-11-02T09:00:02Z')).outcomes.map((o) => o.outcome)).toEqual(['delivered']);
    expect(t.delivery.posts.filter((p) => p.channel === 'slack:T1:C1')).toHaveLength(3);
    const done = (await Promise.all(busy.map((r) => t.store.queue.listOccurrences(r.id)))).flat();
    expect(done.map((o) => [o.outcome, o.attempts])).toEqual(Array(3).fill(['delivered', 1]));
  });

  it('waits as long as a 429 asked before the next post to that channel', async () => {
    const t = await setUp();
    const fireAt = new Date('2026-11-02T09:00:00Z');
    const a = await t.store.records.addOneOff({ channel: slackChannel('C1'), text: 'a', fireAt, tz: 'UTC' }, CREATED);
    const b = await t.store.records.addOneOff({ channel: slackChannel('C1'), text: 'b', fireAt, tz: 'UTC' }, CREATED);
    t.delivery.script = [{ kind: 'retry', afterMs: 5000, reason: 'rate limited by Slack (429)' }];
    expect((await t.at('2026-11-02T09:00:00Z')).outcomes.map((o) => o.outcome).sort()).toEqual(['deferred', 'retry']);
    // The deferred one had its slot a second on; the 429 holds the channel for 5 s, so it waits again, untried.
    expect((await t.at('2026-11-02T09:00:01Z')).outcomes.map((o) => o.outcome)).toEqual(['deferred']);
    expect((await t.at('2026-11-02T09:00:04.999Z')).claimed).toBe(0);
    // Both ready again at 5 s: one posts, the other takes the next second.
    expect((await t.at('2026-11-02T09:00:05Z')).outcomes.map((o) => o.outcome).sort()).toEqual([
      'deferred',
      'delivered',
    ]);
    expect((await t.at('2026-11-02T09:00:06Z')).outcomes.map((o) => o.outcome)).toEqual(['delivered']);
    const all = [...(await t.store.queue.listOccurrences(a.id)), ...(await t.store.queue.listOccurrences(b.id))];
    expect(all.map((o) => o.attempts).sort()).toEqual([1, 2]); // the 429 was an attempt, the waits were not
  });

  it('posts to different channels at once, never two at once to one channel', async () => {
    const fireAt = new Date('2026-11-02T09:00:00Z');
    const gate = new GatedDelivery(3);
    const t = await setUp();
    const scheduler = createScheduler({
      store: t.store,
      dataset: () => makeDataset(),
      deliveries: { slack: gate },
      clock: t.clock,
      logger: memoryLogger().logger,
      concurrency: 3,
    });
    for (let i = 0; i < 6; i++)
      await t.store.records.addOneOff(
        { channel: slackChannel(`C${i % 3}`), text: `r${i}`, fireAt, tz: 'UTC' },
        CREATED,
      );
    t.clock.set(fireAt);
    const report = await scheduler.tick();
    expect(report.outcomes.map((o) => o.outcome).sort()).toEqual([
      ...Array(3).fill('deferred'),
      ...Array(3).fill('delivered'),
    ]); // one per channel now
    expect(gate.maxInFlight).toBe(3); // the pool's size, reached: posts overlapped
    expect(gate.maxInFlightPerChannel).toBe(1);
  });

  it('start() polls on its own and stop() ends it', async () => {
    const t = await setUp({ pollMs: 20 }, new Date('2026-11-02T09:00:00Z'));
    await t.store.records.addOneOff(
      { channel: slackChannel(), text: 'tick', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    t.scheduler.start();
    for (let i = 0; i < 100 && t.delivery.posts.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await t.scheduler.stop();
    expect(t.delivery.posts.map((p) => p.message.title)).toEqual(['⏰ tick']);
  });
});

describe('scheduler and a hung post', () => {
  it('gives a hung post up before its lease ends, keeps other channels on time, and retries it as a possible repeat', async () => {
    const due = new Date('2026-11-02T09:00:00Z');
    const t = await setUp({}, due);
    const hung = new HangingDelivery(t.delivery, 'slack:T1:C1');
    const scheduler = createScheduler({
      store: t.store,
      dataset: () => makeDataset(),
      deliveries: { slack: hung },
      clock: t.clock,
      logger: memoryLogger().logger,
      pollMs: 20,
      leaseMs: 30_000,
      deliveryTimeoutMs: 1_500,
      backoffBaseMs: 1_000,
    });
    const slow = await t.store.records.addOneOff(
      { channel: slackChannel('C1'), text: 'slow', fireAt: due, tz: 'UTC' },
      CREATED,
    );
    const later = new Date(due.getTime() + 10_000);
    await t.store.records.addOneOff({ channel: slackChannel('C2'), text: 'other', fireAt: later, tz: 'UTC' }, CREATED);
    scheduler.start();
    try {
      await until(() => hung.started === 1, 'the post to C1 to start');
      // C2 falls due while C1's post hangs: it goes out at once, not after C1.
      const started = Date.now();
      t.clock.set(later);
      await until(() => t.delivery.posts.some((p) => p.channel === 'slack:T1:C2'), 'the post to C2');
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(hung.started).toBe(1);
      // C1's post is given up at its deadline, the claim still held: put back, as a possible repeat.
      await until(
        async () => (await t.store.queue.listOccurrences(slow.id))[0]?.status === 'pending',
        'C1 given up',
        6_000,
      );
      expect(await t.store.queue.listOccurrences(slow.id)).toMatchObject([
        { possibleRepeat: true, lastError: 'no answer before the delivery deadline' },
      ]);
      // Its retry (the platform answers this time) says it may be a repeat.
      hung.hangs = false;
      t.clock.set(new Date(later.getTime() + 5_000));
      await until(() => t.delivery.posts.some((p) => p.channel === 'slack:T1:C1'), 'the retry to C1');
      expect(t.delivery.posts.find((p) => p.channel === 'slack:T1:C1')!.message.notice).toBe(
        'possible repeat: the first attempt to send this got no answer in time',
      );
    } finally {
      hung.release();
      await scheduler.stop();
    }
    expect((await t.store.queue.listOccurrences(slow.id)).map((o) => o.outcome)).toEqual(['possible-repeat']);
  }, 20_000);

  it('holds a post to half the lease at most', () => {
    const settings = schedulerSettings({ leaseMs: 4_000, deliveryTimeoutMs: 60_000 } as SchedulerDeps);
    expect(settings.deliveryTimeoutMs).toBe(2_000);
    expect(schedulerSettings({} as SchedulerDeps)).toMatchObject({ leaseMs: 120_000, deliveryTimeoutMs: 30_000 });
  });

  it('never posts an occurrence whose claim was lost while it waited', async () => {
    const due = new Date('2026-11-02T09:00:00Z');
    const t = await setUp({ leaseMs: 60_000 }, due);
    const once = await t.store.records.addOneOff(
      { channel: slackChannel(), text: 'x', fireAt: due, tz: 'UTC' },
      CREATED,
    );
    await t.store.queue.addOccurrences(
      [{ reminderId: once.id, key: `once@${due.toISOString()}`, dueAt: due }],
      CREATED,
    );
    const [mine] = await t.store.queue.claimDue({ now: due, owner: 'slow', leaseMs: 60_000, limit: 1 });
    // Its lease ran out while it waited; another replica took it.
    const later = new Date(due.getTime() + 61_000);
    const [theirs] = await t.store.queue.claimDue({ now: later, owner: 'other', leaseMs: 60_000, limit: 1 });
    expect(theirs?.id).toBe(mine!.id);
    expect(await t.store.queue.renew(mine!, new Date(later.getTime() + 60_000))).toBe(false);
    expect(await t.store.queue.renew(theirs!, new Date(later.getTime() + 60_000))).toBe(true);
  });
});

describe('scheduler logs', () => {
  it('name their component once: the caller child logger says "scheduler", the scheduler adds only its owner', async () => {
    backend = sqliteBackend();
    const store = createReminderStore(await backend.open());
    const raw: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void raw.push(line) });
    const scheduler = createScheduler({
      store,
      dataset: () => makeDataset(),
      deliveries: { slack: new RecordingDelivery() },
      clock: manualClock(new Date('2026-11-02T09:00:00Z')),
      logger: logger.child({ component: 'scheduler' }),
      owner: 'replica-log',
    });
    await store.records.addOneOff(
      { channel: slackChannel(), text: 'logged', fireAt: new Date('2026-11-02T09:00:00Z'), tz: 'UTC' },
      CREATED,
    );
    await scheduler.tick();
    const posted = raw.filter((l) => l.includes('"reminder posted"'));
    expect(posted).toHaveLength(1);
    for (const line of raw) expect(line.match(/"component":/g), line).toHaveLength(1);
    expect(JSON.parse(posted[0]!)).toMatchObject({ component: 'scheduler', owner: 'replica-log' });
  });
});

describe.skipIf(DATABASE_URL === undefined)('two schedulers on one PostgreSQL', () => {
  it('deliver a batch of reminders exactly once each', async () => {
    backend = postgresBackend(DATABASE_URL!);
    const storeA = createReminderStore(await backend.open());
    const storeB = createReminderStore(await backend.open());
    const due = new Date('2026-11-02T09:00:00Z');
    const ids = [];
    for (let i = 0; i < 24; i++)
      ids.push(
        (
          await storeA.records.addOneOff(
            { channel: slackChannel(`C${i}`), text: `r${i}`, fireAt: due, tz: 'UTC' },
            CREATED,
          )
        ).id,
      );
    const clock = manualClock(due);
    const delivery = new RecordingDelivery();
    delivery.delayMs = 3;
    const { logger } = memoryLogger();
    const dataset = makeDataset();
    const make = (store: ReminderStore, owner: string) =>
      createScheduler({
        store,
        dataset: () => dataset,
        deliveries: { slack: delivery },
        clock,
        logger,
        batchSize: 4,
        owner,
      });
    const a = make(storeA, 'replica-a');
    const b = make(storeB, 'replica-b');
    const reports = [];
    for (let round = 0; round < 5; round++)
      reports.push(...(await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])));
    expect(delivery.posts.map((p) => p.message.title).sort()).toEqual(ids.map((_, i) => `⏰ r${i}`).sort());
    // Overlapping tick() calls on one scheduler share one poll: count each poll's report once.
    const claimed = [...new Set(reports)].reduce((n, r) => n + r.claimed, 0);
    expect(claimed).toBe(24);
    const owners = new Set<string>();
    for (const id of ids) {
      const [o, ...more] = await storeB.queue.listOccurrences(id);
      expect(more).toEqual([]);
      expect(o).toMatchObject({ outcome: 'delivered', attempts: 1, possibleRepeat: false });
      owners.add(o!.claimedBy!);
    }
    expect([...owners].sort()).toEqual(['replica-a', 'replica-b']); // the work was shared
  });
});
