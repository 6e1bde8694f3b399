// Adding a reminder atomically, on SQLite and PostgreSQL alike: in one transaction, the channel's existing
// subscription to the same target is looked for, the channel's reminders counted against the cap, and the row
// inserted. The transaction is serialised per channel (PostgreSQL: an advisory lock on the channel key; SQLite: one
// writer at a time, BEGIN IMMEDIATE), so five identical `remind` at once make one subscription, and 25 one-offs at
// once cannot pass the cap; the unique subscription_key (migration 0006) holds even against other writers.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, RemindersTable } from '../storage/database-schema.js';
import type { Storage } from '../storage/open-database.js';
import { sqliteImmediate } from '../storage/sqlite-immediate.js';
import type { NewDigest, NewReminder, Reminder } from './reminder.js';
import type { AddOutcome, ExistingReminder } from './reminder-records.js';
import { channelColumns, iso, newReminderId, toReminder } from './reminder-rows.js';

/** The unique key of a channel's subscription to a target. */
export function subscriptionKey(channelKey: string, target: { kind: string; id: string }): string {
  return `${channelKey} ${target.kind}:${target.id}`;
}

/** The unique key of a channel's one digest, or one set of curator notices. */
export function channelWideKey(channelKey: string, kind: 'digest' | 'stale'): string {
  return `${channelKey} ${kind}`;
}

// Columns a kind leaves empty.
const NO_TARGET = { target_kind: null, target_id: null, lead_days: null } as const;
const NO_DIGEST = { weekday: null, within_days: null, countries: null, post_always: null } as const;
const NO_TEXT = { text: null, fire_at: null } as const;

/** The reminders row of a new reminder (without its id). */
export function reminderRow(input: NewReminder, now: Date): Omit<RemindersTable, 'id'> {
  const channel = channelColumns(input.channel);
  const common = {
    ...channel,
    tz: input.tz,
    created_at: iso(now),
    created_by: input.createdBy ?? null,
    disabled_at: null,
    disabled_reason: null,
  };
  switch (input.kind) {
    case 'once':
      return {
        ...common,
        kind: 'once',
        ...{ ...NO_TARGET, ...NO_DIGEST, time_of_day: null, subscription_key: null },
        text: input.text,
        fire_at: iso(input.fireAt),
      };
    case 'subscription':
      return {
        ...common,
        ...NO_DIGEST,
        ...NO_TEXT,
        kind: 'subscription',
        target_kind: input.target.kind,
        target_id: input.target.id,
        lead_days: input.leadDays.join(','),
        time_of_day: input.at,
        subscription_key: subscriptionKey(channel.channel_key, input.target),
      };
    case 'digest':
      return {
        ...common,
        ...NO_TARGET,
        ...NO_TEXT,
        kind: 'digest',
        time_of_day: input.at,
        ...digestColumns(input),
        subscription_key: channelWideKey(channel.channel_key, 'digest'),
      };
    case 'stale':
      return {
        ...common,
        ...NO_TARGET,
        ...NO_TEXT,
        ...NO_DIGEST,
        kind: 'stale',
        time_of_day: input.at,
        subscription_key: channelWideKey(channel.channel_key, 'stale'),
      };
  }
}

/** A digest's own columns. */
export function digestColumns(input: Pick<NewDigest, 'weekday' | 'withinDays' | 'countries' | 'always'>) {
  return {
    weekday: input.weekday,
    within_days: input.withinDays,
    countries: input.countries.join(','),
    post_always: input.always ? 1 : 0,
  };
}

/** Adds a reminder unless its channel already has that subscription or holds `maxPerChannel` reminders. */
export async function addReminder(
  db: Kysely<DatabaseSchema>,
  dialect: Storage['dialect'],
  input: NewReminder,
  now: Date,
  maxPerChannel: number,
): Promise<AddOutcome> {
  const row = reminderRow(input, now);
  const add = async (trx: Kysely<DatabaseSchema>): Promise<AddOutcome> => {
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext(${`caac-bot:reminders:${row.channel_key}`}))`.execute(trx);
    if (row.subscription_key !== null) {
      const same = await trx
        .selectFrom('reminders')
        .selectAll()
        .where('subscription_key', '=', row.subscription_key)
        .executeTakeFirst();
      if (same) return { kind: 'exists', reminder: toReminder(same) as ExistingReminder };
    }
    const counted = await trx
      .selectFrom('reminders')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('channel_key', '=', row.channel_key)
      .executeTakeFirstOrThrow();
    if (Number(counted.n) >= maxPerChannel) return { kind: 'full', count: Number(counted.n) };
    return { kind: 'added', reminder: await insertWithNewId(trx, row) };
  };
  return dialect === 'postgres' ? db.transaction().execute(add) : sqliteImmediate(db, add);
}

async function insertWithNewId(db: Kysely<DatabaseSchema>, row: Omit<RemindersTable, 'id'>): Promise<Reminder> {
  for (let attempt = 0; ; attempt++) {
    const id = newReminderId();
    const inserted = await db
      .insertInto('reminders')
      .values({ ...row, id })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return toReminder({ ...row, id });
    if (attempt >= 5) throw new Error('could not allocate a reminder id');
  }
}
