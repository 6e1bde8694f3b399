// Versioned migrations, in code so that they ship inside the build (no migrations folder to find at run time).
// Names sort in the order they run. Never edit a released migration: add the next one.
import type { Kysely, Migration, MigrationProvider } from 'kysely';

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
};

/** Serves the in-code migrations to kysely's Migrator. */
export const inCodeMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
