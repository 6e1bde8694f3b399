// The name and full-text indexes of a dataset (MiniSearch), built once per Dataset object (a WeakMap keyed by it), so
// that a reloaded dataset gets fresh indexes and requests never rebuild them. The build is a generator: the holder
// runs it in slices before a new dataset is swapped in (prepareIndexes), so the first lookup finds them ready and
// answers keep flowing while they are built.
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { entityCommand, foldName, namesOf, shortName, tokenize } from './entity.js';
import type { Entity, SearchHit } from './entity.js';
import { runNow, runSliced } from './run-sliced.js';
import type { Country, Dataset } from './schema.js';

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

/** The name and full-text indexes of one dataset. */
export interface Indexes {
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

/** Index work done between two yields: a few milliseconds at most. */
const STEP = 128;

function* buildIndexSteps(dataset: Dataset): Generator<void, Indexes> {
  const entities = new Map<string, Entity>();
  for (const c of dataset.countries.values())
    entities.set(`country:${c.id}`, { kind: 'country', id: c.id, name: c.name, country: c });
  for (const p of dataset.parties.values())
    entities.set(`party:${p.id}`, { kind: 'party', id: p.id, name: p.name, party: p });
  for (const m of dataset.missions.values())
    entities.set(`mission:${m.id}`, { kind: 'mission', id: m.id, name: m.name, mission: m });
  yield;
  const { exact, names, terms } = yield* nameIndexSteps(entities);
  const { facts, hits } = yield* factIndexSteps(dataset, entities);
  // Small datasets (the real one has ~150 names) never have a common word; 200 countries / 20,000 parties do.
  return { entities, exact, names, terms, commonLimit: Math.max(256, Math.ceil(entities.size / 16)), facts, hits };
}

function* nameIndexSteps(entities: Map<string, Entity>): Generator<void, Pick<Indexes, 'exact' | 'names' | 'terms'>> {
  const exact = new Map<string, Entity[]>();
  const names = new MiniSearch<NameDoc>({
    idField: 'key',
    fields: ['primary', 'aliases'],
    tokenize,
    processTerm: (t) => t,
  });
  const terms = new SearchableMap<Set<string>>();
  let n = 0;
  for (const [key, entity] of entities) {
    if (++n % STEP === 0) yield;
    const { primary, aliases } = namesOf(entity);
    for (const name of [...primary, ...aliases]) {
      const folded = foldName(name);
      if (!folded) continue;
      for (const t of folded.split(' ')) {
        const keys = terms.get(t);
        if (keys) keys.add(key);
        else terms.set(t, new Set([key]));
      }
      const list = exact.get(folded);
      if (!list) exact.set(folded, [entity]);
      else if (!list.includes(entity)) list.push(entity);
    }
    names.add({ key, primary: primary.join(' | '), aliases: aliases.join(' | ') });
  }
  return { exact, names, terms };
}

function* factIndexSteps(
  dataset: Dataset,
  entities: Map<string, Entity>,
): Generator<void, Pick<Indexes, 'facts' | 'hits'>> {
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
  let n = 0;
  for (const entity of entities.values()) {
    if (++n % STEP === 0) yield;
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
    if (++n % STEP === 0) yield;
    addCountryFacts(c, addFact);
  }
  for (const m of dataset.missions.values()) {
    if (++n % STEP === 0) yield;
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
    if (++n % STEP === 0) yield;
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
    if (++n % STEP === 0) yield;
    addFact(`event:${e.id}`, {
      kind: 'event',
      countryId: e.country,
      label: e.title,
      text: `${e.title} ${e.symbol ?? ''}`.trim(),
      command: e.country ? `renewals ${e.country}` : 'renewals',
      provenance: e,
    });
  }
  return { facts, hits };
}

type AddFact = (key: string, hit: Omit<SearchHit, 'score'>, extra?: string) => void;

/** A country's recommendations, figures, summaries and action plans, as searchable facts. */
function addCountryFacts(c: Country, addFact: AddFact): void {
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

/**
 * Builds the name and search indexes of a dataset in slices (e.g. after a reload, before the swap), leaving the event
 * loop free between them, so that no request waits for them and none is held up while they are built.
 */
export async function prepareIndexes(dataset: Dataset): Promise<void> {
  if (cache.has(dataset)) return;
  const idx = await runSliced(buildIndexSteps(dataset));
  if (!cache.has(dataset)) cache.set(dataset, idx);
}

/** The indexes of a dataset, built now if they were not prepared (tests, the CLI). */
export function indexesFor(dataset: Dataset): Indexes {
  let idx = cache.get(dataset);
  if (!idx) {
    idx = runNow(buildIndexSteps(dataset));
    cache.set(dataset, idx);
  }
  return idx;
}
