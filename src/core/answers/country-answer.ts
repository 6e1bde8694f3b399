// The answers about one country (recs, figures, sources, renewals <country>): the name resolved to a country, where a
// party or mission stands for its country ("recs mnla" is Mali's), and a note on the answer saying so.
import { resolveName } from '../../dataset/resolver.js';
import type { Country } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { countryName } from '../names.js';
import { closeNote } from './lookup.js';
import { noMatch } from './no-match.js';

/** `build`'s answer for the country `query` names, or the nearest names; `prefix` is the command word. */
export function countryAnswer(
  ctx: AnswerContext,
  query: string,
  prefix: string,
  build: (ctx: AnswerContext, country: Country) => Answer,
): Answer {
  const r = resolveName(ctx.dataset, query);
  if (!r.ok) return noMatch(ctx, query, r.suggestions, 'country', prefix);
  const e = r.entity;
  const countryId = e.kind === 'country' ? e.id : e.kind === 'party' ? e.party.country : e.mission.country;
  const country = ctx.dataset.countries.get(countryId);
  if (!country) return noMatch(ctx, query, [], 'country', prefix);
  const note =
    e.kind === 'country'
      ? closeNote(ctx, query, e, r.confidence)
      : t(ctx.lang ?? DEFAULT_LANG, 'countryOf', { country: countryName(country, ctx.lang), name: e.name });
  return withNote(build(ctx, country), note);
}

function withNote(answer: Answer, note: string | undefined): Answer {
  if (!note) return answer;
  return { ...answer, subtitle: answer.subtitle ? `${note} · ${answer.subtitle}` : note };
}
