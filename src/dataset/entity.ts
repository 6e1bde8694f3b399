// What a name resolves to (a country, party or mission), the names each answers to, and how names are folded for
// comparison. Shared by the indexes (dataset-indexes.ts) and the resolver.
import type { Country, Mission, Party, Provenance } from './schema.js';

/** Something a name can resolve to. */
export type Entity =
  | { kind: 'country'; id: string; name: string; country: Country }
  | { kind: 'party'; id: string; name: string; party: Party }
  | { kind: 'mission'; id: string; name: string; mission: Mission };

/** The kinds of entity a name can resolve to. */
export type EntityKind = Entity['kind'];

/** One hit of a full-text search: a fact or a name, with where it belongs and what backs it. */
export interface SearchHit {
  kind: 'country' | 'party' | 'mission' | 'recommendation' | 'figure' | 'summary' | 'action-plan' | 'event';
  /** The country it belongs to, if any. */
  countryId?: string | undefined;
  /** A short heading: the party, mission or country name. */
  label: string;
  /** The text that matched. */
  text: string;
  /** The command that shows more, e.g. "recs mali". */
  command: string;
  provenance?: Provenance | undefined;
  score: number;
}

/** Anything but printable ASCII: such a text takes the Unicode path. */
const NOT_PLAIN_ASCII = /[^ -~]/;

/** Folds a name for comparison: no accents, lower case, punctuation as spaces ("Libération de l'Azawad" -> "liberation de l azawad"). */
export function foldName(text: string): string {
  // Plain ASCII (most names) has no accents to take off: the same result without Unicode normalisation.
  if (!NOT_PLAIN_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a text, as the indexes hold them. */
export function tokenize(text: string): string[] {
  return foldName(text)
    .split(' ')
    .filter((t) => t !== '');
}

/** The short name people use: the first acronym of a party, a mission's acronym, a country's name. */
export function shortName(entity: Entity): string {
  if (entity.kind === 'party') return entity.party.acronyms[0] ?? entity.party.name;
  if (entity.kind === 'mission') return entity.mission.acronym;
  return entity.country.name;
}

/** Text of a command that shows this entity and resolves back to it exactly ("mali", "mnla", "minusma"). */
export function entityCommand(entity: Entity): string {
  if (entity.kind === 'country') return countryCommandName(entity.country);
  if (entity.kind === 'party') return (entity.party.acronyms[0] ?? entity.party.id).toLowerCase();
  return entity.mission.acronym.toLowerCase();
}

/** The shortest fitting name of a country for a command: its name, else an acronym in use (DRC), else its ISO code. */
export function countryCommandName(country: Country): string {
  if (country.name.length <= 24) return country.name.toLowerCase();
  const acronym = country.other_names.find((n) => /^[A-Z]{2,6}$/.test(n));
  return (acronym ?? country.iso3 ?? country.id).toLowerCase();
}

/** Every name an entity answers to: names, acronyms, other names, ISO codes and its id. */
export function namesOf(entity: Entity): { primary: string[]; aliases: string[] } {
  switch (entity.kind) {
    case 'country': {
      const c = entity.country;
      return {
        primary: [c.name],
        aliases: [
          ...c.other_names,
          ...Object.values(c.names ?? {}).filter((n): n is string => n !== undefined),
          ...(c.iso2 ? [c.iso2] : []),
          ...(c.iso3 ? [c.iso3] : []),
          c.id,
        ],
      };
    }
    case 'party': {
      const p = entity.party;
      return { primary: [p.name, ...p.acronyms], aliases: [...p.other_names, p.id] };
    }
    case 'mission': {
      const m = entity.mission;
      // Names in other languages (FISNUA for UNISFA) find the mission too.
      const translated = Object.values(m.names ?? {}).flatMap((n) =>
        n ? [n.name, ...(n.acronym ? [n.acronym] : [])] : [],
      );
      return {
        primary: [m.acronym, m.name],
        aliases: [...m.other_names, ...translated, ...(m.committee ? [m.committee] : []), m.id],
      };
    }
  }
}
