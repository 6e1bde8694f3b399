// The dated events the bot reminds about: each active mission's current mandate expiry, the end of missions and
// regimes that have ended, and the events editors add. Derived on demand from the dataset, never stored, so that
// an edit to a mandate moves its reminders with it (ids are stable: `<mission>-mandate-expiry`, `<mission>-end`).
import type { CalendarEvent } from './calendar-event.js';
import type { Dataset, Mandate, Mission, PartialDate, Provenance } from './schema.js';

/** The mandate in force: the latest by adoption date, then by expiry (a mandate without dates sorts first). */
export function currentMandate(mission: Mission): Mandate | undefined {
  return sortedMandates(mission).at(-1);
}

/** A mission's mandates, oldest first (by adoption date, then expiry, then resolution year and number). */
export function sortedMandates(mission: Mission): Mandate[] {
  return [...mission.mandates].sort(compareMandates);
}

function compareMandates(a: Mandate, b: Mandate): number {
  return (
    compareText(a.adopted ?? '', b.adopted ?? '') ||
    compareText(a.expires ?? '', b.expires ?? '') ||
    compareText(resolutionKey(a.resolution), resolutionKey(b.resolution))
  );
}

/** "2531 (2020)" -> "2020-02531", so that resolutions without dates still sort in order of adoption. */
function resolutionKey(resolution: string): string {
  const m = /^(\d+) \((\d{4})\)$/.exec(resolution);
  return m ? `${m[2]}-${m[1]!.padStart(5, '0')}` : resolution;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The as-of date of a fact: its own `as_of`, else its source's date. */
export function asOfOf(dataset: Dataset, fact: Provenance): PartialDate {
  return fact.as_of ?? dataset.sources.get(fact.source)?.date ?? '';
}

/** "MONUSCO's mandate expires", or "1533 DRC sanctions: measures expire" for a sanctions regime. */
export function expiryTitle(mission: Mission): string {
  return mission.kind === 'sanctions-regime'
    ? `${mission.acronym}: measures expire`
    : `${mission.acronym}'s mandate expires`;
}

/** Every calendar event of the dataset, sorted by date (then id). */
export function calendarEvents(dataset: Dataset): CalendarEvent[] {
  const out: CalendarEvent[] = [];
  for (const mission of dataset.missions.values()) {
    const current = mission.status === 'active' ? currentMandate(mission) : undefined;
    if (current?.expires) {
      out.push({
        id: `${mission.id}-mandate-expiry`,
        kind: 'mandate-expiry',
        date: current.expires,
        title: expiryTitle(mission),
        countryId: mission.country,
        missionId: mission.id,
        resolution: current.resolution,
        ...(current.adopted ? { adopted: current.adopted } : {}),
        source: current.source,
        asOf: asOfOf(dataset, current),
        ...(current.unverified ? { unverified: current.unverified } : {}),
      });
    }
    if (mission.end) {
      out.push({
        id: `${mission.id}-end`,
        kind: 'mission-end',
        date: mission.end.date,
        title: `${mission.acronym}: ${mission.end.text}`,
        countryId: mission.country,
        missionId: mission.id,
        ...(mission.end.resolution ? { resolution: mission.end.resolution } : {}),
        source: mission.end.source,
        asOf: asOfOf(dataset, mission.end),
        ...(mission.end.unverified ? { unverified: mission.end.unverified } : {}),
      });
    }
  }
  for (const event of dataset.events.values()) {
    const country = event.country ?? (event.mission ? dataset.missions.get(event.mission)?.country : undefined);
    out.push({
      id: event.id,
      kind: event.kind,
      date: event.date,
      title: event.title,
      ...(country ? { countryId: country } : {}),
      ...(event.mission ? { missionId: event.mission } : {}),
      ...(event.symbol ? { resolution: event.symbol } : {}),
      source: event.source,
      asOf: asOfOf(dataset, event),
      ...(event.unverified ? { unverified: event.unverified } : {}),
    });
  }
  return out.sort((a, b) => compareText(a.date, b.date) || compareText(a.id, b.id));
}
