// Which Slack events have been taken. Slack retries an event it thinks was not acknowledged in time (up to three
// times, with `x-slack-retry-num`), and with several replicas a retry may reach another process: the event id is
// recorded in the shared database, and only the first sighting is answered.
// https://docs.slack.dev/apis/events-api/#retries
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { DatabaseSchema } from '../../storage/database-schema.js';

/** Slack's retries come within the hour; a day is kept, then forgotten. */
const KEEP_MS = 24 * 3_600_000;
/** Old ids are swept once per this many new ones, so that no request pays for a sweep of its own. */
const SWEEP_EVERY = 500;

/** Records Slack event ids across replicas. */
export interface SlackEventLedger {
  /** True the first time an event id is seen by any replica; false for a retry of an event already taken. */
  firstSighting(eventId: string): Promise<boolean>;
}

/** The ledger on the service's database (SQLite or PostgreSQL). */
export function createSlackEventLedger(db: Kysely<DatabaseSchema>, clock: Clock): SlackEventLedger {
  let taken = 0;
  return {
    async firstSighting(eventId) {
      const now = clock.now();
      const result = await db
        .insertInto('slack_events')
        .values({ event_id: eventId, received_at: now.toISOString() })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .executeTakeFirst();
      taken += 1;
      if (taken % SWEEP_EVERY === 0) {
        const before = new Date(now.getTime() - KEEP_MS).toISOString();
        await db.deleteFrom('slack_events').where('received_at', '<', before).execute();
      }
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
  };
}
