// Reminders follow their channel's language: the scheduler reads the channel's `lang` (the real store, on the same
// SQLite database as the reminders) before it posts, and the message is written in it; other channels stay English.
import { afterEach, describe, expect, it } from 'vitest';
import { channelKey } from '../../src/core/ports.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { createScheduler } from '../../src/reminders/scheduler.js';
import { createChannelLanguageStore } from '../../src/storage/channel-languages.js';
import { manualClock } from '../support/manual-clock.js';
import { sqliteBackend } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { RecordingDelivery, makeDataset, memoryLogger, slackChannel } from './fixtures.js';

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

describe('reminders in the channel’s language', () => {
  it('posts in French to a channel set to fr, in English elsewhere', async () => {
    backend = sqliteBackend();
    const storage = await backend.open();
    const store = createReminderStore(storage);
    const clock = manualClock(new Date('2026-11-01T00:00:00Z'));
    const languages = createChannelLanguageStore(storage.db, () => clock.now());
    const delivery = new RecordingDelivery();
    const scheduler = createScheduler({
      store,
      dataset: () => makeDataset(),
      deliveries: { slack: delivery },
      clock,
      logger: memoryLogger().logger,
      languages,
    });
    const target = { kind: 'mission' as const, id: 'monusco' };
    for (const channel of [slackChannel('CFR'), slackChannel('CEN')])
      await store.records.addSubscription({ channel, target, leadDays: [7], at: '09:00', tz: 'UTC' }, clock.now());
    await languages.set(channelKey(slackChannel('CFR')), 'fr');

    clock.set(new Date('2026-12-13T09:00:00Z'));
    await scheduler.tick();
    const byChannel = new Map(delivery.posts.map((p) => [p.channel, p.message]));
    const fr = [...byChannel.entries()].find(([c]) => c.includes('CFR'))?.[1];
    const en = [...byChannel.entries()].find(([c]) => c.includes('CEN'))?.[1];
    expect(fr).toMatchObject({
      lang: 'fr',
      title: '⏰ MONUSCO\u00a0: expiration du mandat dans 7 jours — 20 décembre 2026',
      // The fixture dataset has no French country names: the English one is shown.
      subtitle: 'Democratic Republic of the Congo · résolution 2808 (2025), adoptée le 19 décembre 2025',
    });
    expect(fr?.sections[0]?.items[0]).toMatchObject({ label: 'Quand', detail: 'dans 7 jours' });
    expect(fr?.actions.map((a) => a.label)).toEqual(['Ouvrir la fiche MONUSCO', 'Arrêter ces rappels']);
    expect(en?.title).toBe("⏰ MONUSCO's mandate expires in 7 days — 20 December 2026");
  });
});
