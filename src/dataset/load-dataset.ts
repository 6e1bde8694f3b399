// Loads data/ into a validated, cross-checked Dataset, or reports every problem at once as `file:line: field: message`.
// Files are read with js-yaml first (read-yaml-fast.ts), for speed; when it refuses a file, and
// whenever a problem has to be located, by the yaml package with source ranges kept (Document + LineCounter), so
// that a zod issue's path can be mapped back to the line an editor has to change. A dataset with any problem is never returned, not even in part.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { readYamlFast } from './read-yaml-fast.js';
import { CountryFile, EventsFile, Reference, SourcesFile } from './schema.js';
import type { Country, Dataset, DatedEvent, Figure, Mission, Party, Source } from './schema.js';

/** One thing wrong with the dataset, located to the line an editor has to change. */
export interface DataProblem {
  /** The file, relative to the current directory (e.g. data/countries/mali.yaml). */
  file: string;
  /** 1-based line. */
  line: number;
  /** The dotted path inside the file, e.g. `parties[2].listings[0].codes[1]`; `(file)` for the file as a whole. */
  field: string;
  message: string;
}

/** The outcome of loading: the whole dataset, or every problem found (never a half-loaded dataset). */
export type LoadResult = { ok: true; dataset: Dataset; files: number } | { ok: false; problems: DataProblem[] };

/** A dataset file given as text, for loading from memory (tests, benchmarks); `path` is what problems will name. */
export interface DataFile {
  path: string;
  /** Where it sits in the dataset: decides which schema applies. */
  role: 'reference' | 'sources' | 'country' | 'events';
  text: string;
}

type PathKey = string | number;

/** `file:line: field: message`, the one-line form `caac data check` prints. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** The package's own data/ folder, found from this module's location (works from src/ and from dist/src/). */
export function defaultDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'data'))) return path.join(dir, 'data');
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
    dir = parent;
  }
}

