// `figures <country>`: verified figures with their periods and sources, newest first.
import { asOfOf } from '../../dataset/calendar-events.js';
import type { Country } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { comparePartialDates } from '../format-date.js';
import { countryName } from '../names.js';
import { countryCommand, figureItem, latestFigures } from './country-facts.js';

/** The figures on one country: the latest per metric, then any older ones. */
export function figures(ctx: AnswerContext, country: Country): Answer {
  const m = messages(ctx.lang ?? DEFAULT_LANG);
  const name = countryName(country, ctx.lang);
  const cmd = countryCommand(country);
  const latest = latestFigures(ctx, country);
  const older = country.figures
    .filter((f) => !latest.includes(f))
    .sort((a, b) => comparePartialDates(asOfOf(ctx.dataset, b), asOfOf(ctx.dataset, a)));
  const sections: Section[] = [];
  if (latest.length > 0)
    sections.push({ heading: m('brief.latestFigures'), items: latest.map((f) => figureItem(ctx, f)) });
  if (older.length > 0)
    sections.push({
      heading: m('figures.older'),
      items: older.map((f) => ({ ...figureItem(ctx, f), tone: 'past' as const })),
    });
  if (sections.length === 0) sections.push({ items: [{ text: m('figures.none', { country: name }), tone: 'gap' }] });
  return {
    kind: 'figures',
    outcome: 'answered',
    title: m('figures.title', { country: name }),
    subtitle: m('figures.subtitle'),
    sections,
    actions: [
      { label: name, command: cmd },
      { label: m('action.recommendations'), command: `recs ${cmd}` },
      { label: m('action.sources'), command: `sources ${cmd}` },
    ],
    summary: m('figures.summary', { country: name }),
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
