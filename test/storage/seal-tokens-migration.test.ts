// Migration 0005 on SQLite and PostgreSQL: Slack installations stored in plaintext by the earlier release are sealed
// at the first start with CAAC_SECRETS_KEY; without a key the start is refused while plaintext tokens remain.
// The earlier release's database is made by running only the migrations before 0005, as that release did, and
// writing a plaintext row as its installation store did; then the store is opened as the upgrade would.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlInstallationStore } from '../../src/platforms/slack/sql-installation-store.js';
import type { DatabaseSchema } from '../../src/storage/database-schema.js';
import { inCodeMigrations } from '../../src/storage/migrations.js';
import { openDatabase } from '../../src/storage/open-database.js';
import type { OpenDatabaseOptions } from '../../src/storage/open-database.js';
import { createSecretBox } from '../../src/storage/secret-box.js';
import { manualClock } from '../support/manual-clock.js';
import { createTestSchema } from '../support/postgres-schema.js';
import type { TestSchema } from '../support/postgres-schema.js';
import { DATABASE_URL } from '../support/test-databases.js';

const SEALING = '0005-slack-tokens-sealed';

const plaintextInstallation = {
  team: { id: 'T0009OLD', name: 'Old' },
  user: { id: 'U0009' },
  bot: { id: 'BBOT0009', userId: 'UBOT0009', token: 'xoxb-plaintext-from-before', scopes: ['commands'] },
  appId: 'A0123CAAC',
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

/** A database in the state the earlier release left it: the migrations before 0005, and a plaintext row. */
interface EarlierRelease {
  where: OpenDatabaseOptions;
  cleanup(): Promise<void>;
}

async function earlierRelease(backend: 'sqlite' | 'postgres'): Promise<EarlierRelease> {
  let db: Kysely<DatabaseSchema>;
  let where: OpenDatabaseOptions;
  let cleanup: () => Promise<void>;
  let schema: TestSchema | undefined;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caac-seal-'));
    where = { sqlitePath: join(dir, 'caac.sqlite') };
    db = new Kysely({ dialect: new SqliteDialect({ database: new Database(where.sqlitePath!) }) });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    schema = await createTestSchema(DATABASE_URL!);
    where = { databaseUrl: schema.databaseUrl };
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: schema.databaseUrl }) }) });
    cleanup = () => schema!.drop();
  }
  const all = await inCodeMigrations().getMigrations();
  const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < SEALING));
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => before },
    ...(schema ? { migrationTableSchema: schema.name } : {}),
  }).migrateToLatest();
  if (error) throw error;
  await db
    .insertInto('slack_installations')
    .values({
      id: 'T0009OLD',
      team_id: 'T0009OLD',
      enterprise_id: null,
      installation: JSON.stringify(plaintextInstallation),
      updated_at: '2026-11-01T00:00:00.000Z',
    })
    .execute();
  await db.destroy();
  return { where, cleanup };
}

for (const backend of ['sqlite', 'postgres'] as const) {
  describe.skipIf(backend === 'postgres' && DATABASE_URL === undefined)(`migration ${SEALING} on ${backend}`, () => {
    let earlier: EarlierRelease | undefined;
    afterEach(async () => {
      await earlier?.cleanup();
      earlier = undefined;
    });

    it('seals the plaintext tokens at the first start with a key, and the installation still opens', async () => {
      earlier = await earlierRelease(backend);
      const box = createSecretBox(randomBytes(32));
      const storage = await openDatabase({ ...earlier.where, secrets: box });
      try {
        const rows = await storage.db.selectFrom('slack_installations').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(rows[0]!.installation).not.toContain('xoxb-plaintext-from-before');
        expect(rows[0]!.installation).toMatch(/"token":"enc:v1:/);
        const store = new SqlInstallationStore(storage.db, manualClock(new Date()), { secrets: box });
        expect((await store.installationFor('T0009OLD'))?.installation.bot?.token).toBe('xoxb-plaintext-from-before');
      } finally {
        await storage.close();
      }
    });

    it('refuses to start without a key while plaintext tokens remain, naming CAAC_SECRETS_KEY', async () => {
      earlier = await earlierRelease(backend);
      await expect(openDatabase(earlier.where)).rejects.toThrow(/CAAC_SECRETS_KEY/);
      // The refused start changed nothing: a start with the key still seals the row.
      const storage = await openDatabase({ ...earlier.where, secrets: createSecretBox(randomBytes(32)) });
      try {
        const row = await storage.db.selectFrom('slack_installations').select('installation').executeTakeFirstOrThrow();
        expect(row.installation).not.toContain('xoxb-');
        const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(storage.db);
        expect(applied.rows.map((r) => r.name)).toContain(SEALING);
      } finally {
        await storage.close();
      }
    });
  });
}
