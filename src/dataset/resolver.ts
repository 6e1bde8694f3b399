// Name resolution and full-text search over a Dataset, with MiniSearch. Forgiving of case, accents, acronyms,
// ISO codes, other names and small typos; a miss comes with ranked suggestions. Indexes are built once per Dataset
// object (a WeakMap keyed by it), so a reloaded dataset gets fresh indexes and requests never rebuild them.
import MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import type { Country, Dataset, Mission, Party, Provenance } from './schema.js';

/** Something a name can resolve to. */
export type Entity =
  | { kind: 'country'; id: string; name: string; country: Country }
  | { kind: 'party'; id: string; name: string; party: Party }
  | { kind: 'mission'; id: string; name: string; mission: Mission };

/** The kinds of entity a name can resolve to. */
export type EntityKind = Entity['kind'];

/** The result of resolving a name: one entity (exactly or closely named), or a miss with the nearest names. */
export type Resolution =
  | { ok: true; entity: Entity; confidence: 'exact' | 'close'; suggestions: Entity[] }
  | { ok: false; suggestions: Entity[] };

/** One hit of a full-text search: a fact or a name, with where it belongs and what backs it. */
export interface SearchHit {
  kind: 'country' | 'party' | 'mission' | 'recommendation' | 'figure' | 'summary' | 'action-plan' | 'event';
  /** The country it belongs to, if any. */
  countryId?: string;
  /** A short heading: the party, mission or country name. */
  label: string;
  /** The text that matched. */
  text: string;
  /** The command that shows more, e.g. "recs mali". */
  command: string;
  provenance?: Provenance;
  score: number;
}

interface NameDoc {
  key: string;
  primary: string;
  aliases: string;
}

interface FactDoc {
  key: string;
  label: string;
  text: string;
}

interface Indexes {
  entities: Map<string, Entity>;
  exact: Map<string, Entity[]>;
  names: MiniSearch<NameDoc>;
  facts: MiniSearch<FactDoc>;
  hits: Map<string, Omit<SearchHit, 'score'>>;
}

const cache = new WeakMap<Dataset, Indexes>();

/** Folds a name for comparison: no accents, lower case, punctuation as spaces ("Libération de l'Azawad" -> "liberation de l azawad"). */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokenize(text: string): string[] {
  return foldName(text).split(' ').filter((t) => t !== '');
}

/** The short name people use: the first acronym of a party, a mission's acronym, a country's name. */
export function shortName(entity: Entity): string {
  if (entity.kind === 'party') return entity.party.acronyms[0] ?? entity.party.name;
  if (entity.kind === 'mission') return entity.mission.acronym;
  return entity.country.name;
}

/** Text of a command that shows this entity and resolves back to it exactly ("mali", "mnla", "minusma"). */
export function entityCommand(entity: Entity): string {
  if (entity.kind === 'country') return countryCommandName(entity.country);
  if (entity.kind === 'party') return (entity.party.acronyms[0] ?? entity.party.id).toLowerCase();
  return entity.mission.acronym.toLowerCase();
}

/** The shortest fitting name of a country for a command: its name, else an acronym in use (DRC), else its ISO code. */
export function countryCommandName(country: Country): string {
  if (country.name.length <= 24) return country.name.toLowerCase();
  const acronym = country.other_names.find((n) => /^[A-Z]{2,6}$/.test(n));
  return (acronym ?? country.iso3 ?? country.id).toLowerCase();
}

/** Every name an entity answers to: names, acronyms, other names, ISO codes and its id. */
function namesOf(entity: Entity): { primary: string[]; aliases: string[] } {
  switch (entity.kind) {
    case 'country': {
      const c = entity.country;
      return { primary: [c.name], aliases: [...c.other_names, ...(c.iso2 ? [c.iso2] : []), ...(c.iso3 ? [c.iso3] : []), c.id] };
    }
    case 'party': {
      const p = entity.party;
      return { primary: [p.name, ...p.acronyms], aliases: [...p.other_names, p.id] };
    }
    case 'mission': {
      const m = entity.mission;
      return { primary: [m.acronym, m.name], aliases: [...m.other_names, ...(m.committee ? [m.committee] : []), m.id] };
    }
  }
}

