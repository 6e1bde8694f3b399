// A name that matches nothing: say so, and offer the nearest names (or the countries covered) as next commands.
import { entityCommand, listEntities, shortName } from '../../dataset/resolver.js';
import type { Entity } from '../../dataset/resolver.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { countryName } from '../names.js';
import { partiesOf } from '../party-facts.js';

/** What a miss was looking for: a country, a party, or either. */
export type MissKind = 'country' | 'party' | 'country or party';

/** The answer to a miss. `what` says what was looked for. */
export function noMatch(
  ctx: AnswerContext,
  query: string,
  suggestions: readonly Entity[],
  what: MissKind = 'country or party',
  prefix = '',
): Answer {
  const m = messages(ctx.lang ?? DEFAULT_LANG);
  const names = suggestions.slice(0, 5);
  const nameOf = (e: Entity) => (e.kind === 'country' ? countryName(e.country, ctx.lang) : shortName(e));
  if (names.length > 0) {
    const list = names.map(nameOf);
    const didYouMean =
      list.length === 1 ? list[0]! : m('list.or', { head: list.slice(0, -1).join(', '), last: list.at(-1)! });
    const title = m('noMatch.didYouMean', { what, query, names: didYouMean });
    return {
      kind: 'no-match',
      outcome: 'no-match',
      title,
      sections: [],
      actions: names.map((e) => ({ label: nameOf(e), command: `${prefix}${entityCommand(e)}` })),
      summary: title,
    };
  }
  const covered = listEntities(ctx.dataset, 'country');
  const ranked = byRichness(ctx, covered);
  const list = ranked.map(nameOf).join(', ');
  return {
    kind: 'no-match',
    outcome: 'no-match',
    title: m('noMatch.none', { what, query }),
    subtitle: covered.length > 0 ? m('noMatch.covers', { list }) : m('noMatch.coversNone'),
    sections: [],
    // Nothing is near the query, so offer the countries the dataset says most about rather than the first by name.
    actions: [
      ...ranked.slice(0, 3).map((e) => ({ label: nameOf(e), command: `${prefix}${entityCommand(e)}` })),
      { label: m('action.help'), command: 'help' },
    ],
    summary: m('noMatch.noneSummary', { what, query }),
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
