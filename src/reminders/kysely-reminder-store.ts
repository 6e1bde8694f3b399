// The reminder store on kysely: records and occurrence queue over one opened Storage (SQLite or PostgreSQL).
import type { Storage } from '../storage/open-database.js';
import { KyselyOccurrenceQueue } from './kysely-occurrence-queue.js';
import { KyselyReminderRecords } from './kysely-reminder-records.js';
import type { ReminderStore } from './reminder-store.js';

/** Creates the reminder store (records and occurrence queue) over an opened Storage. */
export function createReminderStore(storage: Storage): ReminderStore {
  return {
    records: new KyselyReminderRecords(storage.db, storage.dialect),
    queue: new KyselyOccurrenceQueue(storage.db, storage.dialect),
  };
}
