// `recs <country>`: the recommendations to the Security Council, quoted word for word, dated and sourced.
import type { Country, Recommendation } from '../../dataset/schema.js';
import type { Answer, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';
import { comparePartialDates, formatPartialDate } from '../format-date.js';
import { countryCommand } from './country-brief.js';

/** The recommendations on one country, newest first, grouped by addressee, date and source. */
export function recommendations(ctx: AnswerContext, country: Country): Answer {
  const cmd = countryCommand(country);
  const groups = new Map<string, Recommendation[]>();
  const sorted = [...country.recommendations].sort((a, b) => comparePartialDates(b.date, a.date));
  for (const r of sorted) {
    const key = `${r.to}|${r.date}|${r.source}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sections: Section[] = [...groups.values()].map((recs) => {
    const r = recs[0]!;
    return {
      heading: `To the ${r.to} · ${formatPartialDate(r.date)}`,
      items: recs.map((x) => ({
        text: x.text,
        ...(x.topics.length > 0 ? { detail: `topics: ${x.topics.join(', ')}` } : {}),
        cite: [citeFact(ctx.dataset, x)],
      })),
    };
  });
  if (sections.length === 0)
    sections.push({ items: [{ text: `No recommendations on ${country.name} in this dataset.`, tone: 'gap' }] });
  return {
    kind: 'recs',
    outcome: 'answered',
    title: `Recommendations on ${country.name}`,
    subtitle: `${country.recommendations.length} quoted word for word from the source`,
    sections,
    actions: [
      { label: country.name, command: cmd },
      { label: 'Figures', command: `figures ${cmd}` },
      { label: 'Sources', command: `sources ${cmd}` },
    ],
    summary: `Recommendations on ${country.name} (${country.recommendations.length})`,
  };
}
