// One grammar for every platform: the text after `/caac`, a Teams message or `npx caac` becomes a `Command`.
// Forgiving of case, extra spaces, smart quotes and a leading `caac`; a malformed command becomes `invalid` with
// what was wrong and how to write it, never an exception.
import { IANAZone } from 'luxon';
import { DateTime } from 'luxon';
import type { Command } from './command.js';

/** How each command is written, shown with `invalid` answers and in help. */
export const USAGE = {
  help: 'help',
  lookup: '<country or party>, e.g. mali, MLI, mnla',
  group: 'group <party name>, e.g. group mnla',
  recs: 'recs <country>, e.g. recs mali',
  figures: 'figures [country], e.g. figures or figures mali',
  sources: 'sources <country>, e.g. sources mali',
  codes: 'codes',
  renewals: 'renewals [country], e.g. renewals or renewals mali',
  search: 'search <words>, e.g. search schools',
  remind:
    'remind <country or mission> [30d,7d,1d] [at HH:MM] [tz Area/City], e.g. remind mali 30d,7d at 09:00 tz Europe/Paris',
  'remind-once':
    'remind "<text>" at <ISO 8601 date-time with offset>, e.g. remind "Mali consultations" at 2026-12-03T09:30:00+01:00',
  reminders: 'reminders',
  forget: 'forget <id>, e.g. forget r12',
} as const;

/** The longest text we try to understand; longer input is answered with a usage message. */
export const MAX_COMMAND_LENGTH = 500;

/** The default lead times of `remind`, in days, largest first. */
export const DEFAULT_LEAD_DAYS: readonly number[] = [30, 7, 1];

/** The longest lead time accepted, in days. */
export const MAX_LEAD_DAYS = 365;

/** Cleans typed text: smart quotes to straight ones, odd spaces to one space, no control characters. */
export function normalizeCommandText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this strips.
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
      .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g, ' ')
      .trim()
  );
}

/** Parses command text into a `Command`. Never throws. */
export function parseCommand(text: string): Command {
  const input = typeof text === 'string' ? normalizeCommandText(text) : '';
  if (input.length > MAX_COMMAND_LENGTH) {
    return invalid(
      input.slice(0, 80),
      `That is too long to be a command (over ${MAX_COMMAND_LENGTH} characters).`,
      USAGE.help,
    );
  }
  // A leading `caac`, `/caac` or `@caac` is the bot's own name (Teams messages, habits from Slack).
  const body = input.replace(/^(?:[/@]?caac(?:-bot)?)(?=\s|$)\s*/i, '');
  if (body === '') return { kind: 'help' };

  const space = body.indexOf(' ');
  const word = (space === -1 ? body : body.slice(0, space)).toLowerCase().replace(/[?!.:,;]+$/, '');
  const rest = space === -1 ? '' : body.slice(space + 1).trim();

  switch (word) {
    case 'help':
    case '?':
    case 'aide':
      return rest ? { kind: 'help', topic: cleanQuery(rest).toLowerCase() } : { kind: 'help' };
    case 'group':
    case 'party':
      return needsQuery(body, rest, 'group', (query) => ({ kind: 'group', query }));
    case 'recs':
    case 'rec':
    case 'recommendations':
    case 'recommendation':
      return needsQuery(body, rest, 'recs', (query) => ({ kind: 'recs', query }));
    case 'figures':
    case 'figure':
    case 'numbers':
      // `figures` alone is the annual report's global totals; `figures <country>` the country's.
      return cleanQuery(rest) ? { kind: 'figures', query: cleanQuery(rest) } : { kind: 'figures' };
    case 'sources':
    case 'source':
      return needsQuery(body, rest, 'sources', (query) => ({ kind: 'sources', query }));
    case 'codes':
    case 'code':
    case 'legend':
      return { kind: 'codes' };
    case 'renewals':
    case 'renewal':
    case 'calendar':
    case 'mandates': {
      const query = cleanQuery(rest);
      return query ? { kind: 'renewals', query } : { kind: 'renewals' };
    }
    case 'search':
    case 'find': {
      const words = cleanQuery(rest);
      return words ? { kind: 'search', words } : invalid(body, 'Say what to search for.', USAGE.search);
    }
    case 'remind':
      return parseRemind(body, rest);
    case 'reminders':
      return { kind: 'reminders' };
    case 'forget':
    case 'unremind': {
      const id = rest.replace(/^["']|["']$/g, '').trim();
      if (!id)
        return invalid(body, 'Say which reminder to forget: `reminders` lists them with their ids.', USAGE.forget);
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        return invalid(body, `"${id.slice(0, 64)}" is not a reminder id: \`reminders\` lists them.`, USAGE.forget);
      }
      return { kind: 'forget', id };
    }
    default: {
      const query = cleanQuery(body);
      return query ? { kind: 'lookup', query } : { kind: 'help' };
    }
  }
}

function needsQuery(
  body: string,
  rest: string,
  kind: 'group' | 'recs' | 'figures' | 'sources',
  make: (q: string) => Command,
): Command {
  const query = cleanQuery(rest);
  if (!query) {
    const what = kind === 'group' ? 'party' : 'country';
    return invalid(body, `Say which ${what}: \`${kind} <${what}>\`.`, USAGE[kind]);
  }
  return make(query);
}

/** A name as typed, minus surrounding quotes and trailing punctuation ("mali?" -> "mali"). */
function cleanQuery(text: string): string {
  return text
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/[?!.,;:]+$/, '')
    .trim();
}

