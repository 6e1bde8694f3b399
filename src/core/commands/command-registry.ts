// Every command, declared once: the words that start it, how it is written (its usage line), what `help` says of it
// (with an example), whether it belongs to a channel, how the words after it are read and, for the commands that need
// only the dataset, which answer builds its reply. The parser, `help`, usage errors, the core and the adapters all
// read this table. Adding a command: a variant in command.ts, an entry here, its answer in answers/, and its usage,
// help and answer strings in the catalogue (src/i18n/catalogue/, English and French).
import type { Answer } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { codes } from '../answers/codes.js';
import { countryAnswer } from '../answers/country-answer.js';
import { figures, globalFigures } from '../answers/figures.js';
import { help } from '../answers/help.js';
import type { HelpGuide, HelpLine } from '../answers/help.js';
import { lookup } from '../answers/lookup.js';
import { recommendations } from '../answers/recommendations.js';
import { renewals } from '../answers/renewals.js';
import { searchResults } from '../answers/search-results.js';
import { sources } from '../answers/sources.js';
import { languageWithoutChannel, readLang } from '../answers/language.js';
import type { MessageId } from '../../i18n/translate.js';
import type { Command } from '../command.js';
import { cleanQuery, requireQuery } from './read-query.js';
import { readRemindOnce } from './read-remind.js';
import { readRemindAnyKind, readRemindDigest, readRemindStale } from './read-remind-digest.js';
import { readRenewals } from './read-renewals.js';
import { usageError } from '../answers/usage-error.js';

/** The kinds of command a user can write (`invalid` is what the parser makes of the rest). */
export type RegisteredKind = Exclude<Command['kind'], 'invalid'>;

/** What a reader makes of the words after a command's word: a command, or what is wrong with how it is written. */
export type Reading =
  | Command
  | { problem: string; values?: Readonly<Record<string, string>>; usageOf?: RegisteredKind };

/** One command's entry. A command that needs a channel is answered by the reminders module, not from the dataset. */
export type CommandSpec<K extends RegisteredKind> = {
  /** The first words that select it, lower case (none: reached through another command, or the default). */
  words: readonly string[];
  /** How it is written, shown with a usage error: a catalogue id, so that it is shown in the answer's language. */
  usage: MessageId;
  /** Its lines in `help`, each an example and what it shows (none: not listed). */
  help: readonly HelpLine[];
  /** Reads the words after the command's word ('' when there are none). Never throws. */
  read(rest: string): Reading;
} & (
  | { needsChannel: true }
  | { needsChannel: false; answer(ctx: AnswerContext, command: Extract<Command, { kind: K }>): Answer }
);

