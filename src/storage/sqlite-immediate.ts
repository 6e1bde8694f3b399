// SQLite's write transaction from its first statement (BEGIN IMMEDIATE), so that a second writer waits instead of
// reading the same rows and failing to upgrade its lock. The wait polls asynchronously: busy_timeout's synchronous
// wait would block this event loop, and with it a holder living in the same process.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** Runs `fn` inside BEGIN IMMEDIATE … COMMIT on one connection of `db` (rolled back if it throws). */
export async function sqliteImmediate<DB, T>(db: Kysely<DB>, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`pragma busy_timeout = 0`.execute(conn);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await sql`begin immediate`.execute(conn);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== 'SQLITE_BUSY' || attempt >= 1000) throw err;
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
        }
      }
    } finally {
      await sql`pragma busy_timeout = 5000`.execute(conn);
    }
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}
