// `sources <country>`: every source behind the country's facts (its own, its parties', missions' and events').
import type { Country, Dataset, Source } from '../../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { sourceLabel } from '../cite.js';
import { comparePartialDates, formatPartialDate } from '../format-date.js';
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
  const own = new Set(list.flatMap((s) => (s.symbol ? [s.symbol] : [])));
  const cited = citedDocuments(dataset, country, own, lang);
  const cmd = countryCommand(country);
  return {
    kind: 'sources',
    outcome: 'answered',
    title: m('sources.title', { country: name }),
    subtitle: m('sources.subtitle', { count: list.length, country: name }),
    sections: [
      { items: items.length > 0 ? items : [{ text: m('sources.none'), tone: 'gap' }] },
      ...(cited.length > 0 ? [{ heading: m('sources.citedHeading'), items: cited }] : []),
    ],
    actions: [
      { label: name, command: cmd },
      { label: m('action.recommendations'), command: `recs ${cmd}` },
    ],
    summary: m('sources.summary', { country: name, count: list.length }),
  };
}

// Each source is its own line; no item carries a citation, so renderers do not repeat the list in a footer.
function sourceItem(s: Source, facts: number, lang: Lang): Item {
  return {
    label: formatPartialDate(s.date, lang),
    text: sourceLabel(s, lang),
    detail: [s.symbol, s.url, messages(lang)('sources.facts', { count: facts })].filter(Boolean).join(' · '),
  };
}

/** UN document symbols: S/2021/299, A/74/845-S/2020/525, S/AC.51/2020/11, S/RES/2649 (2022). */
const SYMBOL = /\b(?:[AS]\/(?:AC\.\d+\/)?\d{2,4}\/\d+(?:\/Rev\.\d)?(?:[-–][AS]\/\d{4}\/\d+)?)/g;

/**
 * Documents named inside the country's facts (a figure "as cited from S/2021/299", a listing's annual report) that
 * are not themselves a source record: with the sources that cite them, so that a reader can find the original.
 */
function citedDocuments(dataset: Dataset, country: Country, own: ReadonlySet<string>, lang: Lang): Item[] {
  const m = messages(lang);
  const found = new Map<string, Set<string>>();
  const visit = (value: unknown, source: string | undefined): void => {
    if (Array.isArray(value)) for (const v of value) visit(v, source);
    else if (value && typeof value === 'object') {
      const rec = value as Record<string, unknown>;
      const here = typeof rec.source === 'string' ? rec.source : source;
      for (const [k, v] of Object.entries(rec)) if (k !== 'source') visit(v, here);
    } else if (typeof value === 'string' && source) {
      for (const match of value.matchAll(SYMBOL)) {
        if (own.has(match[0])) continue;
        const set = found.get(match[0]) ?? new Set<string>();
        set.add(source);
        found.set(match[0], set);
      }
    }
  };
  visit(country, undefined);
  for (const p of dataset.parties.values()) if (p.country === country.id) visit(p, undefined);
  return [...found.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, by]) => ({
      label: symbol,
      text: m('sources.citedBy', {
        sources: [...by].map((id) => sourceLabel(dataset.sources.get(id)!, lang)).join('; '),
      }),
    }));
}
