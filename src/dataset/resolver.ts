// Name resolution and full-text search over a Dataset, with MiniSearch. Forgiving of case, accents, acronyms,
// ISO codes, other names and small typos; a miss comes with ranked suggestions. Indexes are built once per Dataset
// object (a WeakMap keyed by it), so a reloaded dataset gets fresh indexes and requests never rebuild them.
import MiniSearch from 'minisearch';
import type { Query, SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
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
  countryId?: string | undefined;
  /** A short heading: the party, mission or country name. */
  label: string;
  /** The text that matched. */
  text: string;
  /** The command that shows more, e.g. "recs mali". */
  command: string;
  provenance?: Provenance | undefined;
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
  /** The names' vocabulary: each term, with the keys of the entities whose names hold it (see candidatesOf). */
  terms: SearchableMap<Set<string>>;
  /** A query word matching more entities than this is "common" ("militia", "of"): see resolveName. */
  commonLimit: number;
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
  return foldName(text)
    .split(' ')
    .filter((t) => t !== '');
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
      return {
        primary: [c.name],
        aliases: [
          ...c.other_names,
          ...Object.values(c.names ?? {}).filter((n): n is string => n !== undefined),
          ...(c.iso2 ? [c.iso2] : []),
          ...(c.iso3 ? [c.iso3] : []),
          c.id,
        ],
      };
    }
    case 'party': {
      const p = entity.party;
      return { primary: [p.name, ...p.acronyms], aliases: [...p.other_names, p.id] };
    }
    case 'mission': {
      const m = entity.mission;
      // Names in other languages (FISNUA for UNISFA) find the mission too.
      const translated = Object.values(m.names ?? {}).flatMap((n) =>
        n ? [n.name, ...(n.acronym ? [n.acronym] : [])] : [],
      );
      return {
        primary: [m.acronym, m.name],
        aliases: [...m.other_names, ...translated, ...(m.committee ? [m.committee] : []), m.id],
      };
    }
  }
}

