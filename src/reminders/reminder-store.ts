// The reminder store: the records (what channels asked for) and the occurrence queue (what is due, claimed, sent),
// two contracts opened together on one database.
import type { OccurrenceQueue } from './occurrence-queue.js';
import type { ReminderRecords } from './reminder-records.js';

/** Both halves of the reminder store, on one database. */
export interface ReminderStore {
  records: ReminderRecords;
  queue: OccurrenceQueue;
}
