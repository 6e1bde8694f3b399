// `remind` under concurrency, on SQLite and the real PostgreSQL (issue 17, item 3): five identical `remind` at once
// make one subscription (the others answer "already reminded" with its id), and 25 one-offs at once cannot take a
// channel past the cap of 50. Each request goes through its own store handle, as requests on two replicas would;
// the delivery's canPost answers after a pause, so every request has checked the list before any has added.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { Delivery } from '../../src/core/delivery.js';
import type { RequestContext } from '../../src/core/ports.js';
import { createReminderCommands } from '../../src/reminders/create-reminder-commands.js';
import { MAX_REMINDERS_PER_CHANNEL } from '../../src/reminders/reminder-commands-deps.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { RecordingDelivery, makeDataset, slackChannel } from './fixtures.js';

const NOW = new Date('2026-11-01T10:00:00Z');
const ctx: RequestContext = { platform: 'slack', channel: slackChannel('C0RACE'), userId: 'U1' };

/** canPost answers only once `n` requests have asked: all of them read the channel's list before any adds. */
class SlowCanPost extends RecordingDelivery implements Delivery {
  private waiting: Array<() => void> = [];
  constructor(private readonly n: number) {
    super();
  }
  override async canPost(): Promise<Awaited<ReturnType<Delivery['canPost']>>> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      if (this.waiting.length >= this.n) for (const w of this.waiting.splice(0)) w();
      else setTimeout(resolve, 2_000).unref();
    });
    return { ok: true };
  }
}

describe.each(backends())('remind under concurrency on $name', ({ make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
  });

  async function commandsFor(n: number, delivery: Delivery) {
    backend ??= make();
    const stores = await Promise.all(Array.from({ length: n }, async () => createReminderStore(await backend!.open())));
    const commands = stores.map((store) =>
      createReminderCommands({
        records: store.records,
        dataset: () => makeDataset(),
        clock: fixedClock(NOW),
        deliveries: { slack: delivery },
        defaultTz: 'Europe/Paris',
      }),
    );
    return { stores, commands };
  }

  it.skipIf(skip)('five identical remind at once make one subscription; the others name it', async () => {
    const { stores, commands } = await commandsFor(5, new SlowCanPost(5));
    const answers = await Promise.all(
      commands.map((c) => c.handle({ kind: 'remind', target: 'DRC', leadDays: [30, 7, 1], at: '09:00' }, ctx)),
    );
    const stored = await stores[0]!.records.listByChannel('slack:T1:C0RACE');
    expect(stored).toHaveLength(1);
    const id = stored[0]!.id;
    const set = answers.filter((a) => a.title.startsWith('Reminders set for'));
    const already = answers.filter(
      (a) => a.title === 'This channel is already reminded about Democratic Republic of the Congo',
    );
    expect(set).toHaveLength(1);
    expect(already).toHaveLength(4);
    for (const a of already)
      expect(a.sections[0]!.items[0]!.text).toBe(`Reminder ${id}: 30d, 7d, 1d at 09:00 Europe/Paris.`);
  });

  it.skipIf(skip)('25 one-offs at once cannot take a channel past the cap', async () => {
    const { stores, commands } = await commandsFor(5, new SlowCanPost(25));
    const already = MAX_REMINDERS_PER_CHANNEL - 10;
    for (let i = 0; i < already; i++)
      await stores[0]!.records.addOneOff(
        { channel: slackChannel('C0RACE'), text: `old ${i}`, fireAt: new Date('2026-12-01T09:00:00Z'), tz: 'UTC' },
        NOW,
      );
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        commands[i % commands.length]!.handle(
          { kind: 'remind-once', text: `new ${i}`, at: '2026-12-03T09:30:00+01:00' },
          ctx,
        ),
      ),
    );
    expect(answers.filter((a) => a.outcome === 'answered')).toHaveLength(10);
    expect(answers.filter((a) => a.title === 'This channel has too many reminders')).toHaveLength(15);
    expect(await stores[0]!.records.listByChannel('slack:T1:C0RACE')).toHaveLength(MAX_REMINDERS_PER_CHANNEL);
  });

  it.skipIf(skip)('a different schedule for the same target is refused with how to change it', async () => {
    const { stores, commands } = await commandsFor(1, new RecordingDelivery());
    await commands[0]!.handle({ kind: 'remind', target: 'DRC', leadDays: [30, 7, 1], at: '09:00' }, ctx);
    const other = await commands[0]!.handle({ kind: 'remind', target: 'drc', leadDays: [14], at: '08:30' }, ctx);
    const [r] = await stores[0]!.records.listByChannel('slack:T1:C0RACE');
    expect(other.sections[0]!.items.map((i) => i.text)).toEqual([
      `Reminder ${r!.id}: 30d, 7d, 1d at 09:00 Europe/Paris.`,
      `One reminder per country or mission here. To change its schedule: forget ${r!.id}, then remind again.`,
    ]);
    // Once disabled (the channel was gone), the target is free again.
    await stores[0]!.records.disable(r!.id, 'channel_not_found', NOW);
    const again = await commands[0]!.handle({ kind: 'remind', target: 'drc', leadDays: [14], at: '08:30' }, ctx);
    expect(again.title).toBe('Reminders set for Democratic Republic of the Congo in this channel');
  });

  it.skipIf(skip)('refuses a one-off more than five years ahead, in the year 9999 too', async () => {
    const { commands } = await commandsFor(1, new RecordingDelivery());
    for (const at of ['9999-12-31T09:00:00Z', '2031-11-02T10:00:00Z']) {
      const a = await commands[0]!.handle({ kind: 'remind-once', text: 'far', at }, ctx);
      expect(a.outcome, at).toBe('usage');
      expect(a.title).toBe('That date is too far ahead');
      expect(a.sections[0]!.items[0]!.text).toBe('Reminders can be set up to 5 years ahead, until 1 November 2031.');
    }
    const fr = await commands[0]!.handle(
      { kind: 'remind-once', text: 'loin', at: '9999-01-01T00:00:00Z' },
      { ...ctx, lang: 'fr' },
    );
    expect(fr.title).toBe('Cette date est trop lointaine');
    const ok = await commands[0]!.handle({ kind: 'remind-once', text: 'near', at: '2031-10-31T10:00:00Z' }, ctx);
    expect(ok.outcome).toBe('answered');
  });
});
