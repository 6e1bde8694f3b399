#!/usr/bin/env node
// The `caac` command line: the same commands as Slack and Teams, answered from the dataset in plain text (or the
// answer model as JSON). Exit codes: 0 answered, 1 nothing matched, 2 bad usage or an invalid dataset. Never prints
// a stack trace.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { Answer } from './core/answer.js';
import { fixedClock, systemClock } from './core/clock.js';
import { createCore } from './core/create-core.js';
import { parseCommand } from './core/parse-command.js';
import { checkDataset } from './dataset/check-dataset.js';
import { defaultDataDir, formatProblem, loadDataset } from './dataset/load-dataset.js';
import { staleReport } from './dataset/stale-report.js';
import { importRelease } from './curation/import-release.js';
import { type Lang, LANGS, parseLang } from './i18n/lang.js';
import { answerToPlainText } from './render/answer-to-plain-text.js';
import { secretsRotate } from './secrets-rotate.js';
import { newSecretsKey } from './storage/secret-box.js';

/** What the process should print and exit with; `run` never touches the process, so tests can call it. */
export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The command line's options, after flags are taken out of the arguments. */
export interface CliOptions {
  now?: Date;
  json: boolean;
  /** `data import` only: apply the change instead of printing it. */
  write?: boolean;
  data?: string;
  /** The language of the answer (`--lang fr`); English when absent. */
  lang?: Lang;
  words: string[];
}

const USAGE = [
  'usage: caac [--now <ISO date or date-time>] [--json] [--data <dir>] [--lang en|fr] <text…>',
  '       caac data check [--data <dir>]',
  '       caac data stale [--now <ISO date>] [--data <dir>] [--json]',
  '       caac data import <file or http(s) URL> [--data <dir>] [--write] [--json]',
  '       caac secrets new-key  (prints a random CAAC_SECRETS_KEY)',
  "       caac secrets rotate   (with the service's environment: CAAC_SECRETS_KEY, CAAC_SECRETS_KEY_PREVIOUS, database)",
  'Flags may stand anywhere. Try: caac help, caac mali, caac mnla, caac renewals',
].join('\n');

/** Splits flags (anywhere in the arguments) from the words of the command, or says what is wrong. */
export function parseArgs(argv: readonly string[]): CliOptions | { error: string } {
  const options: CliOptions = { json: false, words: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      options.words.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      options.words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    switch (name) {
      case '--json':
        if (inline !== undefined) return { error: '--json takes no value' };
        options.json = true;
        break;
      case '--write':
        if (inline !== undefined) return { error: '--write takes no value' };
        options.write = true;
        break;
      case '--now': {
        const v = value();
        if (v === undefined)
          return { error: '--now needs a date, e.g. --now 2021-06-01 or --now 2021-06-01T09:00:00+02:00' };
        const at = parseNow(v);
        if (!at)
          return {
            error: `--now: "${v}" is not an ISO 8601 date or date-time (e.g. 2021-06-01 or 2021-06-01T09:00:00Z)`,
          };
        options.now = at;
        break;
      }
      case '--data': {
        const v = value();
        if (!v) return { error: '--data needs a folder, e.g. --data ./data' };
        options.data = v;
        break;
      }
      case '--lang': {
        const v = value();
        const lang = parseLang(v);
        // Only a bare code: "--lang fr-FR" is accepted as fr, "--lang french" is not guessed at.
        if (!v || !lang || !/^[a-z]{2}([-_][a-z0-9]+)?$/i.test(v))
          return {
            error: `--lang: ${v ? `"${v}" is not a language caac speaks` : 'needs a language'}; available: ${LANGS.join(', ')}`,
          };
        options.lang = lang;
        break;
      }
      case '--help':
        options.words.unshift('help');
        break;
      default:
        return { error: `unknown option ${name}` };
    }
  }
  return options;
}

/** An ISO date (midnight UTC) or date-time (UTC unless it names an offset). */
export function parseNow(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/i.test(text)) return undefined;
  const dt = DateTime.fromISO(text, { zone: 'utc' });
  return dt.isValid ? dt.toJSDate() : undefined;
}

