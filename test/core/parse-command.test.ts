import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/core/parse-command.js';
import { usageError } from '../../src/core/answers/usage-error.js';

describe('parseCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['caac', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['  HELP  ', { kind: 'help' }],
    ['help remind', { kind: 'help', topic: 'remind' }],
    ['mali', { kind: 'lookup', query: 'mali' }],
    ['Mali ', { kind: 'lookup', query: 'Mali' }],
    ['caac   Mali?', { kind: 'lookup', query: 'Mali' }],
    ['/caac mnla', { kind: 'lookup', query: 'mnla' }],
    ['ansar   eddine', { kind: 'lookup', query: 'ansar eddine' }],
    ['“ansar dine”', { kind: 'lookup', query: 'ansar dine' }],
    ['group Ansar Dine', { kind: 'group', query: 'Ansar Dine' }],
    ['RECS mali', { kind: 'recs', query: 'mali' }],
    ['figures MLI', { kind: 'figures', query: 'MLI' }],
    ['sources mali', { kind: 'sources', query: 'mali' }],
    ['codes', { kind: 'codes' }],
    ['renewals', { kind: 'renewals' }],
    ['renewals drc', { kind: 'renewals', query: 'drc' }],
    ['search safe schools', { kind: 'search', words: 'safe schools' }],
    ['reminders', { kind: 'reminders' }],
    ['forget r12', { kind: 'forget', id: 'r12' }],
    ['remind mali', { kind: 'remind', target: 'mali', leadDays: [30, 7, 1], at: '09:00' }],
    [
      'remind mali 7d,30d at 8:30 tz europe/paris',
      { kind: 'remind', target: 'mali', leadDays: [30, 7], at: '08:30', tz: 'Europe/Paris' },
    ],
    [
      'remind democratic republic of the congo 30d, 7d, 1d',
      { kind: 'remind', target: 'democratic republic of the congo', leadDays: [30, 7, 1], at: '09:00' },
    ],
    ['remind minusma tz UTC at 23:59 1d', { kind: 'remind', target: 'minusma', leadDays: [1], at: '23:59', tz: 'UTC' }],
    [
      'remind "Mali consultations" at 2026-12-03T09:30:00+01:00',
      { kind: 'remind-once', text: 'Mali consultations', at: '2026-12-03T09:30:00+01:00' },
    ],
    [
      'remind “Mali consultations” at 2026-12-03T08:30Z',
      { kind: 'remind-once', text: 'Mali consultations', at: '2026-12-03T08:30Z' },
    ],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['recs', 'Say which country'],
    ['group', 'Say which party'],
    ['search', 'Say what to search for'],
    ['forget', 'Say which reminder'],
    ['forget <script>', 'is not a reminder id'],
    ['remind', 'Say what to be reminded of'],
    ['remind 7d', 'Say which country or mission'],
    ['remind mali 400d', 'too far ahead'],
    ['remind mali 7d 7x', 'I did not understand "7x"'],
    ['remind mali at 25:00', 'is not a time of day'],
    ['remind mali at', 'A time is not a time of day'],
    ['remind mali tz Mars/Olympus', 'is not a time zone'],
    ['remind mali 7d at 09:00 at 10:00', 'one time of day'],
    ['remind "x" at 2026-12-03T09:30:00', 'has no UTC offset'],
    ['remind "x" at tomorrow', 'is not an ISO 8601 date-time'],
    ['remind "x" at 2026-02-30T09:30:00Z', 'is not a real date-time'],
    ['remind "unclosed at 2026-12-03T09:30:00Z', 'closing quote'],
    ['remind "" at 2026-12-03T09:30:00Z', 'empty'],
    ['remind "x"', 'Say when'],
  ])('%j is invalid: %s', (text, message) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind === 'invalid') {
      // The message and usage are catalogue ids; the answer shows them in its language.
      const shown = usageError(command.message, command.usage, 'en', command.values);
      expect(shown.title).toContain(message);
      expect(shown.sections[0]?.items[0]?.text.length).toBeGreaterThan(0);
    }
  });

  it('answers very long text with a usage message', () => {
    expect(parseCommand('mali '.repeat(200)).kind).toBe('invalid');
  });

  it('never throws, whatever the text (property)', () => {
    const words = fc.constantFrom(
      'remind',
      'caac',
      'at',
      'tz',
      '30d,7d',
      '"',
      '“',
      'forget',
      'recs',
      'group',
      'search',
      '09:00',
      'Europe/Paris',
      '2026-12-03T09:30:00+01:00',
      ' ',
      '\u0000',
      '\u00a0',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc.array(words, { maxLength: 12 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const command = parseCommand(t);
        expect(typeof command.kind).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('tolerates non-string input from loose callers', () => {
    expect(parseCommand(undefined as unknown as string)).toEqual({ kind: 'help' });
  });
});
