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

/** `figures` alone: the latest global figures (the annual report's totals), each with its period and source. */
export function globalFigures(ctx: AnswerContext): Answer {
  const all = [...(ctx.dataset.globalFigures ?? [])].sort((a, b) =>
    comparePartialDates(asOfOf(ctx.dataset, b), asOfOf(ctx.dataset, a)),
  );
  const newest = all[0] ? asOfOf(ctx.dataset, all[0]) : undefined;
  const latest = all.filter((f) => asOfOf(ctx.dataset, f) === newest);
  const sections: Section[] = [
    latest.length > 0
      ? { heading: 'Latest global figures', items: latest.map((f) => figureItem(ctx, f)) }
      : { items: [{ text: 'No global figures in this dataset.', tone: 'gap' }] },
  ];
  return {
    kind: 'figures',
    outcome: 'answered',
    title: 'Global figures',
    subtitle: "the Secretary-General's annual report on children and armed conflict: verified totals",
    sections,
    actions: [
      { label: 'Renewals', command: 'renewals' },
      { label: 'Help', command: 'help' },
    ],
    summary: 'Global figures',
  };
}
