// The parsed form of the text after `/caac`, a Teams message, or `npx caac`. One grammar for every platform.
import type { Lang } from '../i18n/lang.js';

/** A lead time before an event, in days (30d, 7d, 1d). */
export type LeadDays = number;

/** A command, parsed. `invalid` carries what was wrong so the answer can say how to fix it. */
export type Command =
  | { kind: 'help'; topic?: string }
  | { kind: 'lookup'; query: string }
  | { kind: 'group'; query: string }
  | { kind: 'recs'; query: string }
  /** `figures` alone: the latest global figures (the annual report's totals). */
  | { kind: 'figures'; query?: string }
  | { kind: 'sources'; query: string }
  | { kind: 'codes' }
  | {
      kind: 'renewals';
      query?: string;
      /** `within 30d`: only what falls due in the next N days (plus what has expired with no renewal recorded). */
      withinDays?: number;
    }
  | { kind: 'search'; words: string }
  | {
      kind: 'remind';
      /** A country or mission name as typed. */
      target: string;
      /** Lead times in days, largest first; defaults [30, 7, 1]. */
      leadDays: LeadDays[];
      /** Local time of day "HH:MM"; default "09:00". */
      at: string;
      /** IANA zone, or undefined for the service's default. */
      tz?: string;
    }
  | { kind: 'remind-once'; text: string; at: string }
  | {
      kind: 'remind-digest';
      /** ISO day of the week, 1 Monday … 7 Sunday; default Monday. */
      weekday: number;
      /** Local time of day "HH:MM"; default "09:00". */
      at: string;
      /** IANA zone, or undefined for the service's default. */
      tz?: string;
      /** How many days ahead; default 30. */
      withinDays: number;
      /** Country names as typed (none: every country). */
      countries: string[];
      /** Post even a week with nothing to say. */
      always: boolean;
    }
  | {
      kind: 'remind-stale';
      /** Local time of day "HH:MM" of the morning after; default "09:00". */
      at: string;
      tz?: string;
    }
  | { kind: 'reminders' }
  | { kind: 'forget'; id: string }
  /** `lang` alone shows the channel's language; `lang fr` sets it. */
  | { kind: 'lang'; lang?: Lang }
  /**
   * `message` and `usage` are catalogue ids (shown in the answer's language, `values` filling the message's
   * placeholders) or, from older readers, English text shown as it is.
   */
  | { kind: 'invalid'; input: string; message: string; usage: string; values?: Readonly<Record<string, string>> };
