// Reading `remind` and `remind "<text>" at <date-time>`: the target, the lead times, the time of day and the zone,
// each checked, with a message that says how to write it when it is wrong.
import { DateTime, IANAZone } from 'luxon';
import type { MessageId } from '../../i18n/translate.js';
import type { Command } from '../command.js';
import type { Reading } from './command-registry.js';
import { cleanQuery } from './read-query.js';

/** The default lead times of `remind`, in days, largest first. */
const DEFAULT_LEAD_DAYS: readonly number[] = [30, 7, 1];

/** The longest lead time accepted, in days. */
const MAX_LEAD_DAYS = 365;

/** The most lead times one reminder takes. */
const MAX_LEADS = 10;

/** Reads the words after `remind`: a recurring reminder for a country or mission, or (quoted text) a one-off. */
export function readRemind(rest: string): Reading {
  if (!rest) return { problem: 'problem.remindWhat' };
  if (rest.startsWith('"') || rest.startsWith("'")) return readRemindOnce(rest);

  const tokens = rest.split(' ');
  const target: string[] = [];
  let i = 0;
  // The target is every word up to the first option (a lead time, `at` or `tz`).
  while (i < tokens.length && !isOptionStart(tokens[i]!)) target.push(tokens[i++]!);
  const targetText = cleanQuery(target.join(' '));
  if (!targetText) return { problem: 'problem.remindWhich' };

  let leadDays: number[] | undefined;
  let at: string | undefined;
  let tz: string | undefined;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    if (lower === 'at') {
      if (at !== undefined) return { problem: 'problem.oneTime' };
      const value = tokens[i + 1];
      at = value === undefined ? undefined : parseTimeOfDay(value);
      if (at === undefined) {
        const what = value === undefined ? 'A time' : `"${value}"`;
        return { problem: 'problem.notTime', values: { what } };
      }
      i += 2;
    } else if (lower === 'tz') {
      if (tz !== undefined) return { problem: 'problem.oneZone' };
      const value = tokens[i + 1];
      tz = value === undefined ? undefined : canonicalZone(value);
      if (tz === undefined) {
        const what = value === undefined ? 'A time zone' : `"${value}"`;
        return { problem: 'problem.notZone', values: { what } };
      }
      i += 2;
    } else if (isLeadToken(token)) {
      if (leadDays !== undefined) return { problem: 'problem.leadsOnce' };
      // Lead times may be written "30d,7d,1d", "30d, 7d, 1d" or "30d 7d 1d".
      const parts: string[] = [];
      while (i < tokens.length && isLeadToken(tokens[i]!)) parts.push(tokens[i++]!);
      const parsed = parseLeadDays(parts.join(','));
      if (!Array.isArray(parsed)) return parsed;
      leadDays = parsed;
    } else {
      return {
        problem: 'problem.notOption',
        values: { token },
      };
    }
  }
  const command: Command = {
    kind: 'remind',
    target: targetText,
    leadDays: leadDays ?? [...DEFAULT_LEAD_DAYS],
    at: at ?? '09:00',
  };
  if (tz !== undefined) command.tz = tz;
  return command;
}

/** Reads `"<text>" at <ISO 8601 date-time with offset>`, a one-off reminder. */
export function readRemindOnce(rest: string): Reading {
  const quote = rest[0]!;
  const close = rest.indexOf(quote, 1);
  if (close === -1) return { problem: 'problem.closingQuote', usageOf: 'remind-once' };
  const text = rest.slice(1, close).trim();
  if (!text) return { problem: 'problem.emptyText', usageOf: 'remind-once' };
  const after = rest.slice(close + 1).trim();
  const m = /^at\s+(\S+)$/i.exec(after);
  if (!m) {
    return { problem: 'problem.sayWhen', usageOf: 'remind-once' };
  }
  const at = parseIsoDateTime(m[1]!);
  if (!('iso' in at)) return { ...at, usageOf: 'remind-once' };
  return { kind: 'remind-once', text, at: at.iso };
}

function isOptionStart(token: string): boolean {
  const lower = token.toLowerCase();
  return lower === 'at' || lower === 'tz' || isLeadToken(token);
}

/** "30d", "30d,7d", "7d," or ",1d": a token that belongs to a list of lead times. */
function isLeadToken(token: string): boolean {
  return /^,?\d+d(?:,\d+d)*,?$/i.test(token) || token === ',';
}

/** What is wrong with a part of a reminder, as a catalogue id and its values. */
type Problem = { problem: MessageId; values?: Readonly<Record<string, string>> };

/** "30d,7d,1d" -> [30, 7, 1] (largest first, no repeats), or what is wrong with it. */
function parseLeadDays(text: string): number[] | Problem {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { problem: 'problem.leadNone' };
  const days = new Set<number>();
  for (const part of parts) {
    const m = /^(\d{1,4})d$/i.exec(part);
    if (!m) return { problem: 'problem.notLead', values: { part } };
    const n = Number(m[1]);
    if (n > MAX_LEAD_DAYS)
      return { problem: 'problem.leadTooFar', values: { days: String(n), max: String(MAX_LEAD_DAYS) } };
    days.add(n);
  }
  if (days.size > MAX_LEADS) return { problem: 'problem.leadsAtMost', values: { max: String(MAX_LEADS) } };
  return [...days].sort((a, b) => b - a);
}

/** "9:00" or "09:00" -> "09:00"; undefined unless it is a real time of day. */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!m) return undefined;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** The canonical IANA name of a zone ("europe/paris" -> "Europe/Paris"), or undefined if there is none. */
export function canonicalZone(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text) || !IANAZone.isValidZone(text)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** An ISO 8601 date-time that names its offset (`Z` or `+01:00`), or what is wrong with it. */
function parseIsoDateTime(text: string): { iso: string; date: Date } | Problem {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) {
      return { problem: 'problem.noOffset', values: { text } };
    }
    return { problem: 'problem.notIsoDateTime', values: { text: text.slice(0, 60) } };
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) return { problem: 'problem.notRealDateTime', values: { text } };
  return { iso: text.toUpperCase(), date: parsed.toJSDate() };
}
