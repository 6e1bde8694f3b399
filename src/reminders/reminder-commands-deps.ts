// What the reminder commands (remind, remind "<text>" at …, reminders, forget) need, shared by their answer files.
import type { Clock } from '../core/clock.js';
import type { Deliveries } from '../core/delivery.js';
import type { Dataset } from '../dataset/schema.js';
import type { ReminderRecords } from './reminder-records.js';

/** What the reminder commands need. */
export interface ReminderCommandsDeps {
  records: ReminderRecords;
  dataset: () => Dataset;
  clock: Clock;
  /** The platforms' deliveries, asked whether they can post to a channel before anything is stored. */
  deliveries: Deliveries;
  /** Zone for reminders that name none (CAAC_DEFAULT_TZ). Default UTC. */
  defaultTz?: string;
}

/** The most reminders one channel may hold, so that a loop in a script cannot fill the store. */
export const MAX_REMINDERS_PER_CHANNEL = 50;