/** Runs the command line with these arguments (without `node caac`); `env` is read by `secrets rotate`. */
export async function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  const parsed = parseArgs(argv);
  if ('error' in parsed) return { code: 2, stdout: '', stderr: `caac: ${parsed.error}\n${USAGE}\n` };
  const dir = parsed.data ?? defaultDataDir();
  const [first, second] = parsed.words.map((w) => w.toLowerCase());
  if (parsed.write && !(first === 'data' && second === 'import'))
    return { code: 2, stdout: '', stderr: `caac: --write is only for \`data import\`\n${USAGE}\n` };

  if (first === 'data') {
    if (second === 'check' && parsed.words.length === 2) return dataCheck(dir);
    if (second === 'stale' && parsed.words.length === 2) return dataStale(dir, parsed);
    if (second === 'import' && parsed.words.length === 3)
      return importRelease(parsed.words[2]!, { dataDir: dir, write: parsed.write === true, json: parsed.json });
    return {
      code: 2,
      stdout: '',
      stderr: `caac: unknown data command "${parsed.words.slice(1).join(' ')}"\n${USAGE}\n`,
    };
  }

  if (first === 'secrets') {
    if (second === 'rotate' && parsed.words.length === 2) return secretsRotate(env);
    if (second === 'new-key' && parsed.words.length === 2)
      return { code: 0, stdout: `${newSecretsKey()}\n`, stderr: '' };
    return {
      code: 2,
      stdout: '',
      stderr: `caac: unknown secrets command "${parsed.words.slice(1).join(' ')}"\n${USAGE}\n`,
    };
  }

  const loaded = await loadDataset(dir);
  if (!loaded.ok) return invalidDataset(loaded.problems.map(formatProblem));
  const dataset = loaded.dataset;
  const core = createCore({ dataset: () => dataset, clock: parsed.now ? fixedClock(parsed.now) : systemClock });
  const answer = await core.answer(parseCommand(parsed.words.join(' ')), {
    platform: 'cli',
    ...(parsed.lang ? { lang: parsed.lang } : {}),
  });
  const stdout = parsed.json ? `${JSON.stringify(answer, null, 2)}\n` : `${answerToPlainText(answer)}\n`;
  return { code: exitCode(answer), stdout, stderr: '' };
}

/** 0 answered, 1 nothing matched, 2 bad usage or not available from the terminal. */
export function exitCode(answer: Answer): 0 | 1 | 2 {
  switch (answer.outcome) {
    case 'answered':
      return 0;
    case 'no-match':
      return 1;
    default:
      return 2;
  }
}

function invalidDataset(lines: readonly string[]): CliResult {
  return {
    code: 2,
    stdout: '',
    stderr: `${lines.join('\n')}\n${lines.length} problem${lines.length === 1 ? '' : 's'}: the dataset was not loaded\n`,
  };
}

async function dataCheck(dir: string): Promise<CliResult> {
  const result = await checkDataset(dir);
  if (!result.ok) return invalidDataset(result.problems.map(formatProblem));
  const warnings = result.warnings.map((w) => `warning: ${w}\n`).join('');
  return { code: 0, stdout: `ok: ${result.summary}\n`, stderr: warnings };
}

async function dataStale(dir: string, options: CliOptions): Promise<CliResult> {
  const loaded = await loadDataset(dir);
  if (!loaded.ok) return invalidDataset(loaded.problems.map(formatProblem));
  const report = staleReport(loaded.dataset, options.now ?? new Date());
  if (options.json) return { code: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
  const lines = [`Stale data on ${report.today} (facts older than ${report.maxAgeDays} days)`];
  if (report.mandates.length > 0) lines.push('', 'Mandates', ...report.mandates.map((m) => `  ${m.message}`));
  if (report.areas.length > 0) lines.push('', 'Old facts', ...report.areas.map((a) => `  ${a.message}`));
  if (report.mandates.length === 0 && report.areas.length === 0) lines.push('Nothing is stale.');
  return { code: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** Whether this module is the program being run (not imported by a test). */
function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // A closed pipe (`caac mali | head -1`) is not an error worth a trace.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  run(process.argv.slice(2)).then(
    (r) => {
      if (r.stderr) process.stderr.write(r.stderr);
      process.exitCode = r.code;
      if (r.stdout) process.stdout.write(r.stdout);
    },
    (err: unknown) => {
      process.stderr.write(`caac: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