function buildIndexes(dataset: Dataset): Indexes {
  const entities = new Map<string, Entity>();
  for (const c of dataset.countries.values()) entities.set(`country:${c.id}`, { kind: 'country', id: c.id, name: c.name, country: c });
  for (const p of dataset.parties.values()) entities.set(`party:${p.id}`, { kind: 'party', id: p.id, name: p.name, party: p });
  for (const m of dataset.missions.values()) entities.set(`mission:${m.id}`, { kind: 'mission', id: m.id, name: m.name, mission: m });

  const exact = new Map<string, Entity[]>();
  const names = new MiniSearch<NameDoc>({
    idField: 'key',
    fields: ['primary', 'aliases'],
    tokenize,
    processTerm: (t) => t,
  });
  for (const [key, entity] of entities) {
    const { primary, aliases } = namesOf(entity);
    for (const name of [...primary, ...aliases]) {
      const folded = foldName(name);
      if (!folded) continue;
      const list = exact.get(folded) ?? [];
      if (!list.includes(entity)) list.push(entity);
      exact.set(folded, list);
    }
    names.add({ key, primary: primary.join(' | '), aliases: aliases.join(' | ') });
  }

  const facts = new MiniSearch<FactDoc>({
    idField: 'key',
    fields: ['label', 'text'],
    tokenize,
    processTerm: (t) => (t.length < 2 ? null : t),
  });
  const hits = new Map<string, Omit<SearchHit, 'score'>>();
  const addFact = (key: string, hit: Omit<SearchHit, 'score'>, extra = '') => {
    hits.set(key, hit);
    facts.add({ key, label: hit.label, text: `${hit.text} ${extra}` });
  };
  for (const entity of entities.values()) {
    const { primary, aliases } = namesOf(entity);
    const countryId = entity.kind === 'country' ? entity.id : entity.kind === 'party' ? entity.party.country : entity.mission.country;
    addFact(`name:${entity.kind}:${entity.id}`, { kind: entity.kind, countryId, label: shortName(entity), text: primary.concat(aliases.slice(0, -1)).join(', '), command: entityCommand(entity) });
  }
  for (const c of dataset.countries.values()) {
    const cmd = entityCommand({ kind: 'country', id: c.id, name: c.name, country: c });
    c.recommendations.forEach((r, i) =>
      addFact(`rec:${c.id}:${i}`, { kind: 'recommendation', countryId: c.id, label: `${c.name}: recommendation to ${r.to}`, text: r.text, command: `recs ${cmd}`, provenance: r }, r.topics.join(' ')),
    );
    c.figures.forEach((f, i) =>
      addFact(`fig:${c.id}:${i}`, { kind: 'figure', countryId: c.id, label: `${c.name}: figure`, text: `${f.value.toLocaleString('en-US')} ${f.metric}, ${f.period}`, command: `figures ${cmd}`, provenance: f }, f.wording ?? ''),
    );
    c.summaries.forEach((s, i) => addFact(`sum:${c.id}:${i}`, { kind: 'summary', countryId: c.id, label: c.name, text: s.text, command: cmd, provenance: s }));
    c.action_plans.forEach((a, i) => addFact(`ap:${c.id}:${i}`, { kind: 'action-plan', countryId: c.id, label: `${c.name}: action plan`, text: a.text, command: cmd, provenance: a }));
  }
  for (const m of dataset.missions.values()) {
    const parts = [m.child_protection?.text, ...m.mandates.map((x) => `SCR ${x.resolution}${x.summary ? `: ${x.summary}` : ''}`), m.end?.text, ...m.milestones.map((x) => x.text)].filter(
      (x): x is string => Boolean(x),
    );
    if (parts.length > 0) {
      addFact(`mission:${m.id}`, { kind: 'mission', countryId: m.country, label: m.acronym, text: parts.join(' · '), command: m.acronym.toLowerCase(), provenance: m.child_protection ?? m.mandates[0] ?? m.end });
    }
  }
  for (const p of dataset.parties.values()) {
    if (p.description) addFact(`desc:${p.id}`, { kind: 'party', countryId: p.country, label: p.acronyms[0] ?? p.name, text: p.description.text, command: (p.acronyms[0] ?? p.id).toLowerCase(), provenance: p.description });
  }
  for (const e of dataset.events.values()) {
    addFact(`event:${e.id}`, { kind: 'event', countryId: e.country, label: e.title, text: `${e.title} ${e.symbol ?? ''}`.trim(), command: e.country ? `renewals ${e.country}` : 'renewals', provenance: e });
  }
  return { entities, exact, names, facts, hits };
}

/** Builds the name and search indexes of a dataset now (e.g. right after a reload), so no request waits for it. */
export function prepareIndexes(dataset: Dataset): void {
  indexesFor(dataset);
}

