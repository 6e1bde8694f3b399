// Each channel's language, as `lang fr` set it: one row per channel key ("slack:T1:C1"), read on every command from
// a channel and by the scheduler before it posts, so that answers, reminders and digests follow it.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';

/** Reads and writes channels' languages (the core's ChannelLanguages port). */
export interface ChannelLanguageStore {
  get(channelKey: string): Promise<string | undefined>;
  set(channelKey: string, lang: string): Promise<void>;
}

/** The store on the service's database (table channel_languages). `now` stamps each change. */
export function createChannelLanguageStore(db: Kysely<DatabaseSchema>, now: () => Date): ChannelLanguageStore {
  return {
    async get(channelKey) {
      const row = await db
        .selectFrom('channel_languages')
        .select('lang')
        .where('channel_key', '=', channelKey)
        .executeTakeFirst();
      return row?.lang;
    },
    async set(channelKey, lang) {
      const updated_at = now().toISOString();
      // One statement: the last `lang` typed wins, on SQLite and PostgreSQL alike.
      await db
        .insertInto('channel_languages')
        .values({ channel_key: channelKey, lang, updated_at })
        .onConflict((oc) => oc.column('channel_key').doUpdateSet({ lang, updated_at }))
        .execute();
    },
  };
}
