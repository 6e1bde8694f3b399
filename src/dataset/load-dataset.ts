// Loads data/ into a validated, cross-checked Dataset, or reports every problem at once as `file:line: field: message`.
// Each file is first held to the bounds of yaml-bounds.ts (size, anchors and aliases, expansion), then read with
// js-yaml (read-yaml-fast.ts), for speed; when js-yaml refuses a file, and whenever a problem has to be located, by
// the yaml package with source ranges kept (parsed-file.ts), so that a zod issue's path can be mapped back to the
// line an editor has to change. A dataset with any problem is never returned, not even in part. The work is a
// generator (loadSteps), run at once by the CLI or in slices by a live reload (run-sliced.ts).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crossCheck, unknownSources } from './cross-check.js';
import { firstLine, sortProblems } from './data-problem.js';
import type { DataProblem } from './data-problem.js';
import { issueToProblems, ParsedFile } from './parsed-file.js';
import type { DataFile } from './parsed-file.js';
import { readSnapshot, writeSnapshot } from './load-snapshot.js';
import { readYamlFastOrWhy } from './read-yaml-fast.js';
import { runNow, runSliced } from './run-sliced.js';
import { CountryFile, EventsFile, Reference, SourcesFile } from './schema.js';
import type { Dataset } from './schema.js';
import { DEFAULT_YAML_LIMITS, scanYamlText, tooBigMessage, valueBoundProblem } from './yaml-bounds.js';
import type { YamlLimits } from './yaml-bounds.js';

export { fieldName, formatProblem } from './data-problem.js';
export type { DataProblem } from './data-problem.js';
export type { DataFile } from './parsed-file.js';

/** The outcome of loading: the whole dataset, or every problem found (never a half-loaded dataset). */
export type LoadResult = { ok: true; dataset: Dataset; files: number } | { ok: false; problems: DataProblem[] };

/** How loadDataset runs. */
export interface LoadOptions {
  /** Run in slices of a few milliseconds, leaving the event loop free between them (a live reload). */
  sliced?: boolean;
  /** The bounds each file is held to (default DEFAULT_YAML_LIMITS). */
  limits?: YamlLimits;
  /**
   * A folder for the validated snapshot (load-snapshot.ts): used when it holds one of the same files and code, and
   * written after a successful load when it does not (the start-up; a reload does not pass it).
   */
  snapshotDir?: string;
}

