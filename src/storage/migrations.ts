// Versioned migrations, in code so that they ship inside the build (no migrations folder to find at run time).
// Names sort in the order they run. Never edit a released migration: add the next one.
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import { hasPlaintextSecret, resealInstallations } from './installation-secrets.js';
import type { SecretBox } from './secret-box.js';

const migrations: Record<string, Migration> = {
  '0001-platform-tables': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('slack_installations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('installation', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('teams_conversations')
        .addColumn('conversation_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text')
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002-reminders': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reminders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel_key', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('workspace_id', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text', (c) => c.notNull())
        .addColumn('channel_name', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target_kind', 'text')
        .addColumn('target_id', 'text')
        .addColumn('lead_days', 'text')
        .addColumn('time_of_day', 'text')
        .addColumn('tz', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('fire_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('disabled_at', 'text')
        .addColumn('disabled_reason', 'text')
        .execute();
      await db.schema.createIndex('reminders_channel_key').on('reminders').column('channel_key').execute();
      await db.schema
        .createTable('reminder_occurrences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reminder_id', 'text', (c) => c.notNull())
        .addColumn('occurrence_key', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('lead_days', 'integer')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claim_token', 'text')
        .addColumn('claimed_by', 'text')
        .addColumn('lease_until', 'text')
        .addColumn('possible_repeat', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('message_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text')
        // The guarantee "each occurrence once" rests on this constraint, not on the scheduler's care.
        .addUniqueConstraint('reminder_occurrences_once', ['reminder_id', 'occurrence_key'])
        .execute();
      await db.schema
        .createIndex('reminder_occurrences_work')
        .on('reminder_occurrences')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },
  },
  // A poll reads only the subscriptions that can fire, not every reminder: reminder_leads holds one row per
  // (subscription, lead time) with its target, indexed so that "target T with a lead between a and b" is an index
  // range. Triggers keep it in step with every insert and delete into reminders, whoever writes them (the store,
  // an operator's SQL, the bench's bulk seeding); subscriptions are never updated in place. One-offs are found by
  // fire_at.
  '0003-reminder-scan': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reminder_leads')
        .addColumn('reminder_id', 'text', (c) => c.notNull())
        .addColumn('target_kind', 'text')
        .addColumn('target_id', 'text')
        .addColumn('lead_days', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reminder_leads_target')
        .on('reminder_leads')
        .columns(['target_kind', 'target_id', 'lead_days'])
        .execute();
      await db.schema.createIndex('reminder_leads_reminder').on('reminder_leads').column('reminder_id').execute();
      await db.schema.createIndex('reminders_fire_at').on('reminders').column('fire_at').execute();
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`create function reminder_leads_sync() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' then
              delete from reminder_leads where reminder_id = old.id;
              return old;
            end if;
            if new.kind = 'subscription' then
              insert into reminder_leads (reminder_id, target_kind, target_id, lead_days)
                select new.id, new.target_kind, new.target_id, x::integer
                from unnest(string_to_array(new.lead_days, ',')) as x where x ~ '^[0-9]+$';
            end if;
            return new;
          end $$`.execute(db);
        await sql`create trigger reminders_leads_insert after insert on reminders for each row execute function reminder_leads_sync()`.execute(
          db,
        );
        await sql`create trigger reminders_leads_delete after delete on reminders for each row execute function reminder_leads_sync()`.execute(
          db,
        );
        await sql`insert into reminder_leads (reminder_id, target_kind, target_id, lead_days)
          select r.id, r.target_kind, r.target_id, x::integer
          from reminders r, unnest(string_to_array(r.lead_days, ',')) as x
          where r.kind = 'subscription' and x ~ '^[0-9]+$'`.execute(db);
      } else {
        // "30,7,1" read as the JSON array [30,7,1]; a malformed list adds no rows rather than failing the insert.
        await sql`create trigger reminders_leads_insert after insert on reminders when new.kind = 'subscription' begin
            insert into reminder_leads (reminder_id, target_kind, target_id, lead_days)
              select new.id, new.target_kind, new.target_id, value
              from json_each(case when json_valid('[' || new.lead_days || ']') then '[' || new.lead_days || ']' else '[]' end)
              where typeof(value) = 'integer';
          end`.execute(db);
        await sql`create trigger reminders_leads_delete after delete on reminders begin
            delete from reminder_leads where reminder_id = old.id;
          end`.execute(db);
        await sql`insert into reminder_leads (reminder_id, target_kind, target_id, lead_days)
          select r.id, r.target_kind, r.target_id, j.value
          from reminders r, json_each(case when json_valid('[' || r.lead_days || ']') then '[' || r.lead_days || ']' else '[]' end) j
          where r.kind = 'subscription' and typeof(j.value) = 'integer'`.execute(db);
      }
    },
  },
  // One row per Teams conversation that has had the welcome card, so an install posts it once (the client sends
  // both installationUpdate and conversationUpdate, and may resend them); removed with the bot, so a later install
  // in the same conversation is welcomed again.
  '0004-teams-welcomes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('teams_welcomes')
        .addColumn('conversation_id', 'text', (c) => c.primaryKey())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // One subscription per channel and target, held by the database: `remind mali` twice at once makes one. The key
  // is set on active subscriptions only (a disabled one frees it). Rows already duplicated keep working: the oldest
  // of each group takes the key, the others stay without one (NULL never conflicts), so this never fails on old data.
  '0006-one-subscription-per-target': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('reminders').addColumn('subscription_key', 'text').execute();
      await sql`update reminders set subscription_key = channel_key || ' ' || target_kind || ':' || target_id
        where kind = 'subscription' and disabled_at is null and target_kind is not null and target_id is not null
          and not exists (
            select 1 from reminders o
            where o.kind = 'subscription' and o.disabled_at is null
              and o.channel_key = reminders.channel_key
              and o.target_kind = reminders.target_kind and o.target_id = reminders.target_id
              and (o.created_at < reminders.created_at or (o.created_at = reminders.created_at and o.id < reminders.id))
          )`.execute(db);
      await db.schema
        .createIndex('reminders_one_subscription')
        .on('reminders')
        .column('subscription_key')
        .unique()
        .execute();
    },
  },
  // A Slack channel's Enterprise Grid org, so that its reminders find an org-wide install (issue 17).
  '0007-reminder-enterprise': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('reminders').addColumn('enterprise_id', 'text').execute();
    },
  },
  // Slack retries an event it thinks was not acknowledged; the event ids answered, shared by every replica.
  '0008-slack-events': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('slack_events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('slack_events_received_at').on('slack_events').column('received_at').execute();
    },
  },
  // Each channel's language, set with `lang fr` (issue 16): answers, reminders and digests to the channel follow it.
  // A channel with no row speaks the default (English, or a Teams user's locale).
  '0009-channel-languages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('channel_languages')
        .addColumn('channel_key', 'text', (c) => c.primaryKey())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // Two more kinds of reminder (issues 15 and 11): the weekly digest (its day, horizon, countries and whether an empty
  // week is posted) and curator notices (time of day and zone only, in the existing columns). Both are one per
  // channel, held by subscription_key; a poll reads them by kind, hence the index.
  '0010-digest-and-stale-reminders': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('reminders').addColumn('weekday', 'integer').execute();
      await db.schema.alterTable('reminders').addColumn('within_days', 'integer').execute();
      await db.schema.alterTable('reminders').addColumn('countries', 'text').execute();
      await db.schema.alterTable('reminders').addColumn('post_always', 'integer').execute();
      await db.schema.createIndex('reminders_kind').on('reminders').columns(['kind', 'disabled_at']).execute();
    },
  },
};

