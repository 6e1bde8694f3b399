// The checks between files, once each file is valid on its own: ids defined once, and every reference (sources,
// countries, parties, missions) pointing at something that exists. A generator: it yields between files, so that a
// reload can run in slices between requests (see run-sliced.ts).
import type { z } from 'zod';
import type { DataProblem, PathKey } from './data-problem.js';
import type { ParsedFile } from './parsed-file.js';
import type { CountryFile, EventsFile, Reference, SourcesFile } from './schema.js';
import type { Country, Dataset, DatedEvent, Figure, Mission, Party, Source } from './schema.js';

type CountryFileData = z.output<typeof CountryFile>;
type Where = { pf: ParsedFile; at: PathKey[] };
type Maps = Omit<Dataset, 'version' | 'reference'> & {
  globalFigures: Figure[];
  sources: Map<string, Source>;
  countries: Map<string, Country>;
  parties: Map<string, Party>;
  missions: Map<string, Mission>;
  events: Map<string, DatedEvent>;
};

/** Indexes the parsed files and checks the references between them (ids, sources, countries, parties, missions). */
export function* crossCheck(
  parsed: Array<{ pf: ParsedFile; data: unknown }>,
): Generator<void, { dataset: Omit<Dataset, 'version'>; problems: DataProblem[] }> {
  const problems: DataProblem[] = [];
  let reference: z.output<typeof Reference> | undefined;
  const maps: Maps = {
    globalFigures: [],
    sources: new Map(),
    countries: new Map(),
    parties: new Map(),
    missions: new Map(),
    events: new Map(),
  };
  const define = definer(problems);
  for (const { pf, data } of parsed) {
    yield;
    if (pf.file.role === 'reference') reference = data as z.output<typeof Reference>;
    else defineAll(pf, data, maps, define);
  }
  problems.push(...(yield* unknownSources(parsed, maps.sources)));
  for (const { pf, data } of parsed) {
    yield;
    if (pf.file.role === 'events')
      (data as z.output<typeof EventsFile>).events.forEach((e, i) => checkEvent(pf, ['events', i], e, maps, problems));
    else if (pf.file.role === 'country') checkCountryFile(pf, data as CountryFileData, maps, problems);
  }
  if (!reference) throw new Error('reference.yaml was not loaded'); // loadDataset checks that it exists
  return { dataset: { reference, ...maps }, problems };
}

type Define = <T>(map: Map<string, T>, kind: string, id: string, value: T, w: Where) => void;

/** Adds a definition to its map, or a "duplicate id" problem naming the first one. */
function definer(problems: DataProblem[]): Define {
  const where = new Map<string, Where>(); // "kind:id" -> first definition
  return (map, kind, id, value, w) => {
    const key = `${kind}:${id}`;
    const first = where.get(key);
    if (first) {
      problems.push(
        w.pf.problem(
          [...w.at, 'id'],
          `duplicate ${kind} id "${id}" (first defined at ${first.pf.file.path}:${first.pf.lineOf([...first.at, 'id'])})`,
        ),
      );
      return;
    }
    where.set(key, w);
    map.set(id, value);
  };
}

function defineAll(pf: ParsedFile, data: unknown, maps: Maps, define: Define): void {
  switch (pf.file.role) {
    case 'sources':
      (data as z.output<typeof SourcesFile>).sources.forEach((s, i) =>
        define(maps.sources, 'source', s.id, s, { pf, at: ['sources', i] }),
      );
      break;
    case 'events':
      (data as z.output<typeof EventsFile>).events.forEach((e, i) =>
        define(maps.events, 'event', e.id, e, { pf, at: ['events', i] }),
      );
      maps.globalFigures.push(...(data as z.output<typeof EventsFile>).figures);
      break;
    case 'country': {
      const d = data as CountryFileData;
      define(maps.countries, 'country', d.country.id, d.country, { pf, at: ['country'] });
      d.parties.forEach((p, i) => define(maps.parties, 'party', p.id, p, { pf, at: ['parties', i] }));
      d.missions.forEach((m, i) => define(maps.missions, 'mission', m.id, m, { pf, at: ['missions', i] }));
      d.events.forEach((e, i) => define(maps.events, 'event', e.id, e, { pf, at: ['events', i] }));
      break;
    }
  }
}

