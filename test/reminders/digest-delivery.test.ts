// The weekly digest through the real parts: the reminder store on SQLite and on the real PostgreSQL, the real
// scheduler on a manual clock, and the real Slack delivery posting to the Web API stand-in. Each week's digest goes
// out once (a second scheduler on the same database, as after a restart, posts nothing more), a week with nothing
// to say is skipped unless the digest asked for `always`, and downtime makes it late or skipped like every reminder.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channelKey } from '../../src/core/ports.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { createSlackDelivery } from '../../src/platforms/slack/slack-delivery.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import type { DigestReminder, NewDigest } from '../../src/reminders/reminder.js';
import type { ReminderStore } from '../../src/reminders/reminder-store.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { createChannelLanguageStore } from '../../src/storage/channel-languages.js';
import type { Storage } from '../../src/storage/open-database.js';
import { manualClock } from '../support/manual-clock.js';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { makeDataset, memoryLogger } from './fixtures.js';

const channel = { platform: 'slack' as const, workspaceId: 'T0001ABCD', channelId: 'C0123MALI' };
const CREATED = new Date('2026-11-28T12:00:00Z'); // a Saturday

let slack: SlackStandIn;
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(() => slack.close());

const posts = () => slack.apiCalls.filter((c) => c.path === 'chat.postMessage');

