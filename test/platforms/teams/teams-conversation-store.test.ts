// The conversation-reference store on both backends of the service's database: SQLite and a real PostgreSQL (in
// its own schema; skipped only when DATABASE_URL is unset).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../support/manual-clock.js';
import {
  baseConversationId,
  createTeamsConversationStore,
} from '../../../src/platforms/teams/teams-conversation-store.js';
import { openDatabase } from '../../../src/storage/open-database.js';
import type { Storage } from '../../../src/storage/open-database.js';

const backends: {
  name: string;
  open: () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>;
  skip: boolean;
}[] = [
  {
    name: 'SQLite',
    skip: false,
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'caac-teams-store-'));
      const storage = await openDatabase({ sqlitePath: join(dir, 'caac.sqlite') });
      return { storage, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !process.env.DATABASE_URL,
    open: async () => {
      const schema = `teams_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const storage = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, schema, poolSize: 2 });
      return {
        storage,
        cleanup: async () => void (await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(storage.db)),
      };
    },
  },
];

describe.each(backends)('the Teams conversation store on $name', ({ open, skip }) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  const clock = manualClock(new Date('2026-11-28T10:00:00.000Z'));

  beforeAll(async () => {
    if (skip) return;
    ({ storage, cleanup } = await open());
  });
  afterAll(async () => {
    if (skip) return;
    await cleanup();
    await storage.close();
  });

  it.skipIf(skip)(
    'saves, updates, reads and removes a reference, keyed by the channel rather than the thread',
    async () => {
      const store = createTeamsConversationStore(storage, clock);
      const reference = {
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        activityId: '1732788000002',
        user: { id: '29:someone', name: 'Someone' },
        bot: { id: '28:bot', name: 'caac-bot' },
        conversation: {
          id: '19:chan@thread.tacv2;messageid=1732788000002',
          tenantId: 'tenant-1',
          isGroup: true,
          conversationType: 'channel',
          name: '',
        },
      };
      await store.save(reference);
      expect(await store.get('19:chan@thread.tacv2')).toEqual({
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        bot: { id: '28:bot', name: 'caac-bot' },
        conversation: {
          id: '19:chan@thread.tacv2',
          tenantId: 'tenant-1',
          isGroup: true,
          conversationType: 'channel',
          name: '',
        },
      });

      clock.advance(60_000);
      await store.save({ ...reference, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
      const rows = await storage.db.selectFrom('teams_conversations').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({
          conversation_id: '19:chan@thread.tacv2',
          tenant_id: 'tenant-1',
          updated_at: '2026-11-28T10:01:00.000Z',
        }),
      ]);
      expect((await store.get('19:chan@thread.tacv2;messageid=1'))?.serviceUrl).toBe(
        'https://smba.trafficmanager.net/amer/',
      );

      await store.remove('19:chan@thread.tacv2');
      expect(await store.get('19:chan@thread.tacv2')).toBeUndefined();
    },
  );

  it.skipIf(skip)('ignores a reference without a conversation id', async () => {
    const store = createTeamsConversationStore(storage, clock);
    await store.save({ channelId: 'msteams' });
    expect(await storage.db.selectFrom('teams_conversations').selectAll().execute()).toEqual([]);
  });
});

describe('baseConversationId', () => {
  it('cuts a thread id off a channel conversation id and leaves others alone', () => {
    expect(baseConversationId('19:abc@thread.tacv2;messageid=123')).toBe('19:abc@thread.tacv2');
    expect(baseConversationId('a:1personal')).toBe('a:1personal');
  });
});
