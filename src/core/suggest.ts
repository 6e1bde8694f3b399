// Names as they are typed (the Teams search box): the countries and parties a partial name may mean, each with the
// command that answers it, so that a platform can offer them without reaching into the dataset.
import { entityCommand, listEntities, resolveName } from '../dataset/resolver.js';
import type { Entity } from '../dataset/resolver.js';
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { Command } from './command.js';
import { countryName } from './names.js';
import { parseCommand } from './parse-command.js';

/** One candidate: the command that answers it, and how to show it in a list. */
export interface Suggestion {
  command: Command;
  /** The entity's name (a country's in the language asked for). */
  title: string;
  /** What it is, in the language asked for: "Country", "Party to conflict · Mali", "Partie au conflit · Mali". */
  subtitle: string;
}

/** How many suggestions at most (a search list shows about ten without scrolling). */
const MAX_SUGGESTIONS = 8;

/** The countries and parties `text` may name (best first); with no text, the first countries. */
export function suggest(dataset: Dataset, text: string, lang: Lang = DEFAULT_LANG): Suggestion[] {
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
      title: entity.kind === 'country' ? countryName(entity.country, lang) : entity.name,
      subtitle: subtitleOf(dataset, entity, lang),
    }));
}

function subtitleOf(dataset: Dataset, entity: Entity, lang: Lang): string {
  const nameOf = (id: string) => {
    const country = dataset.countries.get(id);
    return country ? countryName(country, lang) : id;
  };
  if (entity.kind === 'party') return t(lang, 'suggest.party', { country: nameOf(entity.party.country) });
  if (entity.kind === 'mission') return t(lang, 'suggest.mission', { country: nameOf(entity.mission.country) });
  return t(lang, 'suggest.country');
}
