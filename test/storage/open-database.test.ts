import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';

describe.each(backends())('openDatabase on $name', ({ name, make, skip }) => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.cleanup();
    backend = undefined;
  });

  it.skipIf(skip)('applies the migrations and creates the shared tables', async () => {
    backend = make();
    const storage = await backend.open();
    expect(storage.dialect).toBe(name);
    await storage.ping();
    const now = '2026-01-01T00:00:00.000Z';
    await storage.db
      .insertInto('slack_installations')
      .values({ id: 'T1', team_id: 'T1', enterprise_id: null, installation: '{"a":1}', updated_at: now })
      .execute();
    await storage.db
      .insertInto('teams_conversations')
      .values({ conversation_id: '19:abc', tenant_id: 'tn', reference: '{}', updated_at: now })
      .execute();
    const rows = await storage.db.selectFrom('slack_installations').selectAll().execute();
    expect(rows).toEqual([{ id: 'T1', team_id: 'T1', enterprise_id: null, installation: '{"a":1}', updated_at: now }]);
  });

  it.skipIf(skip)('enforces one row per (reminder, occurrence key)', async () => {
    backend = make();
    const { db } = await backend.open();
    const row = {
      reminder_id: 'r1',
      occurrence_key: 'k',
      event_id: null,
      lead_days: null,
      due_at: 'x',
      status: 'pending' as const,
      outcome: null,
      next_attempt_at: 'x',
      claim_token: null,
      claimed_by: null,
      lease_until: null,
      last_error: null,
      message_id: null,
      created_at: 'x',
      recorded_at: null,
    };
    await db
      .insertInto('reminder_occurrences')
      .values({ ...row, id: 'a' })
      .execute();
    await expect(
      db
        .insertInto('reminder_occurrences')
        .values({ ...row, id: 'b' })
        .execute(),
    ).rejects.toThrow();
  });

  it.skipIf(skip)('opens the same database from two stores at once, migrating once, and keeps the data', async () => {
    backend = make();
    const [a, b] = await Promise.all([backend.open(), backend.open()]);
    await a.db
      .insertInto('teams_conversations')
      .values({ conversation_id: 'c', tenant_id: null, reference: '{}', updated_at: 'now' })
      .execute();
    const seen = await b.db.selectFrom('teams_conversations').select('conversation_id').execute();
    expect(seen).toEqual([{ conversation_id: 'c' }]);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(b.db);
    expect(applied.rows.map((r) => r.name)).toEqual([
      '0001-platform-tables',
      '0002-reminders',
      '0003-reminder-scan',
      '0004-teams-welcomes',
      '0005-slack-tokens-sealed',
      '0006-one-subscription-per-target',
      '0007-reminder-enterprise',
      '0008-slack-events',
      '0009-channel-languages',
      '0010-digest-and-stale-reminders',
    ]);
    await a.close();
    await a.close(); // idempotent
    const c = await backend.open();
    await c.ping();
  });
});

describe('openDatabase errors', () => {
  it('rejects a schema name that is not a plain identifier', async () => {
    const { openDatabase } = await import('../../src/storage/open-database.js');
    await expect(openDatabase({ databaseUrl: 'postgres://x@127.0.0.1:1/x', schema: 'a;drop' })).rejects.toThrow(
      /not a plain identifier/,
    );
  });

  it('rejects with a readable error when PostgreSQL cannot be reached', async () => {
    const { openDatabase } = await import('../../src/storage/open-database.js');
    await expect(openDatabase({ databaseUrl: 'postgres://x:y@127.0.0.1:1/x' })).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});
