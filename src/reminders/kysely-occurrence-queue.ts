// OccurrenceQueue on kysely, for SQLite and PostgreSQL alike. Dialect-specific SQL only where it matters: claiming
// ready occurrences takes row locks with FOR UPDATE SKIP LOCKED on PostgreSQL (replicas claim disjoint rows without
// waiting for one another) and one BEGIN IMMEDIATE write transaction on SQLite (one writer at a time).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.js';
import type { Storage } from '../storage/open-database.js';
import { sqliteImmediate } from '../storage/sqlite-immediate.js';
import type { OccurrenceQueue } from './occurrence-queue.js';
import type { ClaimedOccurrence, Occurrence, OccurrenceOutcome, PlannedOccurrence } from './reminder.js';
import { CHUNK, iso, toOccurrence } from './reminder-rows.js';

/** OccurrenceQueue on kysely: one implementation for SQLite and PostgreSQL. */
export class KyselyOccurrenceQueue implements OccurrenceQueue {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dialect: Storage['dialect'],
  ) {}

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
      // Read back by primary key: claim_token has no index, and a scan of every occurrence ever recorded (100,000
      // rows: 60 ms, the event loop blocked on SQLite) in every claim round tripled the time to deliver a backlog.
      return db
        .selectFrom('reminder_occurrences')
        .selectAll()
        .where('id', 'in', ids)
        .where('claim_token', '=', token)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
    };
    const rows =
      this.dialect === 'postgres' ? await this.db.transaction().execute(claim) : await sqliteImmediate(this.db, claim);
    return rows.map((r) => ({ ...toOccurrence(r), status: 'claimed', token, leaseUntil: new Date(leaseUntil) }));
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

  async retryAt(
    claim: ClaimedOccurrence,
    at: Date,
    error: string,
    opts: { maybePosted?: boolean } = {},
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_occurrences')
      .set({
        status: 'pending',
        next_attempt_at: iso(at),
        last_error: error,
        lease_until: null,
        claim_token: null,
        ...(opts.maybePosted ? { possible_repeat: 1 } : {}),
      })
      .where('id', '=', claim.id)
      .where('claim_token', '=', claim.token)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async renew(claim: ClaimedOccurrence, until: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('reminder_occurrences')
      .set({ lease_until: iso(until) })
      .where('id', '=', claim.id)
      .where('claim_token', '=', claim.token)
      .where('status', '=', 'claimed')
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
