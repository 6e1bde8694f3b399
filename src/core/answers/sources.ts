// `sources <country>`: every source behind the country's facts (its own, its parties', missions' and events').
import type { Country, Dataset, Source } from '../../dataset/schema.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { sourceLabel } from '../cite.js';
import { comparePartialDates, formatPartialDate } from '../format-date.js';
import { countryCommand } from './country-brief.js';

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
  const items: Item[] = list.map((s) => sourceItem(s, counts.get(s.id) ?? 0));
  const cited = citedDocuments(dataset, country, new Set(list.flatMap((s) => (s.symbol ? [s.symbol] : []))));
  const cmd = countryCommand(country);
  return {
    kind: 'sources',
    outcome: 'answered',
    title: `Sources on ${country.name}`,
    subtitle: `${list.length} source${list.length === 1 ? '' : 's'} behind the facts on ${country.name}`,
    sections: [
      { items: items.length > 0 ? items : [{ text: 'No sources recorded.', tone: 'gap' }] },
      ...(cited.length > 0 ? [{ heading: 'Documents the facts are cited from', items: cited }] : []),
    ],
    actions: [
      { label: country.name, command: cmd },
      { label: 'Recommendations', command: `recs ${cmd}` },
    ],
    summary: `Sources on ${country.name} (${list.length})`,
  };
}

// Each source is its own line; no item carries a citation, so renderers do not repeat the list in a footer.
function sourceItem(s: Source, facts: number): Item {
  return {
    label: formatPartialDate(s.date),
    text: sourceLabel(s),
    detail: [s.symbol, s.url, `${facts} fact${facts === 1 ? '' : 's'}`].filter(Boolean).join(' · '),
  };
}

/** UN document symbols: S/2021/299, A/74/845-S/2020/525, S/AC.51/2020/11, S/RES/2649 (2022). */
const SYMBOL = /\b(?:[AS]\/(?:AC\.\d+\/)?\d{2,4}\/\d+(?:\/Rev\.\d)?(?:[-–][AS]\/\d{4}\/\d+)?)/g;

/**
 * Documents named inside the country's facts (a figure "as cited from S/2021/299", a listing's annual report) that
 * are not themselves a source record: with the sources that cite them, so that a reader can find the original.
 */
function citedDocuments(dataset: Dataset, country: Country, own: ReadonlySet<string>): Item[] {
  const found = new Map<string, Set<string>>();
  const visit = (value: unknown, source: string | undefined): void => {
    if (Array.isArray(value)) for (const v of value) visit(v, source);
    else if (value && typeof value === 'object') {
      const rec = value as Record<string, unknown>;
      const here = typeof rec.source === 'string' ? rec.source : source;
      for (const [k, v] of Object.entries(rec)) if (k !== 'source') visit(v, here);
    } else if (typeof value === 'string' && source) {
      for (const m of value.matchAll(SYMBOL)) {
        if (own.has(m[0])) continue;
        const set = found.get(m[0]) ?? new Set<string>();
        set.add(source);
        found.set(m[0], set);
      }
    }
  };
  visit(country, undefined);
  for (const p of dataset.parties.values()) if (p.country === country.id) visit(p, undefined);
  return [...found.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([symbol, by]) => ({
      label: symbol,
      text: `cited by ${[...by].map((id) => sourceLabel(dataset.sources.get(id)!)).join('; ')}`,
    }));
}