function checkCountryFile(pf: ParsedFile, d: CountryFileData, maps: Maps, problems: DataProblem[]): void {
  const { parties, countries } = maps;
  d.country.action_plans.forEach((plan, i) =>
    plan.parties.forEach((id, j) => {
      if (!parties.has(id))
        problems.push(pf.problem(['country', 'action_plans', i, 'parties', j], `unknown party "${id}"`));
    }),
  );
  d.parties.forEach((p, i) => {
    if (!countries.has(p.country))
      problems.push(pf.problem(['parties', i, 'country'], `unknown country "${p.country}"`));
    p.within.forEach((w, j) => {
      if (!parties.has(w.party))
        problems.push(pf.problem(['parties', i, 'within', j, 'party'], `unknown party "${w.party}"`));
      else if (w.party === p.id)
        problems.push(pf.problem(['parties', i, 'within', j, 'party'], 'a party cannot be within itself'));
    });
    const years = new Set<number>();
    p.listings.forEach((l, j) => {
      if (years.has(l.report_year))
        problems.push(pf.problem(['parties', i, 'listings', j, 'report_year'], `${l.report_year} is listed twice`));
      years.add(l.report_year);
    });
    p.not_listed.forEach((n, j) => {
      if (years.has(n.report_year))
        problems.push(
          pf.problem(['parties', i, 'not_listed', j, 'report_year'], `${n.report_year} is also in listings`),
        );
    });
  });
  d.missions.forEach((m, i) => {
    if (!countries.has(m.country))
      problems.push(pf.problem(['missions', i, 'country'], `unknown country "${m.country}"`));
    m.mandates.forEach((mandate, j) => {
      if (mandate.adopted && mandate.expires && mandate.expires < mandate.adopted) {
        problems.push(
          pf.problem(['missions', i, 'mandates', j, 'expires'], `is before the adoption date ${mandate.adopted}`),
        );
      }
    });
    if (m.status === 'active' && m.end)
      problems.push(pf.problem(['missions', i, 'status'], 'is active, but the mission has an end'));
  });
  d.events.forEach((e, i) => checkEvent(pf, ['events', i], e, maps, problems));
}

function checkEvent(pf: ParsedFile, at: PathKey[], e: DatedEvent, maps: Maps, problems: DataProblem[]): void {
  if (e.country !== undefined && !maps.countries.has(e.country))
    problems.push(pf.problem([...at, 'country'], `unknown country "${e.country}"`));
  if (e.mission !== undefined && !maps.missions.has(e.mission))
    problems.push(pf.problem([...at, 'mission'], `unknown mission "${e.mission}"`));
  if (/-(mandate-expiry|end)$/.test(e.id) && maps.missions.has(e.id.replace(/-(mandate-expiry|end)$/, ''))) {
    problems.push(pf.problem([...at, 'id'], 'is reserved for the events derived from the mission'));
  }
}

/** Every `source:` anywhere must name a source record (the ids are read from the sources files when not given). */
export function* unknownSources(
  parsed: Array<{ pf: ParsedFile; data: unknown }>,
  known?: ReadonlyMap<string, Source>,
): Generator<void, DataProblem[]> {
  const ids = new Set<string>(known?.keys());
  if (!known) {
    for (const { pf, data } of parsed) {
      if (pf.file.role === 'sources') for (const s of (data as z.output<typeof SourcesFile>).sources) ids.add(s.id);
    }
  }
  const problems: DataProblem[] = [];
  for (const { pf, data } of parsed) {
    if (pf.file.role === 'sources') continue;
    yield;
    walkSources(data, [], new Set(), (id, at) => {
      if (!ids.has(id)) problems.push(pf.problem(at, `unknown source "${id}" (no such id in data/sources/)`));
    });
  }
  return problems;
}

/**
 * Calls `found` for every `source: <id>` in a parsed file, with its path (a shared stack, copied only on a hit). A
 * node reached twice (a YAML alias) is walked once, so shared structure never multiplies the work.
 */
function walkSources(
  value: unknown,
  at: PathKey[],
  seen: Set<object>,
  found: (id: string, at: PathKey[]) => void,
): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walkSources(value[i], at, seen, found);
      at.pop();
    }
    return;
  }
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (key === 'source' && typeof child === 'string') found(child, [...at, key]);
    else if (child !== null && typeof child === 'object') {
      at.push(key);
      walkSources(child, at, seen, found);
      at.pop();
    }
  }
}