/** All the files of a dataset together: far above any real dataset (the 4x benchmark is 49 MB). */
const MAX_DATASET_BYTES = 256 * 1024 * 1024;

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
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const shown = (abs: string) => path.relative(process.cwd(), abs) || abs;
  const refuse = (abs: string, message: string): LoadResult => ({
    ok: false,
    problems: [{ file: shown(abs), line: 1, field: '(file)', message }],
  });
  try {
    if (!(await stat(dir)).isDirectory()) return refuse(dir, 'is not a folder');
  } catch {
    return refuse(dir, 'no such folder');
  }
  const referencePath = path.join(dir, 'reference.yaml');
  if (!existsSync(referencePath))
    return refuse(referencePath, 'is missing: every dataset needs the legend in reference.yaml');

  const listed = await listDatasetFiles(dir);
  const unreadable: DataProblem[] = [];
  let total = 0;
  const read = await mapBounded(listed, READ_CONCURRENCY, async ({ abs, role }): Promise<DataFile | undefined> => {
    const problem = (message: string) => void unreadable.push({ file: shown(abs), line: 1, field: '(file)', message });
    try {
      // The size is checked before the file is read: a huge file is refused without filling the memory.
      const handle = await open(abs, 'r');
      try {
        const { size } = await handle.stat();
        if (size > limits.maxFileBytes) return void problem(tooBigMessage(size, limits));
        total += size;
        if (total > MAX_DATASET_BYTES) return void problem(`the dataset passes ${MAX_DATASET_BYTES >> 20} MiB here`);
        return { path: shown(abs), role, text: await handle.readFile('utf8') };
      } finally {
        await handle.close();
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problem(code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(err)})`);
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
  const digest = hash.digest('hex');
  const version = digest.slice(0, 12);
  const { snapshotDir } = options;
  const snapshot = snapshotDir ? await readSnapshot(snapshotDir, digest, version) : undefined;
  if (snapshot) return { ok: true, dataset: snapshot, files: files.length };
  const steps = loadSteps(files, version, limits);
  const result = options.sliced ? await runSliced(steps) : runNow(steps);
  if (result.ok && snapshotDir) await writeSnapshot(snapshotDir, digest, result.dataset);
  return result;
}

/** The files of the dataset in `dir`, in loading order: reference.yaml, then sources/, countries/, events/. */
export async function listDatasetFiles(dir: string): Promise<Array<{ abs: string; role: DataFile['role'] }>> {
  const listed: Array<{ abs: string; role: DataFile['role'] }> = [
    { abs: path.join(dir, 'reference.yaml'), role: 'reference' },
  ];
  for (const [sub, role] of [
    ['sources', 'sources'],
    ['countries', 'country'],
    ['events', 'events'],
  ] as const) {
    for (const name of await yamlFilesIn(path.join(dir, sub))) listed.push({ abs: path.join(dir, sub, name), role });
  }
  return listed;
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

const schemaFor = { reference: Reference, sources: SourcesFile, country: CountryFile, events: EventsFile } as const;

/** Validates and cross-checks dataset files given as text; `version` names the result (see loadDataset). */
export function loadDatasetFromFiles(
  files: readonly DataFile[],
  version?: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): LoadResult {
  return runNow(loadSteps(files, version ?? versionOf(files), limits));
}

/** The loader as steps: one file at a time, then the cross-checks (see run-sliced.ts). */
function* loadSteps(files: readonly DataFile[], version: string, limits: YamlLimits): Generator<void, LoadResult> {
  const problems: DataProblem[] = [];
  const parsed: Array<{ pf: ParsedFile; data: unknown }> = [];
  const invalid: Array<{ pf: ParsedFile; data: unknown }> = []; // schema problems: kept only for the source check
  for (const file of files) {
    yield;
    const pf = new ParsedFile(file);
    const read = readFile(pf, limits);
    if ('problems' in read) {
      problems.push(...read.problems);
      continue;
    }
    const result = schemaFor[file.role].safeParse(read.js);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(...issueToProblems(pf, read.js, issue));
      invalid.push({ pf, data: read.js });
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
    if (sourceFilesOk) problems.push(...(yield* unknownSources([...parsed, ...invalid])));
    return { ok: false, problems: sortProblems(problems) };
  }

  const built = yield* crossCheck(parsed);
  if (built.problems.length > 0) return { ok: false, problems: sortProblems(built.problems) };
  return { ok: true, dataset: { ...built.dataset, version }, files: files.length };
}

/** One file's value, held to the bounds before and after parsing, or its problems. */
function readFile(pf: ParsedFile, limits: YamlLimits): { js: unknown } | { problems: DataProblem[] } {
  const file = pf.file;
  const scan = scanYamlText(file.text, limits);
  if (scan.problems.length > 0) return { problems: scan.problems.map((p) => ({ file: file.path, ...p })) };
  const fast = readYamlFastOrWhy(file.text);
  let js: unknown;
  if (fast.ok) js = fast.value;
  else {
    const problem = (line: number, message: string): DataProblem => ({
      file: file.path,
      line,
      field: '(yaml)',
      message,
    });
    // The yaml package says more (every error, not the first), but takes seconds on a large hostile file.
    if (fast.tooDeep || file.text.length > SLOW_READER_MAX_CHARS)
      return { problems: [problem(fast.line, fast.message)] };
    const errors = pf.doc.errors;
    if (errors.length > 0) {
      const shown = errors
        .slice(0, YAML_ERRORS_SHOWN)
        .map((err) => problem(pf.lineAt(err.pos[0]), firstLine(err.message)));
      if (errors.length > YAML_ERRORS_SHOWN)
        shown.push(
          problem(
            pf.lineAt(errors[YAML_ERRORS_SHOWN]!.pos[0]),
            `and ${errors.length - YAML_ERRORS_SHOWN} more YAML errors from here on`,
          ),
        );
      return { problems: shown };
    }
    try {
      js = pf.doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      // The yaml package finds some faults (an alias to an anchor that is not set) only when it builds the value.
      return { problems: [problem(scan.aliasLine ?? 1, firstLine(err instanceof Error ? err.message : String(err)))] };
    }
  }
  // Aliases share nodes; every reader after this one would walk them as a tree, so the expansion is bounded here.
  // (Checked wherever the text might hold one, as js-yaml reads it: the lexer's count is the yaml package's view.)
  const over = scan.maybeAliases ? valueBoundProblem(js, limits) : undefined;
  if (over) return { problems: [{ file: file.path, line: scan.aliasLine ?? 1, field: '(yaml)', message: over }] };
  return { js };
}

/** Files js-yaml refuses are read again by the yaml package for its fuller messages up to this size only. */
const SLOW_READER_MAX_CHARS = 64 * 1024;
/** YAML errors listed per file, before the rest are counted in one line. */
const YAML_ERRORS_SHOWN = 20;

function versionOf(files: readonly DataFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.text).update('\0');
  return hash.digest('hex').slice(0, 12);
}