/** Reads and validates a dataset folder (reference.yaml, sources/, countries/, events/). */
export async function loadDataset(dir: string): Promise<LoadResult> {
  const shown = (abs: string) => path.relative(process.cwd(), abs) || abs;
  const missing = (abs: string, message: string): LoadResult => ({
    ok: false,
    problems: [{ file: shown(abs), line: 1, field: '(file)', message }],
  });
  try {
    if (!(await stat(dir)).isDirectory()) return missing(dir, 'is not a folder');
  } catch {
    return missing(dir, 'no such folder');
  }
  const referencePath = path.join(dir, 'reference.yaml');
  if (!existsSync(referencePath))
    return missing(referencePath, 'is missing: every dataset needs the legend in reference.yaml');

  const listed: Array<{ abs: string; role: DataFile['role'] }> = [{ abs: referencePath, role: 'reference' }];
  for (const [sub, role] of [
    ['sources', 'sources'],
    ['countries', 'country'],
    ['events', 'events'],
  ] as const) {
    for (const name of await yamlFilesIn(path.join(dir, sub))) listed.push({ abs: path.join(dir, sub, name), role });
  }
  const unreadable: DataProblem[] = [];
  const read = await mapBounded(listed, READ_CONCURRENCY, async ({ abs, role }): Promise<DataFile | undefined> => {
    try {
      return { path: shown(abs), role, text: await readFile(abs, 'utf8') };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(err)})`;
      unreadable.push({ file: shown(abs), line: 1, field: '(file)', message: why });
      return undefined;
    }
  });
  if (unreadable.length > 0) return { ok: false, problems: sortProblems(unreadable) };
  const files = read as DataFile[];
  // The version hashes names relative to the data folder, so the same data has the same version wherever it lives.
  const hash = createHash('sha256');
  for (let i = 0; i < files.length; i++) {
    hash
      .update(path.relative(dir, listed[i]!.abs).split(path.sep).join('/'))
      .update('\0')
      .update(files[i]!.text)
      .update('\0');
  }
  return loadDatasetFromFiles(files, hash.digest('hex').slice(0, 12));
}

/** Files read at once: enough to keep libuv's thread pool busy, few enough never to run out of file descriptors. */
const READ_CONCURRENCY = 16;

/** `items.map(fn)` with at most `limit` calls in flight, results in the items' order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch {
    return []; // an absent sub-folder is simply empty
  }
}

/** A parsed file, kept until the cross-checks are done so that their problems can be located too. */
class ParsedFile {
  private lineCounter = new LineCounter();
  private parsedDoc: Document.Parsed | undefined;
  constructor(readonly file: DataFile) {}
  /** The yaml package's document, with source ranges: read only when needed (errors, or outside the fast subset). */
  get doc(): Document.Parsed {
    this.parsedDoc ??= parseDocument(this.file.text, { lineCounter: this.lineCounter, prettyErrors: true });
    return this.parsedDoc;
  }
  lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }
  /** The deepest node on `at`, and whether the whole path exists. */
  locate(at: readonly PathKey[]): { node: YamlNode | null; exact: boolean } {
    let node: unknown = this.doc.contents;
    let found = 0;
    for (const key of at) {
      if (!isCollection(node)) break;
      const child: unknown = node.get(key, true);
      if (!isNode(child)) break;
      node = child;
      found++;
    }
    return { node: isNode(node) ? node : null, exact: found === at.length };
  }
  lineOf(at: readonly PathKey[]): number {
    const { node } = this.locate(at);
    return node?.range ? this.lineAt(node.range[0]) : 1;
  }
  /** The line of a key inside the map at `at` (for unknown fields, whose node is the key itself). */
  lineOfKey(at: readonly PathKey[], key: string): number {
    const { node, exact } = this.locate(at);
    if (exact && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key;
      if (isNode(keyNode) && keyNode.range) return this.lineAt(keyNode.range[0]);
    }
    return this.lineOf(at);
  }
  problem(at: readonly PathKey[], message: string, line = this.lineOf(at)): DataProblem {
    return { file: this.file.path, line, field: fieldName(at), message };
  }
}

/** `parties[2].listings[0].codes[1]` from a path; `(file)` for the root. */
export function fieldName(at: readonly PathKey[]): string {
  let out = '';
  for (const key of at) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? '(file)' : out;
}

const schemaFor = { reference: Reference, sources: SourcesFile, country: CountryFile, events: EventsFile } as const;

/** Validates and cross-checks dataset files given as text; `version` names the result (see loadDataset). */
export function loadDatasetFromFiles(files: readonly DataFile[], version?: string): LoadResult {
  const problems: DataProblem[] = [];
  const parsed: Array<{ pf: ParsedFile; data: unknown }> = [];
  const invalid: Array<{ pf: ParsedFile; data: unknown }> = []; // schema problems: kept only for the source check
  for (const file of files) {
    const pf = new ParsedFile(file);
    let js: unknown = readYamlFast(file.text);
    if (js === undefined) {
      if (pf.doc.errors.length > 0) {
        for (const err of pf.doc.errors) {
          const line = err.linePos?.[0].line ?? pf.lineAt(err.pos[0]);
          problems.push({ file: file.path, line, field: '(yaml)', message: firstLine(err.message) });
        }
        continue;
      }
      try {
        js = pf.doc.toJS({ maxAliasCount: 1000 });
      } catch (err) {
        // The yaml package finds some faults (an alias to an anchor that is not set) only when it builds the value.
        problems.push({
          file: file.path,
          line: 1,
          field: '(yaml)',
          message: firstLine(err instanceof Error ? err.message : String(err)),
        });
        continue;
      }
    }
    const result = schemaFor[file.role].safeParse(js);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(...issueToProblems(pf, js, issue));
      invalid.push({ pf, data: js });
      continue;
    }
    parsed.push({ pf, data: result.data });
  }
  if (!files.some((f) => f.role === 'reference')) {
    problems.push({
      file: 'reference.yaml',
      line: 1,
      field: '(file)',
      message: 'is missing: every dataset needs the legend',
    });
  }
  if (problems.length > 0) {
    // Still report unknown sources in the other files, so that one pass shows every problem an editor can fix now.
    const sourceFilesOk = files.every((f) => f.role !== 'sources' || parsed.some((p) => p.pf.file === f));
    if (sourceFilesOk) problems.push(...unknownSources([...parsed, ...invalid]));
    return { ok: false, problems: sortProblems(problems) };
  }

  const built = crossCheck(parsed);
  if (built.problems.length > 0) return { ok: false, problems: sortProblems(built.problems) };
  const dataset: Dataset = { ...built.dataset, version: version ?? versionOf(files) };
  return { ok: true, dataset, files: files.length };
}

function versionOf(files: readonly DataFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function sortProblems(problems: DataProblem[]): DataProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function valueAt(root: unknown, at: readonly PathKey[]): unknown {
  let v: unknown = root;
  for (const key of at) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[key];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** One zod issue as editor-facing problems, each at the line of the offending node. */
function issueToProblems(pf: ParsedFile, js: unknown, issue: z.core.$ZodIssue): DataProblem[] {
  const at = issue.path.filter((k): k is PathKey => typeof k === 'string' || typeof k === 'number');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      pf.problem(
        [...at, key],
        'is not a known field (check the spelling, or see src/dataset/schema.ts)',
        pf.lineOfKey(at, key),
      ),
    );
  }
  const value = valueAt(js, at);
  const { exact } = pf.locate(at);
  if (issue.code === 'invalid_type' && (value === undefined || !exact)) return [pf.problem(at, 'is required')];
  if (issue.code === 'invalid_type') {
    const hint =
      issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
        ? ` (put it in quotes: "${String(value)}")`
        : '';
    return [pf.problem(at, `must be ${article(issue.expected)}, not ${describe(value)}${hint}`)];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => String(v)).join(', ');
    return [pf.problem(at, `must be one of ${options}, not ${describe(value)}`)];
  }
  const shown = value !== undefined && (typeof value !== 'object' || value === null) ? ` (${describe(value)})` : '';
  return [pf.problem(at, `${issue.message}${shown}`)];
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'a map',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

type CountryFileData = z.output<typeof CountryFile>;
type Where = { pf: ParsedFile; at: PathKey[] };

/** Indexes the parsed files and checks the references between them (ids, sources, countries, parties, missions). */
function crossCheck(parsed: Array<{ pf: ParsedFile; data: unknown }>): {
  dataset: Omit<Dataset, 'version'>;
  problems: DataProblem[];
} {
  const problems: DataProblem[] = [];
  let reference: z.output<typeof Reference> | undefined;
  const sources = new Map<string, Source>();
  const countries = new Map<string, Country>();
  const parties = new Map<string, Party>();
  const missions = new Map<string, Mission>();
  const events = new Map<string, DatedEvent>();
  const globalFigures: Figure[] = [];
  const where = new Map<string, Where>(); // "kind:id" -> first definition

  const define = <T>(map: Map<string, T>, kind: string, id: string, value: T, w: Where) => {
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

  for (const { pf, data } of parsed) {
    switch (pf.file.role) {
      case 'reference':
        reference = data as z.output<typeof Reference>;
        break;
      case 'sources':
        (data as z.output<typeof SourcesFile>).sources.forEach((s, i) =>
          define(sources, 'source', s.id, s, { pf, at: ['sources', i] }),
        );
        break;
      case 'events':
        (data as z.output<typeof EventsFile>).events.forEach((e, i) =>
          define(events, 'event', e.id, e, { pf, at: ['events', i] }),
        );
        globalFigures.push(...(data as z.output<typeof EventsFile>).figures);
        break;
      case 'country': {
        const d = data as CountryFileData;
        define(countries, 'country', d.country.id, d.country, { pf, at: ['country'] });
        d.parties.forEach((p, i) => define(parties, 'party', p.id, p, { pf, at: ['parties', i] }));
        d.missions.forEach((m, i) => define(missions, 'mission', m.id, m, { pf, at: ['missions', i] }));
        d.events.forEach((e, i) => define(events, 'event', e.id, e, { pf, at: ['events', i] }));
        break;
      }
    }
  }

  problems.push(...unknownSources(parsed, sources));

  for (const { pf, data } of parsed) {
    if (pf.file.role === 'events') {
      (data as z.output<typeof EventsFile>).events.forEach((e, i) => checkEvent(pf, ['events', i], e));
      continue;
    }
    if (pf.file.role !== 'country') continue;
    const d = data as CountryFileData;
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
        if (years.has(n.report_year)) {
          problems.push(
            pf.problem(['parties', i, 'not_listed', j, 'report_year'], `${n.report_year} is also in listings`),
          );
        }
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
    d.events.forEach((e, i) => checkEvent(pf, ['events', i], e));
  }

  function checkEvent(pf: ParsedFile, at: PathKey[], e: DatedEvent) {
    if (e.country !== undefined && !countries.has(e.country))
      problems.push(pf.problem([...at, 'country'], `unknown country "${e.country}"`));
    if (e.mission !== undefined && !missions.has(e.mission))
      problems.push(pf.problem([...at, 'mission'], `unknown mission "${e.mission}"`));
    if (/-(mandate-expiry|end)$/.test(e.id) && missions.has(e.id.replace(/-(mandate-expiry|end)$/, ''))) {
      problems.push(pf.problem([...at, 'id'], 'is reserved for the events derived from the mission'));
    }
  }

  if (!reference) throw new Error('reference.yaml was not loaded'); // loadDataset checks that it exists
  return { dataset: { reference, sources, countries, parties, missions, events, globalFigures }, problems };
}

/** Every `source:` anywhere must name a source record (the ids are read from the sources files when not given). */
function unknownSources(
  parsed: Array<{ pf: ParsedFile; data: unknown }>,
  known?: ReadonlyMap<string, Source>,
): DataProblem[] {
  const ids = new Set<string>(known?.keys());
  if (!known) {
    for (const { pf, data } of parsed) {
      if (pf.file.role === 'sources') for (const s of (data as z.output<typeof SourcesFile>).sources) ids.add(s.id);
    }
  }
  const problems: DataProblem[] = [];
  for (const { pf, data } of parsed) {
    if (pf.file.role === 'sources') continue;
    walkSources(data, [], (id, at) => {
      if (!ids.has(id)) problems.push(pf.problem(at, `unknown source "${id}" (no such id in data/sources/)`));
    });
  }
  return problems;
}

/** Calls `found` for every `source: <id>` in a parsed file, with its path (a shared stack, copied only on a hit). */
function walkSources(value: unknown, at: PathKey[], found: (id: string, at: PathKey[]) => void): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') continue;
      at.push(i);
      walkSources(item, at, found);
      at.pop();
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (key === 'source' && typeof child === 'string') found(child, [...at, key]);
    else if (child !== null && typeof child === 'object') {
      at.push(key);
      walkSources(child, at, found);
      at.pop();
    }
  }
}