function indexesFor(dataset: Dataset): Indexes {
  let idx = cache.get(dataset);
  if (!idx) {
    idx = buildIndexes(dataset);
    cache.set(dataset, idx);
  }
  return idx;
}

/** Adjacent-letter swaps of a word ("mlai" -> "lmai", "mali", "mlia"): the commonest typo, tried as exact terms. */
function transpositions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return out;
}

/** The edits tolerated per word, by length: none up to 4 letters (only a swap), 1 up to 7, 2 beyond. */
function typoBudget(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
}

const KIND_ORDER: Record<EntityKind, number> = { country: 0, party: 1, mission: 2 };

/**
 * Resolves a typed name to a country, party or mission. Exact names (folded) win; otherwise every word must match a
 * name closely (prefix, a swapped pair of letters, or a small edit for longer words), and the best match must clearly
 * beat the next one. Anything else is a miss, with the nearest names as suggestions.
 */
export function resolveName(dataset: Dataset, query: string, options: { kinds?: readonly EntityKind[] } = {}): Resolution {
  const idx = indexesFor(dataset);
  const kinds = options.kinds ?? ['country', 'party', 'mission'];
  const allowed = (e: Entity | undefined): e is Entity => e !== undefined && kinds.includes(e.kind);
  const folded = foldName(query);
  if (!folded) return { ok: false, suggestions: [] };

  const exact = (idx.exact.get(folded) ?? []).filter(allowed).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  if (exact.length > 0) return { ok: true, entity: exact[0]!, confidence: 'exact', suggestions: exact.slice(1) };

  const terms = tokenize(query);
  const filter = (r: SearchResult) => allowed(idx.entities.get(r.id as string));
  const strictQuery: Query = {
    combineWith: 'AND',
    queries: terms.map((t) => ({
      combineWith: 'OR',
      queries: [t, ...(t.length >= 3 ? transpositions(t) : [])],
      fuzzy: typoBudget(t),
      prefix: t.length >= 3,
    })),
  };
  const strict = collapseToCountries(idx, idx.names.search(strictQuery, { boost: { primary: 2 }, filter }));
  const best = strict[0];
  const second = strict[1];
  if (best && (!second || best.score >= 2 * second.score)) {
    return { ok: true, entity: idx.entities.get(best.id as string)!, confidence: 'close', suggestions: strict.slice(1, 5).map((r) => idx.entities.get(r.id as string)!) };
  }
  if (strict.length > 1) return { ok: false, suggestions: strict.slice(0, 5).map((r) => idx.entities.get(r.id as string)!) };

  const broad = collapseToCountries(idx, idx.names.search(folded, { boost: { primary: 2 }, fuzzy: 0.34, prefix: true, combineWith: 'OR', filter }));
  return { ok: false, suggestions: broad.slice(0, 5).map((r) => idx.entities.get(r.id as string)!) };
}

/** Drops missions and parties found only through their country's name ("mission in Mali"): they are the country. */
function collapseToCountries(idx: Indexes, results: SearchResult[]): SearchResult[] {
  const countries = new Map<string, SearchResult>();
  for (const r of results) if ((r.id as string).startsWith('country:')) countries.set(r.id as string, r);
  return results.filter((r) => {
    const e = idx.entities.get(r.id as string)!;
    if (e.kind === 'country') return true;
    const country = countries.get(`country:${e.kind === 'party' ? e.party.country : e.mission.country}`);
    return !country || !r.terms.every((t) => country.terms.includes(t));
  });
}

/** Every entity of a kind, for "the dataset covers: …" lines. Countries come sorted by name. */
export function listEntities(dataset: Dataset, kind: EntityKind): Entity[] {
  return [...indexesFor(dataset).entities.values()].filter((e) => e.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
}

/** Full-text search over names and facts (recommendations, figures, summaries, missions, events), best first. */
export function searchDataset(dataset: Dataset, words: string, limit = 10): SearchHit[] {
  const idx = indexesFor(dataset);
  const opts = { prefix: (t: string) => t.length >= 3, fuzzy: (t: string) => (t.length >= 5 ? 0.2 : 0), boost: { label: 1.5 } };
  let results = idx.facts.search(words, { ...opts, combineWith: 'AND' });
  if (results.length === 0) results = idx.facts.search(words, { ...opts, combineWith: 'OR' });
  return results.slice(0, limit).map((r) => ({ ...idx.hits.get(r.id as string)!, score: r.score }));
}
