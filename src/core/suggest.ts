// Names as they are typed (the Teams search box): the countries and parties a partial name may mean, each with the
// command that answers it, so that a platform can offer them without reaching into the dataset.
import { entityCommand, listEntities, resolveName } from '../dataset/resolver.js';
import type { Entity } from '../dataset/resolver.js';
import type { Dataset } from '../dataset/schema.js';
import type { Command } from './command.js';
import { parseCommand } from './parse-command.js';

/** One candidate: the command that answers it, and how to show it in a list. */
export interface Suggestion {
  command: Command;
  /** The entity's name. */
  title: string;
  /** What it is: "Country", "Party to conflict · Mali", "Mission · Mali". */
  subtitle: string;
}

/** How many suggestions at most (a search list shows about ten without scrolling). */
const MAX_SUGGESTIONS = 8;

/** The countries and parties `text` may name (best first); with no text, the first countries. */
export function suggest(dataset: Dataset, text: string): Suggestion[] {
  let entities: Entity[];
  if (text === '') {
    entities = listEntities(dataset, 'country');
  } else {
    const r = resolveName(dataset, text, { kinds: ['country', 'party'] });
    entities = r.ok ? [r.entity, ...r.suggestions] : r.suggestions;
  }
  const seen = new Set<string>();
  return entities
    .filter((e) => !seen.has(`${e.kind}:${e.id}`) && seen.add(`${e.kind}:${e.id}`))
    .slice(0, MAX_SUGGESTIONS)
    .map((entity) => ({
      // The command a user would type: parsed like theirs, so it shares their answers in the memo.
      command: parseCommand(entity.kind === 'party' ? `group ${entityCommand(entity)}` : entityCommand(entity)),
      title: entity.name,
      subtitle: subtitleOf(dataset, entity),
    }));
}

function subtitleOf(dataset: Dataset, entity: Entity): string {
  const countryName = (id: string) => dataset.countries.get(id)?.name ?? id;
  if (entity.kind === 'party') return `Party to conflict · ${countryName(entity.party.country)}`;
  if (entity.kind === 'mission') return `Mission · ${countryName(entity.mission.country)}`;
  return 'Country';
}
