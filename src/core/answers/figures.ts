// `figures <country>`: verified figures with their periods and sources, newest first.
import { asOfOf } from '../../dataset/calendar-events.js';
import type { Country } from '../../dataset/schema.js';
import type { Answer, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { comparePartialDates } from '../format-date.js';
import { countryCommand, figureItem, latestFigures } from './country-brief.js';

/** The figures on one country: the latest per metric, then any older ones. */
export function figures(ctx: AnswerContext, country: Country): Answer {
  const cmd = countryCommand(country);
  const latest = latestFigures(ctx, country);
  const older = country.figures
    .filter((f) => !latest.includes(f))
    .sort((a, b) => comparePartialDates(asOfOf(ctx.dataset, b), asOfOf(ctx.dataset, a)));
  const sections: Section[] = [];
  if (latest.length > 0)
    sections.push({ heading: 'Latest verified figures', items: latest.map((f) => figureItem(ctx, f)) });
  if (older.length > 0)
    sections.push({
      heading: 'Earlier or later figures',
      items: older.map((f) => ({ ...figureItem(ctx, f), tone: 'past' as const })),
    });
  if (sections.length === 0)
    sections.push({ items: [{ text: `No verified figures on ${country.name} in this dataset.`, tone: 'gap' }] });
  return {
    kind: 'figures',
    outcome: 'answered',
    title: `Figures on ${country.name}`,
    subtitle: 'verified figures, each with its period and source',
    sections,
    actions: [
      { label: country.name, command: cmd },
      { label: 'Recommendations', command: `recs ${cmd}` },
      { label: 'Sources', command: `sources ${cmd}` },
    ],
    summary: `Figures on ${country.name}`,
  };
}
