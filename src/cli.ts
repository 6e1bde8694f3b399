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
import { DEFAULT_LANG, type Lang, LANGS, parseLang } from './i18n/lang.js';
import { type MessageId, type MessageValues, messages, t } from './i18n/translate.js';
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

/** What is wrong with the arguments: a catalogue message, written in the language asked for. */
interface ArgsError {
  error: MessageId;
  values?: MessageValues;
}

/** Splits flags (anywhere in the arguments) from the words of the command, or says what is wrong. */
export function parseArgs(argv: readonly string[]): CliOptions | ArgsError {
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
        if (inline !== undefined) return { error: 'cli.noValue', values: { flag: '--json' } };
        options.json = true;
        break;
      case '--write':
        if (inline !== undefined) return { error: 'cli.noValue', values: { flag: '--write' } };
        options.write = true;
        break;
      case '--now': {
        const v = value();
        if (v === undefined) return { error: 'cli.nowNeeds' };
        const at = parseNow(v);
        if (!at) return { error: 'cli.nowBad', values: { value: v } };
        options.now = at;
        break;
      }
      case '--data': {
        const v = value();
        if (!v) return { error: 'cli.dataNeeds' };
        options.data = v;
        break;
      }
      case '--lang': {
        const v = value();
        const lang = parseLang(v);
        // Only a bare code: "--lang fr-FR" is accepted as fr, "--lang french" is not guessed at.
        if (!v || !lang || !/^[a-z]{2}([-_][a-z0-9]+)?$/i.test(v))
          return {
            error: v ? 'cli.langBad' : 'cli.langNeeds',
            values: { value: v ?? '', available: LANGS.join(', ') },
          };
        options.lang = lang;
        break;
      }
      case '--help':
        options.words.unshift('help');
        break;
      default:
        return { error: 'cli.unknownOption', values: { name } };
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
  // Bad usage is said in the language asked for, even when another flag is what is wrong.
  const lang = 'error' in parsed ? langAskedFor(argv) : (parsed.lang ?? DEFAULT_LANG);
  const usage = (error: MessageId, values?: MessageValues): CliResult => {
    const m = messages(lang);
    return { code: 2, stdout: '', stderr: `${m('cli.error', { message: m(error, values) })}\n${m('cli.usage')}\n` };
  };
  if ('error' in parsed) return usage(parsed.error, parsed.values);
  const dir = parsed.data ?? defaultDataDir();
  const [first, second] = parsed.words.map((w) => w.toLowerCase());
  if (parsed.write && !(first === 'data' && second === 'import')) return usage('cli.writeOnlyImport');

  if (first === 'data') {
    if (second === 'check' && parsed.words.length === 2) return dataCheck(dir, lang);
    if (second === 'stale' && parsed.words.length === 2) return dataStale(dir, parsed);
    if (second === 'import' && parsed.words.length === 3)
      return importRelease(parsed.words[2]!, { dataDir: dir, write: parsed.write === true, json: parsed.json, lang });
    return usage('cli.unknownData', { words: parsed.words.slice(1).join(' ') });
  }

  if (first === 'secrets') {
    if (second === 'rotate' && parsed.words.length === 2) return secretsRotate(env);
    if (second === 'new-key' && parsed.words.length === 2)
      return { code: 0, stdout: `${newSecretsKey()}\n`, stderr: '' };
    return usage('cli.unknownSecrets', { words: parsed.words.slice(1).join(' ') });
  }

  const loaded = await loadDataset(dir);
  if (!loaded.ok) return invalidDataset(loaded.problems.map(formatProblem), lang);
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

/** The language of `--lang` in arguments that did not parse (English when it is absent or is what is wrong). */
function langAskedFor(argv: readonly string[]): Lang {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const arg = at === -1 ? undefined : args[at]!;
  const code = arg?.startsWith('--lang=') ? arg.slice('--lang='.length) : args[at + 1];
  return (at !== -1 && parseLang(code)) || DEFAULT_LANG;
}

function invalidDataset(lines: readonly string[], lang: Lang = DEFAULT_LANG): CliResult {
  const count = lines.length;
  return { code: 2, stdout: '', stderr: `${lines.join('\n')}\n${t(lang, 'cli.datasetInvalid', { count })}\n` };
}

async function dataCheck(dir: string, lang: Lang): Promise<CliResult> {
  const result = await checkDataset(dir);
  if (!result.ok) return invalidDataset(result.problems.map(formatProblem), lang);
  const warnings = result.warnings.map((w) => `warning: ${w}\n`).join('');
  return { code: 0, stdout: `ok: ${result.summary}\n`, stderr: warnings };
}

async function dataStale(dir: string, options: CliOptions): Promise<CliResult> {
  const loaded = await loadDataset(dir);
  if (!loaded.ok) return invalidDataset(loaded.problems.map(formatProblem), options.lang);
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
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${t(langAskedFor(process.argv.slice(2)), 'cli.internalError', { message })}\n`);
      process.exitCode = 2;
    },
  );
}
