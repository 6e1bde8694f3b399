// A dated event as the core and the reminders see it: mandate expiries and ends derived from missions, plus the
// events editors add. See calendar-events.ts for how they are derived.
import type { PartialDate } from './schema.js';

/** One dated event on the calendar. */
export interface CalendarEvent {
  /**
   * Stable id, so that reminders follow the event when an editor changes its date:
   * `<mission id>-mandate-expiry` for the current mandate of an active mission, `<mission id>-end` for the end of a
   * mission or regime, and the editor's own id for events from data.
   */
  id: string;
  kind: 'mandate-expiry' | 'mission-end' | 'report' | 'open-debate' | 'working-group' | 'meeting' | 'other';
  /** With the precision it has in the data: a mandate expiry is a day; an editor's event may be a month. */
  date: PartialDate;
  /** What happens, in words: "MONUSCO's mandate expires". */
  title: string;
  countryId?: string;
  missionId?: string;
  /** The resolution or document behind it: "2808 (2025)", "A/78/842-S/2024/384". */
  resolution?: string;
  /** For mandate expiries: the adoption date of the resolution. */
  adopted?: string;
  /** Provenance, as in the data. */
  source: string;
  asOf: PartialDate;
  unverified?: string;
}
