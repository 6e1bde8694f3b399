// Citations: every fact the bot shows carries its source and as-of date, built here from the dataset's provenance.
import { asOfOf } from '../dataset/calendar-events.js';
import type { Dataset, Provenance, Source } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { Citation } from './answer.js';
import { datePrecision, formatPartialDate } from './format-date.js';
import { nameIn, prose } from './prose.js';

/** "Watchlist, Children and Armed Conflict Monthly Update – June 2021": publisher and title. */
export function sourceLabel(source: Source, lang: Lang = DEFAULT_LANG): string {
  // Titles stay as published; the publisher's own words ("copy of the report") follow the answer's language.
  return source.title.toLowerCase().startsWith(source.publisher.toLowerCase())
    ? source.title
    : `${nameIn(source, 'publisher', lang)}, ${source.title}`;
}

/** The citation of one fact: its source, its as-of date (with its precision), link or symbol, and any caveat. */
export function citeFact(dataset: Dataset, fact: Provenance, lang: Lang = DEFAULT_LANG): Citation {
  const source = dataset.sources.get(fact.source);
  const asOf = asOfOf(dataset, fact);
  const cite: Citation = {
    sourceId: fact.source,
    label: source ? sourceLabel(source, lang) : fact.source,
    asOf: asOf ? formatPartialDate(asOf, lang) : t(lang, 'date.unknown'),
  };
  const precision = asOf ? datePrecision(asOf) : undefined;
  if (precision) cite.precision = precision;
  if (source?.url) cite.url = source.url;
  if (source?.symbol) cite.symbol = source.symbol;
  if (fact.unverified) cite.unverified = prose(fact, 'unverified', lang);
  return cite;
}

/** Citations of several facts, without repeats (same source, as-of and caveat). */
export function citeFacts(dataset: Dataset, facts: readonly Provenance[], lang: Lang = DEFAULT_LANG): Citation[] {
  const seen = new Map<string, Citation>();
  for (const fact of facts) {
    const c = citeFact(dataset, fact, lang);
    const key = `${c.sourceId}|${c.asOf}|${c.unverified ?? ''}`;
    if (!seen.has(key)) seen.set(key, c);
  }
  return [...seen.values()];
}