/** The commands, in the order `help` lists them. */
export const COMMANDS = {
  lookup: {
    words: [],
    usage: 'usage.lookup',
    help: [
      {
        example: 'mali',
        text: 'help.lookup.country',
      },
      {
        example: 'mnla',
        text: 'help.lookup.party',
      },
    ],
    needsChannel: false,
    // The default: any text that starts with no command word is a name.
    read: (text) => {
      const query = cleanQuery(text);
      return query ? { kind: 'lookup', query } : { kind: 'help' };
    },
    answer: (ctx, c) => lookup(ctx, c.query, ['country', 'party', 'mission'], ''),
  },
  group: {
    words: ['group', 'party'],
    usage: 'usage.group',
    help: [{ example: 'group ansar dine', text: 'help.group' }],
    needsChannel: false,
    read: (rest) => requireQuery(rest, 'group', (query) => ({ kind: 'group', query })),
    answer: (ctx, c) => lookup(ctx, c.query, ['party'], 'group '),
  },
  recs: {
    words: ['recs', 'rec', 'recommendations', 'recommendation'],
    usage: 'usage.recs',
    help: [{ example: 'recs mali', text: 'help.recs' }],
    needsChannel: false,
    read: (rest) => requireQuery(rest, 'recs', (query) => ({ kind: 'recs', query })),
    answer: (ctx, c) => countryAnswer(ctx, c.query, 'recs ', recommendations),
  },
  figures: {
    words: ['figures', 'figure', 'numbers'],
    usage: 'usage.figures',
    help: [
      { example: 'figures mali', text: 'help.figures' },
      { example: 'figures', text: 'help.figuresGlobal' },
    ],
    needsChannel: false,
    // `figures` alone is the annual report's global totals; `figures <country>` the country's.
    read: (rest) => {
      const query = cleanQuery(rest);
      return query ? { kind: 'figures', query } : { kind: 'figures' };
    },
    answer: (ctx, c) => (c.query === undefined ? globalFigures(ctx) : countryAnswer(ctx, c.query, 'figures ', figures)),
  },
  sources: {
    words: ['sources', 'source'],
    usage: 'usage.sources',
    help: [{ example: 'sources mali', text: 'help.sources' }],
    needsChannel: false,
    read: (rest) => requireQuery(rest, 'sources', (query) => ({ kind: 'sources', query })),
    answer: (ctx, c) => countryAnswer(ctx, c.query, 'sources ', sources),
  },
  codes: {
    words: ['codes', 'code', 'legend'],
    usage: 'usage.codes',
    help: [{ example: 'codes', text: 'help.codes' }],
    needsChannel: false,
    read: () => ({ kind: 'codes' }),
    answer: (ctx) => codes(ctx),
  },
  renewals: {
    words: ['renewals', 'renewal', 'calendar', 'mandates'],
    usage: 'usage.renewals',
    help: [{ example: 'renewals [mali]', text: 'help.renewals' }],
    needsChannel: false,
    read: readRenewals,
    answer: (ctx, c) =>
      c.query === undefined
        ? renewals(ctx, undefined, c.withinDays)
        : countryAnswer(ctx, c.query, 'renewals ', (x, country) => renewals(x, country, c.withinDays)),
  },
  search: {
    words: ['search', 'find'],
    usage: 'usage.search',
    help: [{ example: 'search schools', text: 'help.search' }],
    needsChannel: false,
    read: (rest) => {
      const words = cleanQuery(rest);
      return words ? { kind: 'search', words } : { problem: 'problem.searchWhat' };
    },
    answer: (ctx, c) => searchResults(ctx, c.words),
  },
  remind: {
    words: ['remind'],
    usage: 'usage.remind',
    help: [
      // "here" is the Slack channel or the Teams conversation the command is typed in.
      {
        example: 'remind drc',
        text: 'help.remind',
      },
      {
        example: 'remind drc 7d,1d at 08:30 tz Europe/Paris',
        text: 'help.remindOptions',
      },
    ],
    needsChannel: true,
    read: readRemindAnyKind,
  },
  'remind-once': {
    words: [],
    usage: 'usage.remindOnce',
    help: [{ example: 'remind "Mali consultations" at 2026-12-03T09:30:00+01:00', text: 'help.remindOnce' }],
    needsChannel: true,
    read: readRemindOnce,
  },
  'remind-digest': {
    // Reached through `remind digest`.
    words: [],
    usage: 'usage.remindDigest',
    help: [{ example: 'remind digest on monday at 09:00 within 30d', text: 'help.remindDigest' }],
    needsChannel: true,
    read: readRemindDigest,
  },
  'remind-stale': {
    // Reached through `remind stale`.
    words: [],
    usage: 'usage.remindStale',
    help: [{ example: 'remind stale', text: 'help.remindStale' }],
    needsChannel: true,
    read: readRemindStale,
  },
  reminders: {
    words: ['reminders'],
    usage: 'usage.reminders',
    help: [{ example: 'reminders', text: 'help.remindersList' }],
    needsChannel: true,
    read: () => ({ kind: 'reminders' }),
  },
  forget: {
    words: ['forget', 'unremind'],
    usage: 'usage.forget',
    help: [{ example: 'forget <id>', text: 'help.forget' }],
    needsChannel: true,
    read: (rest) => {
      const id = rest.replace(/^["']|["']$/g, '').trim();
      if (!id) return { problem: 'problem.forgetWhich' };
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
        return { problem: 'problem.notReminderId', values: { id: id.slice(0, 64) } };
      return { kind: 'forget', id };
    },
  },
  lang: {
    words: ['lang', 'langue', 'language'],
    usage: 'usage.lang',
    help: [{ example: 'lang fr', text: 'help.lang' }],
    // It belongs to a channel, but is answered by the core itself (create-core.ts) where a channel and the store of
    // languages are there; from the terminal, the answer says to use --lang.
    needsChannel: false,
    read: readLang,
    answer: (ctx) => languageWithoutChannel(ctx),
  },
  help: {
    words: ['help', '?', 'aide'],
    usage: 'usage.help',
    help: [],
    needsChannel: false,
    read: (rest) => (rest ? { kind: 'help', topic: cleanQuery(rest).toLowerCase() } : { kind: 'help' }),
    answer: (ctx, c) => help(ctx, c.topic, helpGuide()),
  },
} satisfies { [K in RegisteredKind]: CommandSpec<K> };

type Registry = typeof COMMANDS;

/** The kinds of the commands that belong to a channel (the reminder commands). */
export type ChannelCommandKind = {
  [K in RegisteredKind]: Registry[K]['needsChannel'] extends true ? K : never;
}[RegisteredKind];

/** A command that belongs to a channel: answered by the reminders module, never from the dataset alone. */
export type ChannelCommand = Extract<Command, { kind: ChannelCommandKind }>;

/** A command answered from the dataset and the clock alone (usage errors included). */
export type DatasetCommand = Exclude<Command, ChannelCommand>;

/** Whether a command belongs to a channel (and so writes to, or reads, the reminder store). */
export function needsChannel(command: Command): command is ChannelCommand {
  return command.kind !== 'invalid' && COMMANDS[command.kind].needsChannel;
}

/** The answer to a command that needs only the dataset and the clock. */
export function answerFromDataset(command: DatasetCommand, ctx: AnswerContext): Answer {
  if (command.kind === 'invalid') return usageError(command.message, command.usage, ctx.lang, command.values);
  // Each entry's `answer` takes its own kind of command (checked above by `satisfies`); TypeScript cannot follow a
  // lookup by a union of keys, so the call is typed by hand.
  const answer = COMMANDS[command.kind].answer as (ctx: AnswerContext, command: DatasetCommand) => Answer;
  return answer(ctx, command);
}

let guide: HelpGuide | undefined;

// What `help` lists, read from the table once (it never changes at run time).
function helpGuide(): HelpGuide {
  if (guide) return guide;
  const specs: CommandSpec<RegisteredKind>[] = Object.values(COMMANDS);
  guide = {
    lookups: specs.filter((s) => !s.needsChannel && s !== COMMANDS.lang).flatMap((s) => s.help),
    // `lang` is a channel's setting too: listed with the reminder commands.
    reminders: [...specs.filter((s) => s.needsChannel).flatMap((s) => s.help), ...COMMANDS.lang.help],
    reminderWords: specs.filter((s) => s.needsChannel).flatMap((s) => s.words),
  };
  return guide;
}
