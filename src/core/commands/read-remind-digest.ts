// Reading `remind digest [weekly] [on <day>] [at HH:MM] [tz Area/City] [within Nd] [<country>, …] [always]` and
// `remind stale [at HH:MM] [tz Area/City]`. Options may come in any order; the words that are no option are the
// countries, separated by commas (or "and", "et"), resolved against the dataset when the command is answered.
import type { Command } from '../command.js';
import type { Reading } from './command-registry.js';
import { canonicalZone, parseTimeOfDay, readRemind } from './read-remind.js';
import { MAX_WITHIN_DAYS } from './read-renewals.js';
import { cleanQuery } from './read-query.js';

/** How far a digest looks ahead unless told. */
export const DEFAULT_DIGEST_DAYS = 30;

// Day names, English and French, full and short, to ISO weekdays (1 Monday … 7 Sunday).
const DAYS = new Map<string, number>(
  [
    ['monday', 'mon', 'lundi'],
    ['tuesday', 'tue', 'tues', 'mardi'],
    ['wednesday', 'wed', 'mercredi'],
    ['thursday', 'thu', 'thur', 'thurs', 'jeudi'],
    ['friday', 'fri', 'vendredi'],
    ['saturday', 'sat', 'samedi'],
    ['sunday', 'sun', 'dimanche'],
  ].flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);

/** "monday", "Mondays", "lun…" → 1 … 7; undefined when it is no day. */
function parseWeekday(text: string): number | undefined {
  const word = text.toLowerCase().replace(/[.,]$/, '');
  return DAYS.get(word) ?? DAYS.get(word.replace(/s$/, ''));
}

/** "30d", "30", "30days" → 30; NaN when not a number of days. */
function parseDays(token: string, next: string | undefined): { days: number; used: number } {
  const m = /^(\d{1,4})(d|days?)?$/i.exec(token);
  if (!m) return { days: Number.NaN, used: 1 };
  const unitNext = !m[2] && next !== undefined && /^(d|days?)$/i.test(next);
  return { days: Number(m[1]), used: unitNext ? 2 : 1 };
}

/** Reads the words after `remind`: `digest …` and `stale …` here, a subscription or a one-off in read-remind.ts. */
export function readRemindAnyKind(rest: string): Reading {
  const [first = '', ...others] = rest.split(' ');
  if (first.toLowerCase() === 'digest') return readRemindDigest(others.join(' '));
  if (first.toLowerCase() === 'stale') return readRemindStale(others.join(' '));
  return readRemind(rest);
}

/** Reads the words after `remind digest`. */
export function readRemindDigest(rest: string): Reading {
  const tokens = rest.split(' ').filter((t) => t !== '');
  const seen = new Set<string>();
  const once = (option: string): Reading | undefined => {
    if (seen.has(option)) return { problem: 'problem.digestOnce', values: { option }, usageOf: 'remind-digest' };
    seen.add(option);
    return undefined;
  };
  const countries: string[] = [];
  let chunk: string[] = [];
  const closeChunk = () => {
    const name = cleanQuery(chunk.join(' '));
    if (name) countries.push(name);
    chunk = [];
  };
  const command: Extract<Command, { kind: 'remind-digest' }> = {
    kind: 'remind-digest',
    weekday: 1,
    at: '09:00',
    withinDays: DEFAULT_DIGEST_DAYS,
    countries,
    always: false,
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    const value = tokens[i + 1];
    if (lower === 'weekly') {
      closeChunk();
    } else if (lower === 'always') {
      closeChunk();
      command.always = true;
    } else if (lower === 'on' || lower === 'at' || lower === 'tz' || lower === 'within') {
      closeChunk();
      const twice = once(lower);
      if (twice) return twice;
      const read = readOption(lower, value, tokens[i + 2]);
      if ('problem' in read) return read;
      Object.assign(command, read.set);
      i += read.used;
    } else if (lower === ',' || lower === 'and' || lower === 'et') {
      closeChunk();
    } else {
      chunk.push(token);
      if (token.endsWith(',')) closeChunk();
    }
  }
  closeChunk();
  return command;
}

type OptionRead =
  | { set: Partial<Extract<Command, { kind: 'remind-digest' }>>; used: number }
  | { problem: string; values?: Record<string, string>; usageOf: 'remind-digest' };

/** Reads the value of `on`, `at`, `tz` or `within`. */
function readOption(option: string, value: string | undefined, after: string | undefined): OptionRead {
  const usageOf = 'remind-digest' as const;
  if (option === 'on') {
    const weekday = value === undefined ? undefined : parseWeekday(value);
    if (weekday === undefined)
      return { problem: 'problem.digestDay', values: { what: value === undefined ? 'A day' : `"${value}"` }, usageOf };
    return { set: { weekday }, used: 1 };
  }
  if (option === 'at') {
    const at = value === undefined ? undefined : parseTimeOfDay(value);
    if (at === undefined)
      return { problem: 'problem.notTime', values: { what: value === undefined ? 'A time' : `"${value}"` }, usageOf };
    return { set: { at }, used: 1 };
  }
  if (option === 'tz') {
    const tz = value === undefined ? undefined : canonicalZone(value);
    if (tz === undefined)
      return {
        problem: 'problem.notZone',
        values: { what: value === undefined ? 'A time zone' : `"${value}"` },
        usageOf,
      };
    return { set: { tz }, used: 1 };
  }
  const { days, used } = value === undefined ? { days: Number.NaN, used: 0 } : parseDays(value, after);
  if (!Number.isInteger(days) || days < 1 || days > MAX_WITHIN_DAYS)
    return { problem: 'problem.within', values: { max: String(MAX_WITHIN_DAYS) }, usageOf };
  return { set: { withinDays: days }, used };
}

/** Reads the words after `remind stale`: a time of day and a zone, both optional. */
export function readRemindStale(rest: string): Reading {
  const tokens = rest.split(' ').filter((t) => t !== '');
  const command: Extract<Command, { kind: 'remind-stale' }> = { kind: 'remind-stale', at: '09:00' };
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i += 2) {
    const option = tokens[i]!.toLowerCase();
    if (option !== 'at' && option !== 'tz')
      return { problem: 'problem.staleOption', values: { token: tokens[i]!.slice(0, 40) }, usageOf: 'remind-stale' };
    if (seen.has(option)) return { problem: 'problem.digestOnce', values: { option }, usageOf: 'remind-stale' };
    seen.add(option);
    const read = readOption(option, tokens[i + 1], undefined);
    if ('problem' in read) return { ...read, usageOf: 'remind-stale' };
    if (read.set.at) command.at = read.set.at;
    if (read.set.tz) command.tz = read.set.tz;
  }
  return command;
}