function buildIndexes(dataset: Dataset): Indexes {
  const entities = new Map<string, Entity>();
  for (const c of dataset.countries.values())
    entities.set(`country:${c.id}`, { kind: 'country', id: c.id, name: c.name, country: c });
  for (const p of dataset.parties.values())
    entities.set(`party:${p.id}`, { kind: 'party', id: p.id, name: p.name, party: p });
  for (const m of dataset.missions.values())
    entities.set(`mission:${m.id}`, { kind: 'mission', id: m.id, name: m.name, mission: m });

  const exact = new Map<string, Entity[]>();
  const names = new MiniSearch<NameDoc>({
    idField: 'key',
    fields: ['primary', 'aliases'],
    tokenize,
    processTerm: (t) => t,
  });
  const terms = new SearchableMap<Set<string>>();
  for (const [key, entity] of entities) {
    const { primary, aliases } = namesOf(entity);
    for (const t of tokenize([...primary, ...aliases].join(' '))) {
      const keys = terms.get(t);
      if (keys) keys.add(key);
      else terms.set(t, new Set([key]));
    }
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
    const countryId =
      entity.kind === 'country' ? entity.id : entity.kind === 'party' ? entity.party.country : entity.mission.country;
    addFact(`name:${entity.kind}:${entity.id}`, {
      kind: entity.kind,
      countryId,
      label: shortName(entity),
      text: primary.concat(aliases.slice(0, -1)).join(', '),
      command: entityCommand(entity),
    });
  }
  for (const c of dataset.countries.values()) {
    const cmd = entityCommand({ kind: 'country', id: c.id, name: c.name, country: c });
    c.recommendations.forEach((r, i) =>
      addFact(
        `rec:${c.id}:${i}`,
        {
          kind: 'recommendation',
          countryId: c.id,
          label: `${c.name}: recommendation to ${r.to}`,
          text: r.text,
          command: `recs ${cmd}`,
          provenance: r,
        },
        r.topics.join(' '),
      ),
    );
    c.figures.forEach((f, i) =>
      addFact(
        `fig:${c.id}:${i}`,
        {
          kind: 'figure',
          countryId: c.id,
          label: `${c.name}: figure`,
          text: `${f.value.toLocaleString('en-US')} ${f.metric}, ${f.period}`,
          command: `figures ${cmd}`,
          provenance: f,
        },
        f.wording ?? '',
      ),
    );
    c.summaries.forEach((s, i) =>
      addFact(`sum:${c.id}:${i}`, {
        kind: 'summary',
        countryId: c.id,
        label: c.name,
        text: s.text,
        command: cmd,
        provenance: s,
      }),
    );
    c.action_plans.forEach((a, i) =>
      addFact(`ap:${c.id}:${i}`, {
        kind: 'action-plan',
        countryId: c.id,
        label: `${c.name}: action plan`,
        text: a.text,
        command: cmd,
        provenance: a,
      }),
    );
  }
  for (const m of dataset.missions.values()) {
    const parts = [
      m.child_protection?.text,
      ...m.mandates.map((x) => `SCR ${x.resolution}${x.summary ? `: ${x.summary}` : ''}`),
      m.end?.text,
      ...m.milestones.map((x) => x.text),
    ].filter((x): x is string => Boolean(x));
    if (parts.length > 0) {
      addFact(`mission:${m.id}`, {
        kind: 'mission',
        countryId: m.country,
        label: m.acronym,
        text: parts.join(' · '),
        command: m.acronym.toLowerCase(),
        provenance: m.child_protection ?? m.mandates[0] ?? m.end,
      });
    }
  }
  for (const p of dataset.parties.values()) {
    if (p.description)
      addFact(`desc:${p.id}`, {
        kind: 'party',
        countryId: p.country,
        label: p.acronyms[0] ?? p.name,
        text: p.description.text,
        command: (p.acronyms[0] ?? p.id).toLowerCase(),
        provenance: p.description,
      });
  }
  for (const e of dataset.events.values()) {
    addFact(`event:${e.id}`, {
      kind: 'event',
      countryId: e.country,
      label: e.title,
      text: `${e.title} ${e.symbol ?? ''}`.trim(),
      command: e.country ? `renewals ${e.country}` : 'renewals',
      provenance: e,
    });
  }
  // Small datasets (the real one has ~150 names) never have a common word; 200 countries / 20,000 parties do.
  return { entities, exact, names, terms, commonLimit: Math.max(256, Math.ceil(entities.size / 16)), facts, hits };
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
export function resolveName(
  dataset: Dataset,
  query: string,
  options: { kinds?: readonly EntityKind[] } = {},
): Resolution {
  const idx = indexesFor(dataset);
  const kinds = options.kinds ?? ['country', 'party', 'mission'];
  const allowed = (e: Entity | undefined): e is Entity => e !== undefined && kinds.includes(e.kind);
  const folded = foldName(query);
  if (!folded) return { ok: false, suggestions: [] };

  const exact = (idx.exact.get(folded) ?? []).filter(allowed).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  if (exact.length > 0) return { ok: true, entity: exact[0]!, confidence: 'exact', suggestions: exact.slice(1) };

  const terms = tokenize(query);
  const filter = (r: SearchResult) => allowed(idx.entities.get(r.id as string));
  // A word matches as itself (exactly, as a prefix, or within its typo budget) or with two letters swapped (exactly
  // or as a prefix). The swaps are not also given edits: a swap is already two edits, and each fuzzy walk of the
  // vocabulary costs milliseconds at 20,000 parties.
  const strictSpecs = terms.map((t): TermSpec[] => [
    { terms: [t], fuzzy: typoBudget(t), prefix: t.length >= 3 },
    ...(t.length >= 3 ? [{ terms: transpositions(t), fuzzy: 0, prefix: true }] : []),
  ]);
  const strictQuery: Query = {
    combineWith: 'AND',
    queries: strictSpecs.map((specs) => ({
      combineWith: 'OR',
      queries: specs.map((spec) => ({
        combineWith: 'OR',
        queries: spec.terms,
        fuzzy: spec.fuzzy,
        prefix: spec.prefix,
      })),
    })),
  };
  // MiniSearch scores every entity holding any matched word before the AND drops most of them; with 20,000 parties
  // a word like "of" or "militia" holds thousands. Intersect the words' entities from the vocabulary first (the same
  // expansion: exact, prefix, edits), skip the search when nothing can match (the usual made-up name), and otherwise
  // score only the entities in the intersection (boostDocument 0 skips the rest): the same results, far less work.
  const candidates = intersection(strictSpecs.map((specs) => candidatesOf(idx, specs)));
  const strict =
    candidates.size === 0
      ? []
      : topResults(
          idx,
          idx.names.search(strictQuery, { boost: { primary: 2 }, filter, boostDocument: only(candidates) }),
        );
  const best = strict[0];
  const second = strict[1];
  if (best && (!second || best.score >= 2 * second.score)) {
    return {
      ok: true,
      entity: idx.entities.get(best.id as string)!,
      confidence: 'close',
      suggestions: strict.slice(1, 5).map((r) => idx.entities.get(r.id as string)!),
    };
  }
  if (strict.length > 1)
    return { ok: false, suggestions: strict.slice(0, 5).map((r) => idx.entities.get(r.id as string)!) };

  // Suggestions: any word may match, with edits in proportion to its length, at most 2 (3 or more edits on a long
  // word walk most of the vocabulary and suggest names nobody would take for the one typed).
  const broadSpecs = terms.map(
    (t): TermSpec => ({
      terms: [t],
      fuzzy: Math.min(BROAD_MAX_EDITS, Math.round(t.length * BROAD_FUZZY)),
      prefix: true,
    }),
  );
  // Suggestions come from the distinctive words: a name sharing only "militia" or "of" with the query is no
  // suggestion for it, and scoring the thousands of names holding such a word is most of a miss's cost at 20,000
  // parties. So when some word matches a few names (no more than commonLimit), only those words are searched.
  const sizes = broadSpecs.map((spec) => candidatesOf(idx, [spec]).size);
  const rare = terms.filter((_, i) => sizes[i]! > 0 && sizes[i]! <= idx.commonLimit);
  const text = rare.length > 0 && rare.length < terms.length ? rare.join(' ') : folded;
  const broad = topResults(
    idx,
    idx.names.search(text, {
      boost: { primary: 2 },
      fuzzy: BROAD_FUZZY,
      maxFuzzy: BROAD_MAX_EDITS,
      prefix: true,
      combineWith: 'OR',
      filter,
    }),
  );
  return { ok: false, suggestions: broad.slice(0, 5).map((r) => idx.entities.get(r.id as string)!) };
}

const BROAD_FUZZY = 0.34;
const BROAD_MAX_EDITS = 2;

/** How one word of a query is matched: any of `terms`, exactly, as a prefix, or within `fuzzy` edits. */
interface TermSpec {
  terms: string[];
  fuzzy: number;
  prefix: boolean;
}

/** The keys of the entities a word matches, as MiniSearch would match it (a view: the sets are the index's own). */
function candidatesOf(idx: Indexes, specs: readonly TermSpec[]): { size: number; sets: Set<string>[] } {
  const sets = new Set<Set<string>>();
  for (const spec of specs)
    for (const term of spec.terms) {
      const exact = idx.terms.get(term);
      if (exact) sets.add(exact);
      if (spec.prefix) for (const keys of idx.terms.atPrefix(term).values()) sets.add(keys);
      if (spec.fuzzy > 0) for (const [keys] of idx.terms.fuzzyGet(term, spec.fuzzy).values()) sets.add(keys);
    }
  let size = 0;
  for (const keys of sets) size += keys.size;
  return { size, sets: [...sets] };
}

/** The keys matched by every word (an entity must match all words of a strict query). */
function intersection(words: Array<{ size: number; sets: Set<string>[] }>): Set<string> {
  const out = new Set<string>();
  if (words.length === 0 || words.some((w) => w.size === 0)) return out;
  const [smallest, ...others] = [...words].sort((a, b) => a.size - b.size);
  for (const keys of smallest!.sets) {
    for (const key of keys) if (others.every((w) => w.sets.some((s) => s.has(key)))) out.add(key);
  }
  return out;
}

/** A MiniSearch `boostDocument` that scores only `keys` (a boost of 0 skips a document before it is scored). */
function only(keys: Set<string>): (id: unknown) => number {
  return (id) => (keys.has(id as string) ? 1 : 0);
}

/** The best results, with parties and missions found only through their country's name collapsed into it. */
function topResults(idx: Indexes, results: SearchResult[]): SearchResult[] {
  // Only the first few are ever shown or compared; a country that explains a party is ranked above it.
  return collapseToCountries(idx, results.slice(0, TOP_RESULTS));
}

const TOP_RESULTS = 50;

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
  return [...indexesFor(dataset).entities.values()]
    .filter((e) => e.kind === kind)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Full-text search over names and facts (recommendations, figures, summaries, missions, events), best first. */
export function searchDataset(dataset: Dataset, words: string, limit = 10): SearchHit[] {
  const idx = indexesFor(dataset);
  const opts = {
    prefix: (t: string) => t.length >= 3,
    fuzzy: (t: string) => (t.length >= 5 ? 0.2 : 0),
    boost: { label: 1.5 },
  };
  let results = idx.facts.search(words, { ...opts, combineWith: 'AND' });
  if (results.length === 0) results = idx.facts.search(words, { ...opts, combineWith: 'OR' });
  return results.slice(0, limit).map((r) => ({ ...idx.hits.get(r.id as string)!, score: r.score }));
}
