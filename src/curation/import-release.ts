// `caac data import <file or URL> [--data <dir>] [--write] [--json]`: reads a Security Council press release and
// proposes the dataset change as a unified diff, or applies it with --write once the whole dataset has been
// validated with it. Exit 0: done, or already recorded; 1: nothing safely readable (what was and was not read is
// printed, nothing written); 2: the dataset itself is invalid.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { formatProblem, loadDataset, loadDatasetFromFiles } from '../dataset/load-dataset.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import { applyChange, type FileEdit } from './apply-change.js';
import { readDatasetFiles } from './dataset-files.js';
import { findBody } from './find-body.js';
import { parseRelease, type Reading } from './parse-release.js';
import { type FetchLimits, readRelease, type ReleaseText } from './read-release.js';
import { type Change, releaseToChange } from './release-to-change.js';
import { type Said, said, say } from './said.js';

/** How to import. */
export interface ImportOptions {
  dataDir: string;
  write: boolean;
  json: boolean;
  limits?: FetchLimits;
  /** The language of what is printed (`--lang fr`); English when absent. What is written to data/ is English. */
  lang?: Lang;
}

/** What to print and the exit code. */
export interface ImportResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Imports one release (see the file comment). Never throws for a bad release or dataset. */
export async function importRelease(target: string, options: ImportOptions): Promise<ImportResult> {
  const lang = options.lang ?? DEFAULT_LANG;
  const release = await readRelease(target, options.limits);
  if ('error' in release) {
    const error = t(lang, 'import.error', { error: say(lang, release.error) });
    return { code: 1, stdout: '', stderr: `${error}\n${t(lang, 'import.nothingWritten')}\n` };
  }
  const loaded = await loadDataset(options.dataDir);
  if (!loaded.ok) {
    const lines = loaded.problems.map(formatProblem);
    const count = lines.length;
    return { code: 2, stdout: '', stderr: `${lines.join('\n')}\n${t(lang, 'cli.datasetInvalid', { count })}\n` };
  }
  const reading = parseRelease(release.text);
  const body = findBody(loaded.dataset, release.text, reading.sanctions);
  const problems = [...reading.problems];
  if (!body.ok)
    problems.push(
      body.suggestions.length > 0
        ? said('import.nearest', { problem: say(lang, body.problem), names: body.suggestions.join(', ') })
        : body.problem,
    );
  if (body.ok && body.mission.kind === 'sanctions-regime' && reading.kind !== 'termination')
    reading.kind = 'sanctions-renewal';
  const report = { target, release, reading, mission: body.ok ? body.mission.id : undefined };
  if (problems.length > 0 || !body.ok) return refuse(report, problems, options);

  const change = releaseToChange(loaded.dataset, body.mission, reading, release);
  if (change.status === 'conflict') return refuse(report, [change.problem], options);
  if (change.status === 'already') return done(report, change, [], options, t(lang, 'import.already'));
  const files = await readDatasetFiles(options.dataDir);
  const edits = applyChange(files, options.dataDir, change);
  if ('problem' in edits) return refuse(report, [edits.problem], options);
  const invalid = validate(files, edits);
  if (invalid.length > 0) return refuse(report, [said('import.invalidAfter'), ...invalid], options);
  if (options.write) {
    for (const e of edits) {
      await mkdir(path.dirname(e.abs), { recursive: true });
      await writeFile(e.abs, e.after, 'utf8');
    }
  }
  const what = t(lang, 'import.what', { what: change.status === 'better-source' ? 'better' : 'new' });
  const outcome = t(lang, options.write ? 'import.written' : 'import.dryRun', { what });
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

// A problem: a message of the importer, or a line of `data check` (file:line: field: message) shown as it is.
type Problem = Said | string;

function readJson(report: Report, problems: Problem[], extra: object, lang: Lang): string {
  const r = report.reading;
  const text = (p: Problem) => (typeof p === 'string' ? p : say(lang, p));
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
      inferences: r.inferences.map(text),
      problems: problems.map(text),
      ...extra,
    },
    null,
    2,
  )}\n`;
}

function readLines(report: Report, lang: Lang): string[] {
  const r = report.reading;
  const field = (name: string, value: string | undefined, why: string) =>
    t(lang, 'import.field', {
      field: name,
      value: value ?? t(lang, 'import.notRead', { why, dateLine: r.dateLine ?? '' }),
    });
  return [
    t(lang, 'import.read', { where: report.release.url ?? report.target, language: r.language }),
    field('kind', r.kind && t(lang, 'import.kind', { kind: r.kind }), 'noDecision'),
    field('body', report.mission, 'below'),
    field('resolution', r.resolution, 'below'),
    field('adopted', r.adopted, r.dateLine ? 'noDayInDateLine' : 'noDateLine'),
    field('expires', r.expires, 'below'),
    ...(r.panelExpires ? [t(lang, 'import.panel', { date: r.panelExpires })] : []),
    ...(r.symbol ? [field('symbol', r.symbol, 'below')] : []),
    ...r.inferences.map((i) => t(lang, 'import.inferred', { text: say(lang, i) })),
  ];
}

function refuse(report: Report, problems: Problem[], options: ImportOptions): ImportResult {
  const lang = options.lang ?? DEFAULT_LANG;
  if (options.json) return { code: 1, stdout: readJson(report, problems, { status: 'refused' }, lang), stderr: '' };
  const lines = [
    ...readLines(report, lang),
    t(lang, 'import.couldNotRead'),
    ...problems.map((p) => `  - ${typeof p === 'string' ? p : say(lang, p)}`),
    t(lang, 'import.nothingWritten'),
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
  const lang = options.lang ?? DEFAULT_LANG;
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
    return { code: 0, stdout: readJson(report, [], extra, lang), stderr: '' };
  }
  const lines = [...readLines(report, lang), t(lang, 'import.result', { outcome })];
  return { code: 0, stdout: `${lines.join('\n')}\n${diff}`, stderr: '' };
}
