// ReminderRecords on kysely, for SQLite and PostgreSQL alike: the reminders table, and the reminder_leads index
// table (kept by triggers, migration 0003) that lets a poll read only the subscriptions that can fire.
import type { Kysely } from 'kysely';
import type { ChannelRef } from '../core/ports.js';
import type { DatabaseSchema } from '../storage/database-schema.js';
import type { Storage } from '../storage/open-database.js';
import { addReminder, digestColumns } from './kysely-add-reminder.js';
import type {
  ChannelWideReminder,
  NewDigest,
  NewOneOff,
  NewStale,
  NewReminder,
  NewSubscription,
  OneOffReminder,
  Reminder,
  SubscriptionReminder,
} from './reminder.js';
import type { AddOutcome, CandidateQuery, ReminderRecords } from './reminder-records.js';
import { CHUNK, iso, toReminder } from './reminder-rows.js';

// Lead-time conditions OR-ed in one statement: SQLite's parser nests each OR one level deeper (limit 1,000).
const CONDITIONS_PER_STATEMENT = 100;

/** ReminderRecords on kysely: one implementation for SQLite and PostgreSQL. */
export class KyselyReminderRecords implements ReminderRecords {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    readonly dialect: Storage['dialect'],
  ) {}

  async add(input: NewReminder, now: Date, limits: { maxPerChannel: number }): Promise<AddOutcome> {
    return addReminder(this.db, this.dialect, input, now, limits.maxPerChannel);
  }

  async addSubscription(input: NewSubscription, now: Date): Promise<SubscriptionReminder> {
    const added = await this.add({ kind: 'subscription', ...input }, now, { maxPerChannel: Infinity });
    if (added.kind === 'full') throw new Error('unreachable: no cap');
    return added.reminder as SubscriptionReminder;
  }

  async addOneOff(input: NewOneOff, now: Date): Promise<OneOffReminder> {
    const added = await this.add({ kind: 'once', ...input }, now, { maxPerChannel: Infinity });
    if (added.kind !== 'added') throw new Error('unreachable: a one-off is never a duplicate and has no cap');
    return added.reminder as OneOffReminder;
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
    // Digests and curator notices plan from their own settings (a week's instant, the calendar's expiries): all of
    // them, by the kind index; a channel holds one of each at most.
    const channelWide = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('kind', 'in', ['digest', 'stale'])
      .where('disabled_at', 'is', null)
      .execute();
    for (const row of channelWide) found.set(row.id, toReminder(row));
    return [...found.values()];
  }

  async update(
    id: string,
    key: string,
    settings: ({ kind: 'digest' } & NewDigest) | ({ kind: 'stale' } & NewStale),
  ): Promise<ChannelWideReminder | undefined> {
    const row = await this.db
      .updateTable('reminders')
      .set({
        time_of_day: settings.at,
        tz: settings.tz,
        ...(settings.kind === 'digest' ? digestColumns(settings) : {}),
      })
      .where('id', '=', id)
      .where('channel_key', '=', key)
      .where('kind', '=', settings.kind)
      .where('disabled_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    const reminder = row ? toReminder(row) : undefined;
    return reminder?.kind === 'digest' || reminder?.kind === 'stale' ? reminder : undefined;
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
      .set({ disabled_at: iso(now), disabled_reason: reason, subscription_key: null })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .execute();
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
