// `sources <country>`: every source behind the country's facts (its own, its parties', missions' and events').
import type { Country, Dataset, Source } from '../../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Citation, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { sourceLabel } from '../cite.js';
import { comparePartialDates, datePrecision, formatPartialDate } from '../format-date.js';
import { countryName } from '../names.js';
import { countryCommand } from './country-facts.js';

/** The ids of every source referenced anywhere inside a value (any `source` field naming a known source). */
function collectSources(dataset: Dataset, value: unknown, into: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectSources(dataset, v, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' && typeof v === 'string' && dataset.sources.has(v)) into.set(v, (into.get(v) ?? 0) + 1);
      else collectSources(dataset, v, into);
    }
  }
}

/** The sources of one country, newest first, each with how many facts rely on it. */
export function sources(ctx: AnswerContext, country: Country): Answer {
  const { dataset } = ctx;
  const counts = new Map<string, number>();
  collectSources(dataset, country, counts);
  for (const p of dataset.parties.values()) if (p.country === country.id) collectSources(dataset, p, counts);
  for (const m of dataset.missions.values()) if (m.country === country.id) collectSources(dataset, m, counts);
  for (const e of dataset.events.values()) if (e.country === country.id) collectSources(dataset, e, counts);
  const list = [...counts.keys()]
    .map((id) => dataset.sources.get(id)!)
    .sort((a, b) => comparePartialDates(b.date, a.date) || a.id.localeCompare(b.id));
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const name = countryName(country, lang);
  const items: Item[] = list.map((s) => sourceItem(s, counts.get(s.id) ?? 0, lang));
  const cmd = countryCommand(country);
  return {
    kind: 'sources',
    outcome: 'answered',
    title: m('sources.title', { country: name }),
    subtitle: m('sources.subtitle', { count: list.length, country: name }),
    sections: [{ items: items.length > 0 ? items : [{ text: m('sources.none'), tone: 'gap' }] }],
    actions: [
      { label: name, command: cmd },
      { label: m('action.recommendations'), command: `recs ${cmd}` },
    ],
    summary: m('sources.summary', { country: name, count: list.length }),
  };
}

function sourceItem(s: Source, facts: number, lang: Lang): Item {
  const cite: Citation = { sourceId: s.id, label: sourceLabel(s), asOf: formatPartialDate(s.date, lang) };
  const precision = datePrecision(s.date);
  if (precision) cite.precision = precision;
  if (s.url) cite.url = s.url;
  if (s.symbol) cite.symbol = s.symbol;
  return {
    label: formatPartialDate(s.date, lang),
    text: sourceLabel(s),
    detail: [s.symbol, s.url, messages(lang)('sources.facts', { count: facts })].filter(Boolean).join(' · '),
    cite: [cite],
  };
}