/** What a migration may need beyond the database: the secrets key, to seal what an earlier release left in plaintext. */
export interface MigrationContext {
  secrets?: SecretBox;
}

/** Serves the in-code migrations to kysely's Migrator. */
export function inCodeMigrations(context: MigrationContext = {}): MigrationProvider {
  return { getMigrations: async () => ({ ...migrations, ...keyedMigrations(context) }) };
}

// Migrations that need the secrets key, built per start (the table above holds the ones that need nothing).
function keyedMigrations(context: MigrationContext): Record<string, Migration> {
  return {
    // Slack tokens stored in plaintext by the releases before issue 18 are sealed with CAAC_SECRETS_KEY. Without a
    // key the start is refused while plaintext tokens remain, rather than leaving them readable.
    '0005-slack-tokens-sealed': {
      async up(db: Kysely<unknown>) {
        const typed = db as unknown as Kysely<DatabaseSchema>;
        if (context.secrets) {
          await resealInstallations(typed, context.secrets);
          return;
        }
        const rows = await typed.selectFrom('slack_installations').select('installation').execute();
        const plaintext = rows.filter((r) => hasPlaintextSecret(JSON.parse(r.installation) as Record<string, unknown>));
        if (plaintext.length > 0) {
          throw new Error(
            `slack_installations holds ${plaintext.length} Slack installation(s) with tokens in plaintext from an earlier release: set CAAC_SECRETS_KEY (docs/OPERATIONS.md, "Secrets key") so that they are encrypted at this start`,
          );
        }
      },
    },
  };
}