describe.each(backends())('the weekly digest through the scheduler and Slack on $name', ({ make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
    slack.apiCalls.length = 0;
  });

  /** A store, a scheduler over it, and what a test moves: the clock and the dataset. */
  async function setUp() {
    backend ??= make();
    const storage = await backend.open();
    const store = createReminderStore(storage);
    const clock = manualClock(CREATED);
    let dataset: Dataset = makeDataset(); // MONUSCO's mandate expires on 20 December 2026
    const scheduler = (s: ReminderStore, st: Storage) =>
      createScheduler({
        store: s,
        dataset: () => dataset,
        deliveries: { slack: createSlackDelivery({ apiUrl: slack.apiUrl, tokenFor: async () => 'xoxb-test' }) },
        clock,
        logger: memoryLogger().logger,
        languages: createChannelLanguageStore(st.db, () => clock.now()),
      });
    return {
      store,
      storage,
      clock,
      first: scheduler(store, storage),
      /** A second scheduler on its own connection to the same database: the service after a restart. */
      restarted: async () => {
        const again = await backend!.open();
        return scheduler(createReminderStore(again), again);
      },
      setDataset: (d: Dataset) => {
        dataset = d;
      },
    };
  }

  async function addDigest(store: ReminderStore, over: Partial<NewDigest> = {}): Promise<DigestReminder> {
    const settings: NewDigest = {
      channel,
      weekday: 1,
      at: '09:00',
      tz: 'Europe/Paris',
      withinDays: 30,
      countries: [],
      always: false,
      ...over,
    };
    const added = await store.records.add({ kind: 'digest', ...settings }, CREATED, { maxPerChannel: 50 });
    if (added.kind !== 'added' || added.reminder.kind !== 'digest') throw new Error('digest not added');
    return added.reminder;
  }

  it.skipIf(skip)('posts each week’s digest once, even across a restart', { timeout: 30_000 }, async () => {
    const t = await setUp();
    const digest = await addDigest(t.store);
    t.clock.set(new Date('2026-11-30T07:59:00Z'));
    expect((await t.first.tick()).outcomes).toEqual([]);
    t.clock.set(new Date('2026-11-30T08:00:00Z')); // Monday 09:00 in Paris
    const report = await t.first.tick();
    expect(report.outcomes).toEqual([
      { reminderId: digest.id, key: 'digest@2026-11-30T08:00:00.000Z', outcome: 'delivered' },
    ]);
    expect(posts()).toHaveLength(1);
    const body = posts()[0]!.body;
    expect(body).toMatchObject({ channel: 'C0123MALI', text: 'Weekly digest: 1 date in the next 30 days' });
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('Weekly digest: the next 30 days');
    expect(blocks).toContain('20 December 2026');
    expect(blocks).toContain('20 days left');
    expect(blocks).toContain('Press release SC/16260'); // its source
    expect(blocks).toContain(`forget ${digest.id}`);

    // The same minute again, then the service restarted on the same database: nothing more that week.
    expect((await t.first.tick()).outcomes).toEqual([]);
    t.clock.set(new Date('2026-11-30T10:00:00Z'));
    const restarted = await t.restarted();
    expect((await restarted.tick()).outcomes).toEqual([]);
    expect(posts()).toHaveLength(1);

    // The next Monday, the next digest: 13 days left.
    t.clock.set(new Date('2026-12-07T08:00:05Z'));
    expect((await restarted.tick()).outcomes.map((o) => o.outcome)).toEqual(['delivered']);
    expect(posts()).toHaveLength(2);
    expect(JSON.stringify(posts()[1]!.body.blocks)).toContain('13 days left');
    const stored = await t.store.queue.listOccurrences(digest.id);
    expect(stored.map((o) => [o.key, o.outcome])).toEqual([
      ['digest@2026-11-30T08:00:00.000Z', 'delivered'],
      ['digest@2026-12-07T08:00:00.000Z', 'delivered'],
    ]);
  });

  it.skipIf(skip)('skips a week with nothing to say, unless asked to post it always', { timeout: 30_000 }, async () => {
    const t = await setUp();
    t.setDataset(makeDataset({ monuscoExpires: '2027-06-30' })); // nothing within 30 days, nothing expired
    const quiet = await addDigest(t.store);
    const loud = await addDigest(t.store, { channel: { ...channel, channelId: 'C0ALWAYS' }, always: true });
    t.clock.set(new Date('2026-11-30T08:00:00Z'));
    const report = await t.first.tick();
    expect(Object.fromEntries(report.outcomes.map((o) => [o.reminderId, o.outcome]))).toEqual({
      [quiet.id]: 'skipped',
      [loud.id]: 'delivered',
    });
    expect(posts().map((p) => p.body.channel)).toEqual(['C0ALWAYS']);
    expect(posts()[0]!.body.text).toBe('Weekly digest: nothing falls due in the next 30 days');
    expect((await t.store.queue.listOccurrences(quiet.id))[0]).toMatchObject({
      outcome: 'skipped',
      lastError: 'nothing to say this week',
    });
  });

  it.skipIf(skip)('is late after a short downtime and skipped after a long one', { timeout: 30_000 }, async () => {
    const t = await setUp();
    const digest = await addDigest(t.store);
    // Down over Monday 30 November; back at 11:30 Paris time: posted, marked late.
    t.clock.set(new Date('2026-11-30T10:30:00Z'));
    expect((await t.first.tick()).outcomes.map((o) => o.outcome)).toEqual(['late']);
    const late = posts()[0]!.body;
    expect(String(late.text)).toMatch(/^late: due 09:00, sent 11:30 after a restart · Weekly digest/);
    // Down from then until Tuesday 8 December, past the 24-hour grace of Monday the 7th: skipped, not posted.
    t.clock.set(new Date('2026-12-08T09:00:00Z'));
    const restarted = await t.restarted();
    expect((await restarted.tick()).outcomes).toEqual([]);
    expect(posts()).toHaveLength(1);
    const stored = await t.store.queue.listOccurrences(digest.id);
    expect(stored.map((o) => [o.key, o.outcome])).toEqual([
      ['digest@2026-11-30T08:00:00.000Z', 'late'],
      ['digest@2026-12-07T08:00:00.000Z', 'skipped'],
    ]);
  });

  it.skipIf(skip)('is written in the channel’s language', { timeout: 30_000 }, async () => {
    const t = await setUp();
    await addDigest(t.store, { countries: ['democratic-republic-of-the-congo'] });
    await createChannelLanguageStore(t.storage.db, () => t.clock.now()).set(channelKey(channel), 'fr');
    t.clock.set(new Date('2026-11-30T08:00:00Z'));
    expect((await t.first.tick()).outcomes.map((o) => o.outcome)).toEqual(['delivered']);
    const body = posts()[0]!.body;
    expect(body.text).toBe('Digest hebdomadaire\u00a0: 1 échéance dans les 30 prochains jours');
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain('Digest hebdomadaire');
    expect(blocks).toContain('20 décembre 2026');
    expect(blocks).toContain('Arrêter ce digest');
    expect(blocks).not.toContain('Weekly digest');
  });
});
