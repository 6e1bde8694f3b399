// Test helpers: a fresh SQLite file in a temp dir, or a fresh PostgreSQL schema in the DATABASE_URL database, each
// unique so that test files run in parallel, and each removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/storage/open-database.js';
import type { OpenDatabaseOptions, Storage } from '../../src/storage/open-database.js';

/** The PostgreSQL under test, or undefined (PostgreSQL tests skip only then). */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

/** A backend the contract suites run against: opens stores on one fresh database, and cleans it up. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Opens (another) store on the same fresh database, as a second process would. */
  open(extra?: Partial<OpenDatabaseOptions>): Promise<Storage>;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file in its own temp folder. */
export function sqliteBackend(): TestBackend {
  const dir = mkdtempSync(join(tmpdir(), 'caac-store-'));
  const opened: Storage[] = [];
  return {
    name: 'sqlite',
    open: async (extra) => {
      const s = await openDatabase({ sqlitePath: join(dir, 'nested', 'caac.sqlite'), ...extra });
      opened.push(s);
      return s;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema in the DATABASE_URL database, dropped at cleanup. */
export function postgresBackend(url: string): TestBackend {
  const schema = `caac_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const opened: Storage[] = [];
  return {
    name: 'postgres',
    open: async (extra) => {
      const s = await openDatabase({ databaseUrl: url, schema, poolSize: 4, ...extra });
      opened.push(s);
      return s;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.close()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The backends available here: SQLite always, PostgreSQL when DATABASE_URL is set. */
export function backends(): Array<{ name: 'sqlite' | 'postgres'; make: () => TestBackend; skip: boolean }> {
  return [
    { name: 'sqlite', make: sqliteBackend, skip: false },
    { name: 'postgres', make: () => postgresBackend(DATABASE_URL!), skip: DATABASE_URL === undefined },
  ];
}
