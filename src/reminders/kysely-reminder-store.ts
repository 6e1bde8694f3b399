// The reminder store on kysely, for SQLite and PostgreSQL alike. Dialect-specific SQL only where it matters:
// claiming ready occurrences takes row locks with FOR UPDATE SKIP LOCKED on PostgreSQL (replicas claim disjoint
// rows without waiting for one another) and one BEGIN IMMEDIATE write transaction on SQLite (one writer at a time).
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { ChannelRef } from '../core/ports.js';
import { channelKey } from '../core/ports.js';
import type { DatabaseSchema, OccurrencesTable, RemindersTable } from '../storage/database-schema.js';
import type { Storage } from '../storage/open-database.js';
import type {
  ClaimedOccurrence,
  NewOneOff,
  NewSubscription,
  Occurrence,
  OccurrenceOutcome,
  OneOffReminder,
  PlannedOccurrence,
  Reminder,
  SubscriptionReminder,
} from './reminder.js';
import type { CandidateQuery, ReminderStore } from './reminder-store.js';

// No 0/o, 1/l/i: ids are read aloud and typed by hand.
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short reminder id: 6 characters, about 8·10^8 values; collisions are retried on insert. */
export function newReminderId(): string {
  const bytes = randomBytes(6);
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

const iso = (d: Date) => d.toISOString();
// Rows per multi-row INSERT and ids per IN list: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const CHUNK = 500;
// Lead-time conditions OR-ed in one statement: SQLite's parser nests each OR one level deeper (limit 1,000).
const CONDITIONS_PER_STATEMENT = 100;

/** Creates the reminder store over an opened Storage. */
export function createReminderStore(storage: Storage): ReminderStore {
  return new KyselyReminderStore(storage.db, storage.dialect);
}

/** ReminderStore on kysely: one implementation for SQLite and PostgreSQL. */
export class KyselyReminderStore implements ReminderStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dialect: Storage['dialect'],
  ) {}

  async addSubscription(input: NewSubscription, now: Date): Promise<SubscriptionReminder> {
    const row = {
      ...channelColumns(input.channel),
      kind: 'subscription' as const,
      target_kind: input.target.kind,
      target_id: input.target.id,
      lead_days: input.leadDays.join(','),
      time_of_day: input.at,
      tz: input.tz,
      text: null,
      fire_at: null,
      created_at: iso(now),
      created_by: input.createdBy ?? null,
      disabled_at: null,
      disabled_reason: null,
    };
    return (await this.insertReminder(row)) as SubscriptionReminder;
  }

  async addOneOff(input: NewOneOff, now: Date): Promise<OneOffReminder> {
    const row = {
      ...channelColumns(input.channel),
      kind: 'once' as const,
      target_kind: null,
      target_id: null,
      lead_days: null,
      time_of_day: null,
      tz: input.tz,
      text: input.text,
      fire_at: iso(input.fireAt),
      created_at: iso(now),
      created_by: input.createdBy ?? null,
      disabled_at: null,
      disabled_reason: null,
    };
    return (await this.insertReminder(row)) as OneOffReminder;
  }

  private async insertReminder(row: Omit<RemindersTable, 'id'>): Promise<Reminder> {
    for (let attempt = 0; ; attempt++) {
      const id = newReminderId();
      const inserted = await this.db
        .insertInto('reminders')
        .values({ ...row, id })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return toReminder({ ...row, id });
      if (attempt >= 5) throw new Error('could not allocate a reminder id');
    }
  }

  async get(id: string): Promise<Reminder | undefined> {
    const row = await this.db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReminder(row) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Reminder[]> {
    const out: Reminder[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('reminders')
        .selectAll()
        .where('id', 'in', unique.slice(i, i + CHUNK))
        .execute();
      out.push(...rows.map(toReminder));
    }
    return out;
  }

  async listByChannel(key: string): Promise<Reminder[]> {
    const rows = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('channel_key', '=', key)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toReminder);
  }

  async listActive(): Promise<Reminder[]> {
    const rows = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('disabled_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toReminder);
  }

  async listByWorkspace(platform: ChannelRef['platform'], workspaceId: string): Promise<Reminder[]> {
    const rows = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .where('disabled_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toReminder);
  }

  async listCandidates(query: CandidateQuery): Promise<Reminder[]> {
    const found = new Map<string, Reminder>();
    // Conditions "kind K, target in (…), lead between a and b", one per distinct kind and lead range: targets whose
    // events share a date share a range, so a dataset makes few conditions, each an index range on reminder_leads.
    const byRange = new Map<string, { kind: string; range?: [number, number]; ids: string[] }>();
    for (const { target, leads } of query.targets) {
      for (const range of leads ? leadRanges(leads) : [undefined]) {
        const key = `${target.kind}:${range ? range.join('-') : 'any'}`;
        const group = byRange.get(key);
        if (group) group.ids.push(target.id);
        else byRange.set(key, { kind: target.kind, ...(range ? { range } : {}), ids: [target.id] });
      }
    }
    const groups = [...byRange.values()];
    for (let i = 0; i < groups.length; i += CONDITIONS_PER_STATEMENT) {
      const rows = await this.db
        .withTables<{ reminder_leads: ReminderLeadsTable }>()
        .selectFrom('reminder_leads as l')
        .innerJoin('reminders as r', 'r.id', 'l.reminder_id')
        .selectAll('r')
        .where((eb) =>
          eb.or(
            groups
              .slice(i, i + CONDITIONS_PER_STATEMENT)
              .map(({ kind, range, ids }) =>
                eb.and([
                  eb('l.target_kind', '=', kind),
                  eb('l.target_id', 'in', ids),
                  ...(range ? [eb('l.lead_days', '>=', range[0]), eb('l.lead_days', '<=', range[1])] : []),
                ]),
              ),
          ),
        )
        .where('r.disabled_at', 'is', null)
        .execute();
      for (const row of rows) if (!found.has(row.id)) found.set(row.id, toReminder(row));
    }
    const onceRows = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('kind', '=', 'once')
      .where('disabled_at', 'is', null)
      .where('fire_at', '>=', iso(query.from))
      .where('fire_at', '<=', iso(query.to))
      // A one-off has one occurrence: once stored, the scheduler's claim takes it from there.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('reminder_occurrences')
              .select('reminder_occurrences.id')
              .whereRef('reminder_occurrences.reminder_id', '=', 'reminders.id'),
          ),
        ),
      )
      .execute();
    for (const row of onceRows) found.set(row.id, toReminder(row));
    return [...found.values()];
  }

  async remove(id: string, key: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('reminders')
        .where('id', '=', id)
        .where('channel_key', '=', key)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) return false;
      await trx.deleteFrom('reminder_occurrences').where('reminder_id', '=', id).execute();
      return true;
    });
  }

  async disable(id: string, reason: string, now: Date): Promise<void> {
    await this.db
      .updateTable('reminders')
      .set({ disabled_at: iso(now), disabled_reason: reason })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .execute();
  }

  async addOccurrences(
    occurrences: ReadonlyArray<PlannedOccurrence & { skipped?: string }>,
    now: Date,
  ): Promise<PlannedOccurrence[]> {
    const added: PlannedOccurrence[] = [];
    for (let i = 0; i < occurrences.length; i += CHUNK / 5) {
      const chunk = occurrences.slice(i, i + CHUNK / 5);
      const inserted = await this.db
        .insertInto('reminder_occurrences')
        .values(
          chunk.map((o) => ({
            id: randomUUID(),
            reminder_id: o.reminderId,
            occurrence_key: o.key,
            event_id: o.eventId ?? null,
            lead_days: o.leadDays ?? null,
            due_at: iso(o.dueAt),
            status: o.skipped ? ('done' as const) : ('pending' as const),
            outcome: o.skipped ? 'skipped' : null,
            next_attempt_at: iso(o.dueAt),
            claim_token: null,
            claimed_by: null,
            lease_until: null,
            last_error: o.skipped ?? null,
            message_id: null,
            created_at: iso(now),
            recorded_at: o.skipped ? iso(now) : null,
          })),
        )
        // The unique (reminder_id, occurrence_key) makes this idempotent across polls and replicas; RETURNING names
        // the rows this call inserted (SQLite 3.35+ and PostgreSQL alike).
        .onConflict((oc) => oc.columns(['reminder_id', 'occurrence_key']).doNothing())
        .returning(['reminder_id', 'occurrence_key'])
        .execute();
      const fresh = new Set(inserted.map((r) => `${r.reminder_id} ${r.occurrence_key}`));
      for (const o of chunk) if (fresh.delete(`${o.reminderId} ${o.key}`)) added.push(o);
    }
    return added;
  }

  async claimDue(opts: { now: Date; owner: string; leaseMs: number; limit: number }): Promise<ClaimedOccurrence[]> {
    const now = iso(opts.now);
    const token = randomUUID();
    const leaseUntil = iso(new Date(opts.now.getTime() + opts.leaseMs));
    const claim = async (db: Kysely<DatabaseSchema>) => {
      let ready = db
        .selectFrom('reminder_occurrences')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'claimed'), eb('lease_until', '<', now)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(opts.limit);
      if (this.dialect === 'postgres') ready = ready.forUpdate().skipLocked();
      const ids = (await ready.execute()).map((r) => r.id);
      if (ids.length === 0) return [];
      await db
        .updateTable('reminder_occurrences')
        .set((eb) => ({
          // Claimed before and never recorded: the claimant died somewhere between claim and record.
          possible_repeat: eb.case().when('status', '=', 'claimed').then(1).else(eb.ref('possible_repeat')).end(),
          status: 'claimed',
          claim_token: token,
          claimed_by: opts.owner,
          lease_until: leaseUntil,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', 'in', ids)
        .execute();
      return db
        .selectFrom('reminder_occurrences')
        .selectAll()
        .where('claim_token', '=', token)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
    };
    const rows =
      this.dialect === 'postgres' ? await this.db.transaction().execute(claim) : await this.sqliteImmediate(claim);
    return rows.map((r) => ({ ...toOccurrence(r), status: 'claimed', token, leaseUntil: new Date(leaseUntil) }));
  }

  // A write transaction from its first statement, so that a second writer waits instead of reading the same rows
  // and failing to upgrade its lock. The wait polls asynchronously: busy_timeout's synchronous wait would block
  // this event loop, and with it a holder living in the same process.
  private async sqliteImmediate<T>(fn: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
    return this.db.connection().execute(async (conn) => {
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

  async record(
    claim: ClaimedOccurrence,
    outcome: OccurrenceOutcome,
    now: Date,
    detail: { messageId?: string; error?: string } = {},
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_occurrences')
      .set({
        status: 'done',
        outcome,
        recorded_at: iso(now),
        message_id: detail.messageId ?? null,
        last_error: detail.error ?? null,
        lease_until: null,
        claim_token: null,
      })
      .where('id', '=', claim.id)
      .where('claim_token', '=', claim.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async retryAt(claim: ClaimedOccurrence, at: Date, error: string): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_occurrences')
      .set({ status: 'pending', next_attempt_at: iso(at), last_error: error, lease_until: null, claim_token: null })
      .where('id', '=', claim.id)
      .where('claim_token', '=', claim.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async defer(deferrals: ReadonlyArray<{ claim: ClaimedOccurrence; at: Date }>): Promise<Set<string>> {
    const done = new Set<string>();
    // One statement per claim token (one claimDue call) and chunk, not one per occurrence: a busy channel's batch
    // defers most of what it claimed.
    const byToken = new Map<string, Array<{ claim: ClaimedOccurrence; at: Date }>>();
    for (const d of deferrals) {
      const list = byToken.get(d.claim.token);
      if (list) list.push(d);
      else byToken.set(d.claim.token, [d]);
    }
    for (const [token, list] of byToken) {
      for (let i = 0; i < list.length; i += CHUNK / 5) {
        const chunk = list.slice(i, i + CHUNK / 5);
        const rows = await this.db
          .updateTable('reminder_occurrences')
          .set((eb) => {
            let slot = eb.case().when('id', '=', chunk[0]!.claim.id).then(iso(chunk[0]!.at));
            for (const d of chunk.slice(1)) slot = slot.when('id', '=', d.claim.id).then(iso(d.at));
            // Not an attempt: nothing was posted, so the attempt counted at claim time is given back.
            return {
              status: 'pending',
              next_attempt_at: slot.else(eb.ref('next_attempt_at')).end(),
              lease_until: null,
              claim_token: null,
              attempts: eb('attempts', '-', 1),
            };
          })
          .where(
            'id',
            'in',
            chunk.map((d) => d.claim.id),
          )
          .where('claim_token', '=', token)
          .returning('id')
          .execute();
        for (const r of rows) done.add(r.id);
      }
    }
    return done;
  }

  async release(claims: readonly ClaimedOccurrence[]): Promise<void> {
    for (const claim of claims) {
      await this.db
        .updateTable('reminder_occurrences')
        // Not an attempt: nothing was posted, so the attempt counted at claim time is given back.
        .set((eb) => ({ status: 'pending', lease_until: null, claim_token: null, attempts: eb('attempts', '-', 1) }))
        .where('id', '=', claim.id)
        .where('claim_token', '=', claim.token)
        .execute();
    }
  }

  async listOccurrences(reminderId: string): Promise<Occurrence[]> {
    const rows = await this.db
      .selectFrom('reminder_occurrences')
      .selectAll()
      .where('reminder_id', '=', reminderId)
      .orderBy('due_at')
      .orderBy('occurrence_key')
      .execute();
    return rows.map(toOccurrence);
  }
}

/** reminder_leads (migration 0003): one row per subscription and lead time, kept by triggers, for the poll's scan. */
interface ReminderLeadsTable {
  reminder_id: string;
  target_kind: string | null;
  target_id: string | null;
  lead_days: number;
}

/** Sorted lead times as contiguous ranges: [5,6,7,30] → [[5,7],[30,30]]. */
function leadRanges(leads: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const lead of [...leads].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && lead <= last[1] + 1) last[1] = Math.max(last[1], lead);
    else out.push([lead, lead]);
  }
  return out;
}

function channelColumns(channel: ChannelRef) {
  return {
    channel_key: channelKey(channel),
    platform: channel.platform,
    workspace_id: channel.workspaceId,
    channel_id: channel.channelId,
    channel_name: channel.name ?? null,
  };
}

function toReminder(row: Selectable<RemindersTable>): Reminder {
  const channel: ChannelRef = {
    platform: row.platform as ChannelRef['platform'],
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    ...(row.channel_name !== null ? { name: row.channel_name } : {}),
  };
  const base = {
    id: row.id,
    channel,
    channelKey: row.channel_key,
    tz: row.tz,
    createdAt: new Date(row.created_at),
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.disabled_at !== null
      ? { disabled: { at: new Date(row.disabled_at), reason: row.disabled_reason ?? '' } }
      : {}),
  };
  if (row.kind === 'once')
    return { ...base, kind: 'once', text: row.text ?? '', fireAt: new Date(row.fire_at ?? row.created_at) };
  return {
    ...base,
    kind: 'subscription',
    target: { kind: row.target_kind === 'mission' ? 'mission' : 'country', id: row.target_id ?? '' },
    leadDays: (row.lead_days ?? '')
      .split(',')
      .filter((x) => x !== '')
      .map(Number),
    at: row.time_of_day ?? '09:00',
  };
}

function toOccurrence(row: Selectable<OccurrencesTable>): Occurrence {
  return {
    id: row.id,
    reminderId: row.reminder_id,
    key: row.occurrence_key,
    ...(row.event_id !== null ? { eventId: row.event_id } : {}),
    ...(row.lead_days !== null ? { leadDays: Number(row.lead_days) } : {}),
    dueAt: new Date(row.due_at),
    status: row.status,
    ...(row.outcome !== null ? { outcome: row.outcome as OccurrenceOutcome } : {}),
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    ...(row.lease_until !== null ? { leaseUntil: new Date(row.lease_until) } : {}),
    ...(row.claimed_by !== null ? { claimedBy: row.claimed_by } : {}),
    possibleRepeat: Number(row.possible_repeat) === 1,
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    ...(row.recorded_at !== null ? { recordedAt: new Date(row.recorded_at) } : {}),
  };
}
