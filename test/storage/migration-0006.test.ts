// Migration 0006 (one subscription per channel and target) on a database that already holds duplicates, as issue
// 17's race left them: the migration does not fail, the oldest of each group takes the key, the others keep working.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { inCodeMigrations } from '../../src/storage/migrations.js';
import { openDatabase } from '../../src/storage/open-database.js';
import type { Storage } from '../../src/storage/open-database.js';

let dir: string | undefined;
let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const row = (id: string, createdAt: string, disabled = false) => ({
  id,
  channel_key: 'slack:T1:C1',
  platform: 'slack',
  workspace_id: 'T1',
  channel_id: 'C1',
  channel_name: null,
  kind: 'subscription',
  target_kind: 'country',
  target_id: 'mali',
  lead_days: '30,7,1',
  time_of_day: '09:00',
  tz: 'UTC',
  text: null,
  fire_at: null,
  created_at: createdAt,
  created_by: null,
  disabled_at: disabled ? createdAt : null,
  disabled_reason: disabled ? 'channel_not_found' : null,
});

it('keys the oldest of existing duplicate subscriptions and leaves the others working', async () => {
  dir = mkdtempSync(join(tmpdir(), 'caac-mig6-'));
  const path = join(dir, 'caac.sqlite');
  const old = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: new Database(path) }),
  });
  const migrated = await new Migrator({ db: old, provider: inCodeMigrations() }).migrateTo('0005-slack-tokens-sealed');
  expect(migrated.error).toBeUndefined();
  await old
    .insertInto('reminders')
    .values([
      row('second', '2026-11-02T00:00:00.000Z'),
      row('oldest', '2026-11-01T00:00:00.000Z'),
      row('third', '2026-11-03T00:00:00.000Z'),
      row('gone', '2026-10-01T00:00:00.000Z', true),
    ])
    .execute();
  await old.destroy();

  storage = await openDatabase({ sqlitePath: path });
  const keys = await storage.db.selectFrom('reminders').select(['id', 'subscription_key']).orderBy('id').execute();
  expect(keys).toEqual([
    { id: 'gone', subscription_key: null },
    { id: 'oldest', subscription_key: 'slack:T1:C1 country:mali' },
    { id: 'second', subscription_key: null },
    { id: 'third', subscription_key: null },
  ]);
  const store = createReminderStore(storage);
  // Nothing lost: the duplicates are still listed and still planned.
  expect((await store.records.listActive()).map((r) => r.id).sort()).toEqual(['oldest', 'second', 'third']);
  const again = await store.records.add(
    {
      kind: 'subscription',
      channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
      target: { kind: 'country', id: 'mali' },
      leadDays: [7],
      at: '09:00',
      tz: 'UTC',
    },
    new Date('2026-11-04T00:00:00Z'),
    { maxPerChannel: 50 },
  );
  expect(again).toMatchObject({ kind: 'exists', reminder: { id: 'oldest' } });
});
