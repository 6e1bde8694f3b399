// `recs <country>`: the recommendations to the Security Council, quoted word for word, dated and sourced. Quotes stay
// in the language of their source, and the answer says which language that is when it differs from its own.
import type { Country, Recommendation } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';
import { comparePartialDates, formatPartialDate } from '../format-date.js';
import { countryName } from '../names.js';
import { countryCommand } from './country-facts.js';
import { prose, proseList } from '../prose.js';

/** The recommendations on one country, newest first, grouped by addressee, date and source. */
export function recommendations(ctx: AnswerContext, country: Country): Answer {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const name = countryName(country, lang);
  const cmd = countryCommand(country);
  const groups = new Map<string, Recommendation[]>();
  const sorted = [...country.recommendations].sort((a, b) => comparePartialDates(b.date, a.date));
  for (const r of sorted) {
    const key = `${r.to}|${r.date}|${r.source}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const quoteLang = (r: Recommendation) => ctx.dataset.sources.get(r.source)?.lang ?? 'en';
  const languages = new Set(country.recommendations.map(quoteLang));
  // One language for every quote: said once in the subtitle; several: said beside each quote in another language.
  const only = languages.size === 1 ? [...languages][0] : undefined;
  const sections: Section[] = [...groups.values()].map((recs) => {
    const r = recs[0]!;
    const date = formatPartialDate(r.date, lang);
    return {
      heading:
        r.to === 'Security Council' ? m('recs.toCouncil', { date }) : m('recs.to', { to: prose(r, 'to', lang), date }),
      items: recs.map((x) => {
        const notes = [
          ...(x.topics.length > 0 ? [m('recs.topics', { topics: proseList(x, 'topics', lang, ', ') })] : []),
          ...(only === undefined && quoteLang(x) !== lang ? [m('quote.language', { source: quoteLang(x) })] : []),
        ];
        return {
          text: x.text,
          ...(notes.length > 0 ? { detail: notes.join(m('punct.semicolon')) } : {}),
          cite: [citeFact(ctx.dataset, x, lang)],
        };
      }),
    };
  });
  if (sections.length === 0) sections.push({ items: [{ text: m('recs.none', { country: name }), tone: 'gap' }] });
  const count = country.recommendations.length;
  return {
    kind: 'recs',
    outcome: 'answered',
    title: m('recs.title', { country: name }),
    subtitle:
      only !== undefined && only !== lang
        ? m('recs.subtitleIn', { count, source: only })
        : m('recs.subtitle', { count }),
    sections,
    actions: [
      { label: name, command: cmd },
      { label: m('action.figures'), command: `figures ${cmd}` },
      { label: m('action.sources'), command: `sources ${cmd}` },
    ],
    summary: m('recs.summary', { country: name, count }),
  };
}
