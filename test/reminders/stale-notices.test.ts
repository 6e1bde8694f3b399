// `remind stale` through the real parts: the reminder store on SQLite and the real PostgreSQL, the real scheduler
// on a manual clock, and the real Slack delivery to the Web API stand-in. One notice per row that expires with no
// renewal recorded, the morning after, naming it, its expiry, the data's as-of date and the import command; never
// twice, a restart included; none once a renewal is recorded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/dataset/schema.js';
import { Mission } from '../../src/dataset/schema.js';
import { createSlackDelivery } from '../../src/platforms/slack/slack-delivery.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import type { ReminderStore } from '../../src/reminders/reminder-store.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { manualClock } from '../support/manual-clock.js';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { makeDataset, memoryLogger } from './fixtures.js';

const channel = { platform: 'slack' as const, workspaceId: 'T0001ABCD', channelId: 'C0CURATORS' };
const CREATED = new Date('2026-12-01T12:00:00Z');

/** The fixture dataset with MONUSCO expiring on `monusco`, and a DRC sanctions regime expiring on `regime`. */
function dataset(monusco: string, regime: string): Dataset {
  const d = makeDataset({ monuscoExpires: monusco });
  const sanctions = Mission.parse({
    id: 'drc-sanctions',
    kind: 'sanctions-regime',
    acronym: '1533 DRC sanctions',
    name: 'Sanctions regime concerning the Democratic Republic of the Congo (1533)',
    country: 'democratic-republic-of-the-congo',
    status: 'active',
    mandates: [{ resolution: '2800 (2025)', adopted: '2025-06-27', expires: regime, source: 'un-sc-16260' }],
  });
  return { ...d, missions: new Map([...d.missions, [sanctions.id, sanctions]]) };
}

let slack: SlackStandIn;
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(() => slack.close());
const posts = () => slack.apiCalls.filter((c) => c.path === 'chat.postMessage');

describe.each(backends())('curator notices through the scheduler and Slack on $name', ({ make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
    slack.apiCalls.length = 0;
  });

  it.skipIf(skip)('posts one notice per row expired without renewal, never twice', { timeout: 30_000 }, async () => {
    backend = make();
    const store = createReminderStore(await backend.open());
    const clock = manualClock(CREATED);
    let data = dataset('2026-12-20', '2026-12-22');
    const scheduler = (s: ReminderStore) =>
      createScheduler({
        store: s,
        dataset: () => data,
        deliveries: { slack: createSlackDelivery({ apiUrl: slack.apiUrl, tokenFor: async () => 'xoxb-test' }) },
        clock,
        logger: memoryLogger().logger,
      });
    const added = await store.records.add({ kind: 'stale', channel, at: '08:30', tz: 'Europe/Paris' }, CREATED, {
      maxPerChannel: 50,
    });
    if (added.kind !== 'added') throw new Error('not added');
    const first = scheduler(store);

    // The day of the expiry: MONUSCO is still in force.
    clock.set(new Date('2026-12-20T12:00:00Z'));
    expect((await first.tick()).outcomes).toEqual([]);
    // The morning after, 08:30 in Paris: one notice.
    clock.set(new Date('2026-12-21T07:30:00Z'));
    expect((await first.tick()).outcomes).toEqual([
      { reminderId: added.reminder.id, key: 'stale:monusco@2026-12-20', outcome: 'delivered' },
    ]);
    expect(posts()).toHaveLength(1);
    const notice = posts()[0]!.body;
    expect(notice.text).toBe('MONUSCO expired on 20 December 2026 with no renewal recorded: import the press release');
    const blocks = JSON.stringify(notice.blocks);
    expect(blocks).toContain('MONUSCO: mandate expired on 20 December 2026, no renewal recorded');
    expect(blocks).toContain('Data as of');
    expect(blocks).toContain('19 December 2025'); // the source's date: the as-of of the data
    expect(blocks).toContain('npx caac data import &lt;release URL or file&gt;'); // escaped for Slack
    expect(blocks).toContain('Press release SC/16260');

    // Restarted the same morning, and the day after: nothing again for MONUSCO.
    const restarted = scheduler(createReminderStore(await backend.open()));
    clock.set(new Date('2026-12-21T09:00:00Z'));
    expect((await restarted.tick()).outcomes).toEqual([]);
    // The regime expired on the 22nd: its own notice, on the 23rd; MONUSCO still not again.
    clock.set(new Date('2026-12-23T07:30:00Z'));
    expect((await restarted.tick()).outcomes.map((o) => o.key)).toEqual(['stale:drc-sanctions@2026-12-22']);
    expect(String(posts()[1]!.body.text)).toMatch(/^1533 DRC sanctions expired on 22 December 2026/);
    expect(JSON.stringify(posts()[1]!.body.blocks)).toContain('measures expired');

    // A renewal imported for MONUSCO (to 2027), then it lapses again: a new expiry is a new notice.
    data = dataset('2027-12-20', '2026-12-22');
    clock.set(new Date('2027-12-21T07:30:00Z'));
    const later = scheduler(createReminderStore(await backend.open()));
    expect((await later.tick()).outcomes.map((o) => o.key)).toEqual(['stale:monusco@2027-12-20']);
    expect(posts()).toHaveLength(3);
    const stored = await store.queue.listOccurrences(added.reminder.id);
    expect(stored.map((o) => [o.key, o.outcome])).toEqual([
      ['stale:monusco@2026-12-20', 'delivered'],
      ['stale:drc-sanctions@2026-12-22', 'delivered'],
      ['stale:monusco@2027-12-20', 'delivered'],
    ]);
  });

  it.skipIf(skip)('posts nothing for a row renewed before its notice went out', { timeout: 30_000 }, async () => {
    backend = make();
    const store = createReminderStore(await backend.open());
    const clock = manualClock(CREATED);
    let data = dataset('2026-12-20', '2027-06-30');
    const scheduler = createScheduler({
      store,
      dataset: () => data,
      deliveries: { slack: createSlackDelivery({ apiUrl: slack.apiUrl, tokenFor: async () => 'xoxb-test' }) },
      clock,
      logger: memoryLogger().logger,
      // A long poll, so that the test claims the occurrence itself after the dataset changed.
      pollMs: 3_600_000,
    });
    const added = await store.records.add({ kind: 'stale', channel, at: '09:00', tz: 'UTC' }, CREATED, {
      maxPerChannel: 50,
    });
    if (added.kind !== 'added') throw new Error('not added');
    // Planned and stored by a poll, then a renewal is imported before it is delivered (a retry, a slow channel).
    clock.set(new Date('2026-12-21T09:00:00Z'));
    await store.queue.addOccurrences(
      [{ reminderId: added.reminder.id, key: 'stale:monusco@2026-12-20', dueAt: clock.now() }],
      clock.now(),
    );
    data = dataset('2027-12-20', '2027-06-30');
    expect((await scheduler.tick()).outcomes.map((o) => o.outcome)).toEqual(['skipped']);
    expect(posts()).toEqual([]);
    expect((await store.queue.listOccurrences(added.reminder.id))[0]).toMatchObject({
      outcome: 'skipped',
      lastError: 'no longer expired without renewal in the dataset',
    });
  });
});