function invalid(input: string, message: string, usage: string): Command {
  return { kind: 'invalid', input, message, usage };
}

function parseRemind(body: string, rest: string): Command {
  if (!rest)
    return invalid(
      body,
      'Say what to be reminded of: a country or mission, or a quoted text with a date-time.',
      USAGE.remind,
    );
  if (rest.startsWith('"') || rest.startsWith("'")) return parseRemindOnce(body, rest);

  const tokens = rest.split(' ');
  const target: string[] = [];
  let i = 0;
  // The target is every word up to the first option (a lead time, `at` or `tz`).
  while (i < tokens.length && !isOptionStart(tokens[i]!)) target.push(tokens[i++]!);
  const targetText = cleanQuery(target.join(' '));
  if (!targetText) return invalid(body, 'Say which country or mission to be reminded about.', USAGE.remind);

  let leadDays: number[] | undefined;
  let at: string | undefined;
  let tz: string | undefined;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const lower = token.toLowerCase();
    if (lower === 'at') {
      if (at !== undefined) return invalid(body, 'Give one time of day (`at HH:MM`).', USAGE.remind);
      const value = tokens[i + 1];
      const time = value === undefined ? undefined : parseTimeOfDay(value);
      if (time === undefined) {
        return invalid(
          body,
          `${value === undefined ? 'A time' : `"${value}"`} is not a time of day: write it as HH:MM, e.g. at 09:00.`,
          USAGE.remind,
        );
      }
      at = time;
      i += 2;
    } else if (lower === 'tz') {
      if (tz !== undefined) return invalid(body, 'Give one time zone (`tz Area/City`).', USAGE.remind);
      const value = tokens[i + 1];
      const zone = value === undefined ? undefined : canonicalZone(value);
      if (zone === undefined) {
        return invalid(
          body,
          `${value === undefined ? 'A time zone' : `"${value}"`} is not a time zone: use an IANA name such as Europe/Paris or America/New_York.`,
          USAGE.remind,
        );
      }
      tz = zone;
      i += 2;
    } else if (isLeadToken(token)) {
      if (leadDays !== undefined) return invalid(body, 'Give the lead times once, e.g. 30d,7d,1d.', USAGE.remind);
      // Lead times may be written "30d,7d,1d", "30d, 7d, 1d" or "30d 7d 1d".
      const parts: string[] = [];
      while (i < tokens.length && isLeadToken(tokens[i]!)) parts.push(tokens[i++]!);
      const parsed = parseLeadDays(parts.join(','));
      if (typeof parsed === 'string') return invalid(body, parsed, USAGE.remind);
      leadDays = parsed;
    } else {
      return invalid(
        body,
        `I did not understand "${token}" here: options are lead times (30d,7d,1d), at HH:MM and tz Area/City.`,
        USAGE.remind,
      );
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

function parseRemindOnce(body: string, rest: string): Command {
  const quote = rest[0]!;
  const close = rest.indexOf(quote, 1);
  if (close === -1) return invalid(body, 'The reminder text needs a closing quote.', USAGE['remind-once']);
  const text = rest.slice(1, close).trim();
  if (!text) return invalid(body, 'The reminder text is empty.', USAGE['remind-once']);
  const after = rest.slice(close + 1).trim();
  const m = /^at\s+(\S+)$/i.exec(after);
  if (!m)
    return invalid(body, 'Say when: `at` and a date-time such as 2026-12-03T09:30:00+01:00.', USAGE['remind-once']);
  const at = parseIsoDateTime(m[1]!);
  if (typeof at !== 'object') return invalid(body, at, USAGE['remind-once']);
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

/** "30d,7d,1d" -> [30, 7, 1] (largest first, no repeats), or what is wrong with it. */
export function parseLeadDays(text: string): number[] | string {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return 'Give at least one lead time, e.g. 7d.';
  const days = new Set<number>();
  for (const part of parts) {
    const m = /^(\d{1,4})d$/i.exec(part);
    if (!m) return `"${part}" is not a lead time: write days like 30d.`;
    const n = Number(m[1]);
    if (n > MAX_LEAD_DAYS) return `${n}d is too far ahead: lead times go up to ${MAX_LEAD_DAYS}d.`;
    days.add(n);
  }
  if (days.size > 10) return 'At most 10 lead times.';
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
export function parseIsoDateTime(text: string): { iso: string; date: Date } | string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) {
      return `"${text}" has no UTC offset: add one, e.g. ${text}+01:00 or ${text}Z.`;
    }
    return `"${text.slice(0, 60)}" is not an ISO 8601 date-time: write it like 2026-12-03T09:30:00+01:00.`;
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid)
    return `"${text}" is not a real date-time (${parsed.invalidExplanation ?? parsed.invalidReason ?? 'invalid'}).`;
  return { iso: text.toUpperCase(), date: parsed.toJSDate() };
}
