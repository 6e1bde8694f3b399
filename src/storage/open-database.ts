// Opens the store: SQLite (better-sqlite3, the embedded default) or PostgreSQL (pg, when DATABASE_URL is set),
// behind one kysely instance, with the migrations applied before anything else can use it.
// https://kysely.dev/docs/migrations
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DatabaseSchema } from './database-schema.js';
import { inCodeMigrations } from './migrations.js';
import type { SecretBox } from './secret-box.js';

/** Which database engine a Storage runs on. */
export type StorageDialect = 'sqlite' | 'postgres';

/** The opened store: a kysely handle on the migrated database. */
export interface Storage {
  db: Kysely<DatabaseSchema>;
  dialect: StorageDialect;
  /** Throws when the database cannot be reached (for /readyz). */
  ping(): Promise<void>;
  /** Closes the pool or file; idempotent. */
  close(): Promise<void>;
}

/** Where the store lives. `databaseUrl` wins over `sqlitePath`; `schema` isolates a PostgreSQL user (tests, tenants). */
export interface OpenDatabaseOptions {
  sqlitePath?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to create and use (search_path), e.g. one per test run. Letters, digits, underscores. */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
  logger?: Logger;
  /** CAAC_SECRETS_KEY's box: a migration seals the Slack tokens an earlier release stored in plaintext. */
  secrets?: SecretBox;
}

/** The SQLite file used when nothing else is said (CAAC_DB_PATH's default). */
export const DEFAULT_SQLITE_PATH = './var/caac.sqlite';

/** Opens the database and applies the migrations; rejects with a readable message when it cannot. */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Storage> {
  return opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts)
    : openSqlite(opts.sqlitePath ?? DEFAULT_SQLITE_PATH, opts);
}

async function openSqlite(path: string, opts: OpenDatabaseOptions): Promise<Storage> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const file = new Database(path);
  // WAL lets readers run while the scheduler writes; busy_timeout makes a second process wait for the write lock
  // instead of failing at once with SQLITE_BUSY.
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: file }) });
  try {
    await withSqliteWriteLock(file, () => migrate(db, opts, undefined, true));
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return storage(db, 'sqlite', opts.logger);
}

// SQLite has no advisory locks: the migrations run inside one BEGIN IMMEDIATE transaction, which a second process
// (or a second handle in this one) waits for. The wait polls asynchronously rather than through busy_timeout, whose
// synchronous wait would block this event loop and with it a holder living in the same process.
async function withSqliteWriteLock(file: Database.Database, fn: () => Promise<void>): Promise<void> {
  file.pragma('busy_timeout = 0');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        file.exec('BEGIN IMMEDIATE');
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 1500) throw err;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  } finally {
    file.pragma('busy_timeout = 5000');
  }
  try {
    await fn();
    file.exec('COMMIT');
  } catch (err) {
    if (file.inTransaction) file.exec('ROLLBACK');
    throw err;
  }
}

async function openPostgres(url: string, opts: OpenDatabaseOptions): Promise<Storage> {
  const schema = opts.schema;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`PostgreSQL schema "${schema}" is not a plain identifier (letters, digits, underscores)`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    // A partitioned database must not make every request wait for ever for a connection.
    connectionTimeoutMillis: 5_000,
    // Every connection of the pool works in the chosen schema, so queries stay unqualified.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', (err) => opts.logger?.warn({ err }, 'postgres pool: idle client error'));
  // pg-pool takes its own error listener off a client while it is checked out, so a connection that dies mid-query
  // would emit 'error' with no listener and crash the process; the query itself still rejects, which is enough.
  pool.on('connect', (client) => client.on('error', (err) => opts.logger?.warn({ err }, 'postgres: connection lost')));
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Two processes starting at once on one database: one migrates while the other waits on the advisory lock
    // (keyed by schema), so neither sees a half-created table. The lock is held on one dedicated connection.
    const client = await pool.connect();
    try {
      const current = (await client.query<{ s: string | null }>('select current_schema() as s')).rows[0]?.s;
      const target = schema ?? current ?? 'public';
      await client.query('select pg_advisory_lock(hashtext($1))', [`caac-bot:migrate:${target}`]);
      try {
        if (schema) await client.query(`create schema if not exists "${schema}"`);
        await migrateDespiteDroppedSchemas(db, opts, target);
      } finally {
        await client.query('select pg_advisory_unlock(hashtext($1))', [`caac-bot:migrate:${target}`]);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return storage(db, 'postgres', opts.logger);
}

// Kysely's migrator looks for its bookkeeping table by reading every schema's tables from the catalogue (with
// functions that look each schema up by name); a schema or table dropped meanwhile by someone else on the same
// database (another application, parallel test runs) fails that read with "schema/relation does not exist". Nothing
// of ours raced, so the run is tried again, a few times; a migration of ours that fails so fails every time.
const DROPPED_MEANWHILE = new Set(['3F000', '42P01']);

async function migrateDespiteDroppedSchemas(
  db: Kysely<DatabaseSchema>,
  opts: OpenDatabaseOptions,
  pgSchema: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(db, opts, pgSchema);
      return;
    } catch (err) {
      const code = (err as { cause?: { code?: unknown } }).cause?.code;
      if (attempt >= 3 || typeof code !== 'string' || !DROPPED_MEANWHILE.has(code)) throw err;
      opts.logger?.warn({ err, attempt }, 'database migration: the catalogue changed while read; trying again');
    }
  }
}

async function migrate(
  db: Kysely<DatabaseSchema>,
  { logger, secrets }: OpenDatabaseOptions,
  pgSchema?: string,
  inOuterTransaction = false,
): Promise<void> {
  // migrationTableSchema pins kysely's bookkeeping tables to our schema: otherwise it may find another schema's
  // kysely_migration table through the catalogue and skip creating its own.
  const migrator = new Migrator({
    db,
    provider: inCodeMigrations(secrets ? { secrets } : {}),
    ...(pgSchema ? { migrationTableSchema: pgSchema } : {}),
    // On SQLite the caller's BEGIN IMMEDIATE already wraps the whole run (SQLite has no nested transactions).
    ...(inOuterTransaction ? { disableTransactions: true } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info({ migration: r.migrationName }, 'database migration applied');
    if (r.status === 'Error') logger?.error({ migration: r.migrationName }, 'database migration failed');
  }
  if (error) {
    throw new Error(`database migration failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function storage(db: Kysely<DatabaseSchema>, dialect: StorageDialect, logger: Logger | undefined): Storage {
  let closed: Promise<void> | undefined;
  return {
    db,
    dialect,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => {
      closed ??= db.destroy().then(() => logger?.debug({ dialect }, 'database closed'));
      return closed;
    },
  };
}
