// Each channel's language, as `lang fr` set it: one row per channel key ("slack:T1:C1"), read on every command from
// a channel and by the scheduler before it posts, so that answers, reminders and digests follow it. Reads go through
// a small in-memory cache: a query per command (Kysely compiling it, SQLite preparing it) cost more than the rest of
// a memoised answer, and a channel's language changes rarely. `set` updates this process's cache at once; another
// replica sharing the database sees the change within CACHE_MS.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';

/** How long a read is trusted, in milliseconds of real time (not the answers' clock, which tests and `--now` fix). */
export const CHANNEL_LANGUAGE_CACHE_MS = 10_000;

/** Channels whose language is kept in memory at most (the oldest read is dropped first). */
const CACHE_ENTRIES = 20_000;

/** Reads and writes channels' languages (the core's ChannelLanguages port). */
export interface ChannelLanguageStore {
  get(channelKey: string): Promise<string | undefined>;
  set(channelKey: string, lang: string): Promise<void>;
}

interface Cached {
  lang: string | undefined;
  until: number;
}

/**
 * The store on the service's database (table channel_languages). `now` stamps each change; `cacheMs` (default
 * CHANNEL_LANGUAGE_CACHE_MS) is how long a read is trusted.
 */
export function createChannelLanguageStore(
  db: Kysely<DatabaseSchema>,
  now: () => Date,
  cacheMs = CHANNEL_LANGUAGE_CACHE_MS,
): ChannelLanguageStore {
  const cache = new Map<string, Cached>();
  // Bumped by every set: a read that was in flight meanwhile may hold the old value, so it is not cached.
  let writes = 0;
  const remember = (channelKey: string, lang: string | undefined) => {
    cache.delete(channelKey);
    cache.set(channelKey, { lang, until: performance.now() + cacheMs });
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  };
  return {
    async get(channelKey) {
      const cached = cache.get(channelKey);
      if (cached && cached.until > performance.now()) return cached.lang;
      const writesBefore = writes;
      const row = await db
        .selectFrom('channel_languages')
        .select('lang')
        .where('channel_key', '=', channelKey)
        .executeTakeFirst();
      if (writes === writesBefore) remember(channelKey, row?.lang);
      return row?.lang;
    },
    async set(channelKey, lang) {
      const updated_at = now().toISOString();
      writes++; // before and after: a read that spans the write, whichever side of it, is not cached
      // One statement: the last `lang` typed wins, on SQLite and PostgreSQL alike.
      await db
        .insertInto('channel_languages')
        .values({ channel_key: channelKey, lang, updated_at })
        .onConflict((oc) => oc.column('channel_key').doUpdateSet({ lang, updated_at }))
        .execute();
      writes++;
      remember(channelKey, lang);
    },
  };
}
