// A name that matches nothing: say so, and offer the nearest names (or the countries covered) as next commands.
import { entityCommand, listEntities, shortName } from '../../dataset/resolver.js';
import type { Entity } from '../../dataset/resolver.js';
import type { Answer } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { partiesOf } from '../party-facts.js';

/** The answer to a miss. `what` says what was looked for ("country or party", "party", "country"). */
export function noMatch(
  ctx: AnswerContext,
  query: string,
  suggestions: readonly Entity[],
  what = 'country or party',
  prefix = '',
): Answer {
  const names = suggestions.slice(0, 5);
  if (names.length > 0) {
    const list = names.map(shortName);
    const didYouMean = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
    return {
      kind: 'no-match',
      outcome: 'no-match',
      title: `No ${what} is called "${query}". Did you mean ${didYouMean}?`,
      sections: [],
      actions: names.map((e) => ({ label: shortName(e), command: `${prefix}${entityCommand(e)}` })),
      summary: `No ${what} is called "${query}". Did you mean ${didYouMean}?`,
    };
  }
  const covered = listEntities(ctx.dataset, 'country');
  const ranked = byRichness(ctx, covered);
  const list = ranked.map((e) => e.name).join(', ');
  return {
    kind: 'no-match',
    outcome: 'no-match',
    title: `No ${what} matches "${query}".`,
    subtitle: covered.length > 0 ? `The dataset covers: ${list}.` : 'The dataset covers no country yet.',
    sections: [],
    // Nothing is near the query, so offer the countries the dataset says most about rather than the first by name.
    actions: [
      ...ranked.slice(0, 3).map((e) => ({ label: e.name, command: `${prefix}${entityCommand(e)}` })),
      { label: 'Help', command: 'help' },
    ],
    summary: `No ${what} matches "${query}". Try: help`,
  };
}

/** Countries ordered by how much the dataset holds on them (listed parties, figures, recommendations), then by name. */
function byRichness(ctx: AnswerContext, countries: readonly Entity[]): Entity[] {
  const missionsIn = new Map<string, number>();
  for (const m of ctx.dataset.missions.values()) missionsIn.set(m.country, (missionsIn.get(m.country) ?? 0) + 1);
  const weight = (e: Entity): number => {
    const c = ctx.dataset.countries.get(e.id);
    if (!c) return 0;
    const parties = partiesOf(ctx.dataset, c).length;
    const missions = missionsIn.get(c.id) ?? 0;
    return parties * 10 + c.figures.length + c.recommendations.length + (c.in_annexes_since ? 10 : 0) + missions;
  };
  return countries
    .map((e) => ({ e, w: weight(e) }))
    .sort((a, b) => b.w - a.w || a.e.name.localeCompare(b.e.name))
    .map((x) => x.e);
}
