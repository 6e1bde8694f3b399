// The reminder model: what a channel asked to be reminded of, and the occurrences the scheduler delivers.
import type { ChannelRef } from '../core/ports.js';

/** What a subscription follows: every dated event of a country (its missions included) or of one mission. */
export interface ReminderTarget {
  kind: 'country' | 'mission';
  id: string;
}

/** A target whose events may fire in a window, with the lead times that would make them fire (none listed: any). */
export interface TargetLeads {
  target: ReminderTarget;
  leads?: number[];
}

interface ReminderBase {
  /** Short id users type in `forget <id>`. */
  id: string;
  channel: ChannelRef;
  /** channelKey(channel). */
  channelKey: string;
  /** IANA zone the reminder's times are read and shown in. */
  tz: string;
  createdAt: Date;
  createdBy?: string;
  /** Set when the platform said this channel cannot be posted to any more. */
  disabled?: { at: Date; reason: string };
}

/** A channel's subscription to a country's or mission's dated events, at lead days before each, at a local time. */
export interface SubscriptionReminder extends ReminderBase {
  kind: 'subscription';
  target: ReminderTarget;
  /** Largest first: [30, 7, 1]. */
  leadDays: number[];
  /** Local time of day "HH:MM". */
  at: string;
}

/** A one-off reminder: a text posted once at an instant. */
export interface OneOffReminder extends ReminderBase {
  kind: 'once';
  text: string;
  fireAt: Date;
}

/** Days of the week as ISO numbers: 1 Monday … 7 Sunday (luxon's `weekday`). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A channel's weekly digest: every mandate expiry and dated event in the next `withinDays` days (of some countries,
 * or all), posted on a day of the week at a local time; an empty week is not posted unless `always`.
 */
export interface DigestReminder extends ReminderBase {
  kind: 'digest';
  weekday: Weekday;
  /** Local time of day "HH:MM". */
  at: string;
  withinDays: number;
  /** Country ids, in the order given; none: every country. */
  countries: string[];
  /** Post even a week with nothing to say. */
  always: boolean;
}

/**
 * A channel's curator notices: the morning after a mandate or regime expires with no renewal recorded, one message
 * naming it (the list of `caac data stale`), at a local time of day.
 */
export interface StaleReminder extends ReminderBase {
  kind: 'stale';
  /** Local time of day "HH:MM". */
  at: string;
}

/** Any kind of reminder. */
export type Reminder = SubscriptionReminder | OneOffReminder | DigestReminder | StaleReminder;

/** The reminders a channel holds at most one of, whatever their settings: re-issuing the command updates it. */
export type ChannelWideReminder = DigestReminder | StaleReminder;

/** What a caller gives to create a subscription. */
export type NewSubscription = Omit<SubscriptionReminder, 'id' | 'channelKey' | 'createdAt' | 'disabled' | 'kind'>;
/** What a caller gives to create a one-off. */
export type NewOneOff = Omit<OneOffReminder, 'id' | 'channelKey' | 'createdAt' | 'disabled' | 'kind'>;

/** What a caller gives to create a digest. */
export type NewDigest = Omit<DigestReminder, 'id' | 'channelKey' | 'createdAt' | 'disabled' | 'kind'>;
/** What a caller gives to create curator notices. */
export type NewStale = Omit<StaleReminder, 'id' | 'channelKey' | 'createdAt' | 'disabled' | 'kind'>;

/** What a caller gives to create any kind. */
export type NewReminder =
  | ({ kind: 'subscription' } & NewSubscription)
  | ({ kind: 'once' } & NewOneOff)
  | ({ kind: 'digest' } & NewDigest)
  | ({ kind: 'stale' } & NewStale);

/** The outcome recorded for an occurrence. */
export type OccurrenceOutcome = 'delivered' | 'late' | 'skipped' | 'failed' | 'possible-repeat';

/** An occurrence due now, as the scheduler plans it from the dataset (before it is stored). */
export interface PlannedOccurrence {
  reminderId: string;
  /**
   * Unique per reminder: `<event id>@<fire instant>#<lead>d`, `once@<instant>`, `digest@<week's instant>`, or
   * `stale:<mission id>@<expiry day>` (one notice per row and expiry, whatever the time it is set to).
   */
  key: string;
  eventId?: string;
  leadDays?: number;
  dueAt: Date;
}

/** An occurrence as stored. */
export interface Occurrence extends PlannedOccurrence {
  id: string;
  status: 'pending' | 'claimed' | 'done';
  outcome?: OccurrenceOutcome;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil?: Date;
  claimedBy?: string;
  possibleRepeat: boolean;
  lastError?: string;
  messageId?: string;
  recordedAt?: Date;
}

/** An occurrence this scheduler holds a lease on; `token` proves it when recording. */
export interface ClaimedOccurrence extends Occurrence {
  status: 'claimed';
  token: string;
  leaseUntil: Date;
}
