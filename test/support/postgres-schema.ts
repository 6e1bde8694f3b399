// A fresh PostgreSQL schema for service processes, which take their database from DATABASE_URL only: the schema is
// created first, then named in the URL's `options` (`-c search_path=<schema>`), which pg passes to the server for
// every connection of the pool. So several processes share one schema, as replicas share one database, while test
// runs stay apart (the CI role may not CREATE DATABASE).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A schema made for one test, its DATABASE_URL, and a way to drop it. */
export interface TestSchema {
  name: string;
  databaseUrl: string;
  /** Runs a query in the schema (to inspect what the services stored). */
  query<R extends pg.QueryResultRow>(text: string): Promise<R[]>;
  drop(): Promise<void>;
}

/** Creates a uniquely named schema in the database at `url`. */
export async function createTestSchema(url: string): Promise<TestSchema> {
  const name = `caac_e2e_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema "${name}"`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${name}`);
  const databaseUrl = u.toString();
  return {
    name,
    databaseUrl,
    async query<R extends pg.QueryResultRow>(text: string) {
      await client.query(`set search_path to "${name}"`);
      return (await client.query<R>(text)).rows;
    },
    async drop() {
      try {
        await client.query(`drop schema if exists "${name}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
