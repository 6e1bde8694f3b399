// Facts about a country shared by several answers: its command name, the data's age line, its latest figures and
// the current one of several dated statements.
import { asOfOf } from '../../dataset/calendar-events.js';
import { countryCommandName } from '../../dataset/resolver.js';
import type { Country, DatedValue, Figure, Provenance } from '../../dataset/schema.js';
import { DEFAULT_LANG, LOCALES } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import type { Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';
import { prose } from '../prose.js';
import {
  comparePartialDates,
  datePrecision,
  daysUntil,
  formatDataAge,
  formatPartialDate,
  partialDateStart,
} from '../format-date.js';

/** The command text that shows a country ("mali", "drc"). */
export function countryCommand(country: Country): string {
  return countryCommandName(country);
}

/**
 * "listing data as of June 2021 (Watchlist, …), over 5 years old": the newest as-of among the facts, and its age.
 * `what` is `listing` for listing data, `data` otherwise.
 */
export function dataAgeLine(
  ctx: AnswerContext,
  facts: readonly Provenance[],
  what: 'listing' | 'data' = 'data',
): string {
  const lang = ctx.lang ?? DEFAULT_LANG;
  // Facts dated after "now" (the CLI's --now in the past) do not count.
  const dated = facts
    .map((f) => ({ f, asOf: asOfOf(ctx.dataset, f) }))
    .filter((x) => x.asOf !== '' && daysUntil(ctx.now, partialDateStart(x.asOf), ctx.zone) <= 0);
  if (dated.length === 0) return t(lang, 'brief.dataAgeNone', { what });
  const newest = dated.reduce((a, b) => (comparePartialDates(b.asOf, a.asOf) > 0 ? b : a));
  const cite = citeFact(ctx.dataset, newest.f, lang);
  const age = formatDataAge(ctx.now, newest.asOf, lang);
  const line = t(lang, 'brief.dataAge', {
    what,
    date: formatPartialDate(newest.asOf, lang),
    precision: datePrecision(newest.asOf) ?? 'none',
    source: cite.label,
  });
  return age ? `${line}, ${age}` : line;
}

/** The newest figure per metric, newest first; figures dated after "now" are left out. */
export function latestFigures(ctx: AnswerContext, country: Country): Figure[] {
  const byMetric = new Map<string, Figure>();
  for (const f of country.figures) {
    const asOf = asOfOf(ctx.dataset, f);
    if (asOf && daysUntil(ctx.now, partialDateStart(asOf), ctx.zone) > 0) continue;
    const seen = byMetric.get(f.metric);
    if (!seen || comparePartialDates(asOfOf(ctx.dataset, seen), asOf) < 0) byMetric.set(f.metric, f);
  }
  return [...byMetric.values()];
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the answer's language writes it: "1,230", "1 230" (with the narrow no-break space Intl gives). */
export function formatNumber(value: number, lang = DEFAULT_LANG): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang]);
    numberFormats.set(lang, f);
  }
  return f.format(value);
}

/** One figure as an item: "236" "grave violations verified" "January–March 2021". */
export function figureItem(ctx: AnswerContext, f: Figure): Item {
  const lang = ctx.lang ?? DEFAULT_LANG;
  return {
    label: `${formatNumber(f.value, lang)}${f.unit ? ` ${prose(f, 'unit', lang)}` : ''}`,
    text: prose(f, 'metric', lang),
    detail: f.note ? `${prose(f, 'period', lang)} (${prose(f, 'note', lang)})` : prose(f, 'period', lang),
    cite: [citeFact(ctx.dataset, f, lang)],
  };
}

/** The statement current at "now": the newest one dated on or before it (undated count as oldest). */
export function currentStatement(ctx: AnswerContext, values: readonly DatedValue[]): DatedValue | undefined {
  const dated = values
    .map((v) => ({ v, asOf: asOfOf(ctx.dataset, v) }))
    .filter((x) => !x.asOf || daysUntil(ctx.now, partialDateStart(x.asOf), ctx.zone) <= 0)
    .sort((a, b) => comparePartialDates(a.asOf, b.asOf));
  return dated.at(-1)?.v;
}
