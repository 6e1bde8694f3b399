// Fuzz (fast-check) over the command parser, which takes anything a user types: it never throws, always gives a
// known command, and gives the same one for the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';

const KINDS = new Set([
  'help',
  'lookup',
  'group',
  'recs',
  'figures',
  'sources',
  'codes',
  'renewals',
  'search',
  'remind',
  'remind-once',
  'reminders',
  'forget',
  'invalid',
]);
const WORDS = [
  'help',
  'group',
  'recs',
  'figures',
  'sources',
  'codes',
  'renewals',
  'search',
  'remind',
  'reminders',
  'forget',
  'caac',
  '/caac',
  '@caac',
  'mali',
  'MLI',
  'at',
  'tz',
  '30d,7d,1d',
  '0d',
  '999d',
  '25:99',
  '09:00',
  'Europe/Paris',
  'Mars/Olympus',
  '2026-12-03T09:30:00+01:00',
  '2026-02-30T09:00',
  '"',
  '“',
  '”',
  '<!channel>',
  '<@U123>',
  '&amp;',
  '*bold*',
  '```',
  '\u0000',
  '\u202e',
  '🇲🇱',
  'ñ',
  '\n',
  '\t',
  '',
];

/** Command-like text: known words, odd punctuation, and random strings, joined by odd spaces. */
const commandText = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 12 })
    .chain((parts) => fc.constantFrom(' ', '  ', '\u00a0', '\t', '').map((sep) => parts.join(sep))),
);

describe('fuzz: parseCommand', () => {
  it('never throws, always returns a known command, and is deterministic', () => {
    fc.assert(
      fc.property(commandText, (text) => {
        const command = parseCommand(text);
        expect(KINDS.has(command.kind)).toBe(true);
        if (command.kind === 'invalid') {
          expect(typeof command.message).toBe('string');
          expect(command.message.length).toBeGreaterThan(0);
          expect(typeof command.usage).toBe('string');
        }
        if (command.kind === 'remind') {
          for (const d of command.leadDays) expect(Number.isInteger(d) && d >= 0).toBe(true);
          expect(command.at).toMatch(/^\d{2}:\d{2}$/);
        }
        expect(parseCommand(text)).toEqual(command);
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not choke on huge input (bounded work)', () => {
    const started = performance.now();
    const command = parseCommand(`remind ${'mali '.repeat(200_000)}`);
    expect(command.kind).toBe('invalid');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
