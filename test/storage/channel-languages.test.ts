// Channels' languages on both databases: a `lang` set in this process is read back at once (through the cache), and
// another replica sharing the database sees it once its cached read has expired.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChannelLanguageStore } from '../../src/storage/channel-languages.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';

const now = () => new Date('2026-12-05T09:00:00Z');

describe.each(backends())('channel languages on $name', ({ make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
  });

  it.skipIf(skip)('reads back its own change at once, cached or not', async () => {
    backend = make();
    const { db } = await backend.open();
    const store = createChannelLanguageStore(db, now);
    expect(await store.get('slack:T1:C1')).toBeUndefined();
    await store.set('slack:T1:C1', 'fr');
    expect(await store.get('slack:T1:C1')).toBe('fr');
    await store.set('slack:T1:C1', 'en');
    expect(await store.get('slack:T1:C1')).toBe('en');
    expect(await store.get('slack:T1:C2')).toBeUndefined();
  });

  it.skipIf(skip)("sees another replica's change once its cached read expires", async () => {
    backend = make();
    const { db } = await backend.open();
    const replicaA = createChannelLanguageStore(db, now, 200);
    const replicaB = createChannelLanguageStore(db, now, 200);
    expect(await replicaA.get('teams:tn:19:abc')).toBeUndefined();
    await replicaB.set('teams:tn:19:abc', 'fr');
    // The rows are shared: a store without a cached read sees the change at once.
    expect(await createChannelLanguageStore(db, now).get('teams:tn:19:abc')).toBe('fr');
    await vi.waitFor(async () => expect(await replicaA.get('teams:tn:19:abc')).toBe('fr'), {
      timeout: 5000,
      interval: 50,
    });
  });

  it.skipIf(skip)('does not cache a read that a change overtook', async () => {
    backend = make();
    const { db } = await backend.open();
    const store = createChannelLanguageStore(db, now, 60_000);
    const [before] = await Promise.all([store.get('slack:T1:C9'), store.set('slack:T1:C9', 'fr')]);
    expect([undefined, 'fr']).toContain(before);
    expect(await store.get('slack:T1:C9')).toBe('fr');
  });
});
