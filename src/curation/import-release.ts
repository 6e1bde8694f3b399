// `caac data import <file or URL> [--data <dir>] [--write] [--json]`: reads a Security Council press release and
// proposes the dataset change as a unified diff, or applies it with --write once the whole dataset has been
// validated with it. Exit 0: done, or already recorded; 1: nothing safely readable (what was and was not read is
// printed, nothing written); 2: the dataset itself is invalid.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { formatProblem, loadDataset, loadDatasetFromFiles } from '../dataset/load-dataset.js';
import { applyChange, type FileEdit } from './apply-change.js';
import { readDatasetFiles } from './dataset-files.js';
import { findBody } from './find-body.js';
import { parseRelease, type Reading } from './parse-release.js';
import { type FetchLimits, readRelease, type ReleaseText } from './read-release.js';
import { type Change, releaseToChange } from './release-to-change.js';

/** How to import. */
export interface ImportOptions {
  dataDir: string;
  write: boolean;
  json: boolean;
  limits?: FetchLimits;
}

/** What to print and the exit code. */
export interface ImportResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Imports one release (see the file comment). Never throws for a bad release or dataset. */
export async function importRelease(target: string, options: ImportOptions): Promise<ImportResult> {
  const release = await readRelease(target, options.limits);
  if ('error' in release)
    return { code: 1, stdout: '', stderr: `caac data import: ${release.error}\nNothing written.\n` };
  const loaded = await loadDataset(options.dataDir);
  if (!loaded.ok) {
    const lines = loaded.problems.map(formatProblem);
    return {
      code: 2,
      stdout: '',
      stderr: `${lines.join('\n')}\n${lines.length} problem(s): the dataset was not loaded\n`,
    };
  }
  const reading = parseRelease(release.text);
  const body = findBody(loaded.dataset, release.text, reading.sanctions);
  const problems = [...reading.problems];
  if (!body.ok)
    problems.push(`${body.problem}${body.suggestions.length > 0 ? ` (nearest: ${body.suggestions.join(', ')})` : ''}`);
  if (body.ok && body.mission.kind === 'sanctions-regime' && reading.kind !== 'termination')
    reading.kind = 'sanctions-renewal';
  const report = { target, release, reading, mission: body.ok ? body.mission.id : undefined };
  if (problems.length > 0 || !body.ok) return refuse(report, problems, options);

  const change = releaseToChange(loaded.dataset, body.mission, reading, release);
  if (change.status === 'conflict') return refuse(report, [change.problem], options);
  if (change.status === 'already') return done(report, change, [], options, 'already recorded: nothing to change');
  const files = await readDatasetFiles(options.dataDir);
  const edits = applyChange(files, options.dataDir, change);
  if ('problem' in edits) return refuse(report, [edits.problem], options);
  const invalid = validate(files, edits);
  if (invalid.length > 0) return refuse(report, ['the change would leave the dataset invalid:', ...invalid], options);
  if (options.write) {
    for (const e of edits) {
      await mkdir(path.dirname(e.abs), { recursive: true });
      await writeFile(e.abs, e.after, 'utf8');
    }
  }
  const what = change.status === 'better-source' ? 'a better source for a recorded row' : 'a new mandate row';
  const outcome = options.write
    ? `written (${what}); the dataset was validated first`
    : `${what}; nothing written: run again with --write to apply`;
  return done(report, change, edits, options, outcome);
}

/** The dataset with the edits applied, validated as a whole: its problems, one line each. */
function validate(files: Awaited<ReturnType<typeof readDatasetFiles>>, edits: FileEdit[]): string[] {
  const byAbs = new Map(edits.map((e) => [e.abs, e]));
  const all = files.map((f) => ({ path: f.path, role: f.role, text: byAbs.get(f.abs)?.after ?? f.text }));
  for (const e of edits)
    if (!files.some((f) => f.abs === e.abs)) all.push({ path: e.path, role: e.role, text: e.after });
  const result = loadDatasetFromFiles(all);
  return result.ok ? [] : result.problems.map(formatProblem);
}

interface Report {
  target: string;
  release: ReleaseText;
  reading: Reading;
  mission: string | undefined;
}

function readJson(report: Report, problems: string[], extra: object): string {
  const r = report.reading;
  return `${JSON.stringify(
    {
      kind: r.kind ?? null,
      body: report.mission ?? null,
      resolution: r.resolution ?? null,
      adopted: r.adopted ?? null,
      expires: r.expires ?? null,
      panelExpires: r.panelExpires ?? null,
      source: {
        url: report.release.url ?? null,
        symbol: r.symbol ?? null,
        title: r.title ?? null,
        dateLine: r.dateLine ?? null,
      },
      language: r.language,
      inferences: r.inferences,
      problems,
      ...extra,
    },
    null,
    2,
  )}\n`;
}

function readLines(report: Report): string[] {
  const r = report.reading;
  const field = (label: string, value: string | undefined, missing: string) =>
    `  ${label}: ${value ?? `not read (${missing})`}`;
  return [
    `Read ${report.release.url ?? report.target} (${r.language === 'fr' ? 'French' : 'English'}):`,
    field('kind', r.kind, 'no decision recognised'),
    field('body', report.mission, 'see below'),
    field('resolution', r.resolution, 'see below'),
    field('adopted', r.adopted, r.dateLine ? `date line ${r.dateLine} gives no day for it` : 'no date line'),
    field('expires', r.expires, 'see below'),
    ...(r.panelExpires ? [`  Panel of Experts: ${r.panelExpires} (recorded apart from the measures)`] : []),
    ...(r.symbol ? [`  symbol: ${r.symbol}`] : []),
    ...r.inferences.map((i) => `Inferred: ${i}`),
  ];
}

function refuse(report: Report, problems: string[], options: ImportOptions): ImportResult {
  if (options.json) return { code: 1, stdout: readJson(report, problems, { status: 'refused' }), stderr: '' };
  const lines = [
    ...readLines(report),
    'Could not read safely:',
    ...problems.map((p) => `  - ${p}`),
    'Nothing written.',
  ];
  return { code: 1, stdout: '', stderr: `${lines.join('\n')}\n` };
}

function done(
  report: Report,
  change: Change,
  edits: FileEdit[],
  options: ImportOptions,
  outcome: string,
): ImportResult {
  // Paths as the curator will `git add` them: from the dataset folder's parent ("data/countries/mali.yaml").
  const shown = (e: FileEdit) =>
    path
      .relative(path.dirname(path.resolve(options.dataDir)), e.abs)
      .split(path.sep)
      .join('/');
  const diff = edits
    .map((e) => createTwoFilesPatch(`a/${shown(e)}`, `b/${shown(e)}`, e.before, e.after, '', '', { context: 3 }))
    .join('');
  if (options.json) {
    const extra = {
      status: change.status,
      written: options.write && edits.length > 0,
      files: edits.map((e) => e.path),
      diff,
    };
    return { code: 0, stdout: readJson(report, [], extra), stderr: '' };
  }
  return { code: 0, stdout: `${[...readLines(report), `Result: ${outcome}.`].join('\n')}\n${diff}`, stderr: '' };
}
