// Name resolution and full-text search over a Dataset, with MiniSearch. Forgiving of case, accents, acronyms,
// ISO codes, other names and small typos; a miss comes with ranked suggestions. The indexes are built once per
// Dataset (dataset-indexes.ts), before a reloaded dataset is served, so requests never build them.
import type { Query, SearchResult } from 'minisearch';
import { indexesFor } from './dataset-indexes.js';
import type { Indexes } from './dataset-indexes.js';
import { foldName, tokenize } from './entity.js';
import type { Entity, EntityKind, SearchHit } from './entity.js';
import type { Dataset } from './schema.js';

export { prepareIndexes } from './dataset-indexes.js';
export { countryCommandName, entityCommand, foldName, shortName } from './entity.js';
export type { Entity, EntityKind, SearchHit } from './entity.js';

/** The result of resolving a name: one entity (exactly or closely named), or a miss with the nearest names. */
export type Resolution =
  | { ok: true; entity: Entity; confidence: 'exact' | 'close'; suggestions: Entity[] }
  | { ok: false; suggestions: Entity[] };

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
  const strict = strictResults(idx, terms, filter);
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

  const broad = broadResults(idx, terms, folded, filter);
  return { ok: false, suggestions: broad.slice(0, 5).map((r) => idx.entities.get(r.id as string)!) };
}

/** Whether a search result is one of the entity kinds asked for. */
type ResultFilter = (r: SearchResult) => boolean;

/** The close matches: every word matches a name (itself, a prefix, a swap or a small edit), best first. */
function strictResults(idx: Indexes, terms: string[], filter: ResultFilter): SearchResult[] {
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
  return candidates.size === 0
    ? []
    : topResults(
        idx,
        idx.names.search(strictQuery, { boost: { primary: 2 }, filter, boostDocument: only(candidates) }),
      );
}

/** The suggestions for a miss: names matching any distinctive word of the query, with edits, best first. */
function broadResults(idx: Indexes, terms: string[], folded: string, filter: ResultFilter): SearchResult[] {
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
  return topResults(
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
