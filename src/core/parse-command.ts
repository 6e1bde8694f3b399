// One grammar for every platform: the text after `/caac`, a Teams message or `npx caac` becomes a `Command`.
// Forgiving of case, extra spaces, smart quotes and a leading `caac`; a malformed command becomes `invalid` with
// what was wrong and how to write it, never an exception. Which words start which command, and how the rest is read,
// is the command registry's (commands/command-registry.ts).
import type { Command } from './command.js';
import { COMMANDS } from './commands/command-registry.js';
import type { CommandSpec, Reading, RegisteredKind } from './commands/command-registry.js';

/** The longest text we try to understand; longer input is answered with a usage message. */
const MAX_COMMAND_LENGTH = 500;

// Each command word (and alias) to its command.
const BY_WORD = new Map<string, RegisteredKind>(
  (Object.entries(COMMANDS) as [RegisteredKind, CommandSpec<RegisteredKind>][]).flatMap(([kind, spec]) =>
    spec.words.map((word) => [word, kind] as const),
  ),
);

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
    return {
      kind: 'invalid',
      input: input.slice(0, 80),
      message: `That is too long to be a command (over ${MAX_COMMAND_LENGTH} characters).`,
      usage: COMMANDS.help.usage,
    };
  }
  // A leading `caac`, `/caac` or `@caac` is the bot's own name (Teams messages, habits from Slack).
  const body = input.replace(/^(?:[/@]?caac(?:-bot)?)(?=\s|$)\s*/i, '');
  if (body === '') return { kind: 'help' };

  const space = body.indexOf(' ');
  const word = (space === -1 ? body : body.slice(0, space)).toLowerCase().replace(/[?!.:,;]+$/, '');
  const kind = BY_WORD.get(word);
  // No command word: the whole text is a name to look up.
  if (kind === undefined) return commandOf(COMMANDS.lookup.read(body), body, 'lookup');
  const rest = space === -1 ? '' : body.slice(space + 1).trim();
  return commandOf(COMMANDS[kind].read(rest), body, kind);
}

// A reader's problem becomes an `invalid` command carrying the registry's usage line.
function commandOf(reading: Reading, body: string, kind: RegisteredKind): Command {
  if (!('problem' in reading)) return reading;
  return { kind: 'invalid', input: body, message: reading.problem, usage: COMMANDS[reading.usageOf ?? kind].usage };
}
