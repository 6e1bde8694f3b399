// The grammar of `remind digest …` and `remind stale …`, through the real parser (parseCommand and the registry),
// with its usage errors as the answer shows them, in English and in French.
import { describe, expect, it } from 'vitest';
import { usageError } from '../../../src/core/answers/usage-error.js';
import { parseCommand } from '../../../src/core/parse-command.js';

const digest = {
  kind: 'remind-digest',
  weekday: 1,
  at: '09:00',
  withinDays: 30,
  countries: [],
  always: false,
};

describe('remind digest', () => {
  it.each([
    ['remind digest', digest],
    ['remind digest weekly', digest],
    ['Remind DIGEST weekly on Friday', { ...digest, weekday: 5 }],
    ['remind digest on mondays at 8:30', { ...digest, at: '08:30' }],
    ['remind digest on vendredi', { ...digest, weekday: 5 }],
    ['remind digest on sun tz europe/paris', { ...digest, weekday: 7, tz: 'Europe/Paris' }],
    ['remind digest within 14d', { ...digest, withinDays: 14 }],
    ['remind digest within 7 days', { ...digest, withinDays: 7 }],
    ['remind digest within 90', { ...digest, withinDays: 90 }],
    ['remind digest always', { ...digest, always: true }],
    ['remind digest mali', { ...digest, countries: ['mali'] }],
    ['remind digest mali, drc', { ...digest, countries: ['mali', 'drc'] }],
    ['remind digest mali and south sudan', { ...digest, countries: ['mali', 'south sudan'] }],
    [
      'remind digest weekly on wednesday at 07:45 tz America/New_York within 60d democratic republic of the congo , mali always',
      {
        ...digest,
        weekday: 3,
        at: '07:45',
        tz: 'America/New_York',
        withinDays: 60,
        countries: ['democratic republic of the congo', 'mali'],
        always: true,
      },
    ],
    ['remind digest mali within 10d at 10:00', { ...digest, countries: ['mali'], withinDays: 10, at: '10:00' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['remind digest on someday', '"someday" is not a day of the week', 'n’est pas un jour de la semaine'],
    ['remind digest on', 'A day is not a day of the week', 'n’est pas un jour'],
    ['remind digest at 25:00', '"25:00" is not a time of day', 'n’est pas une heure'],
    ['remind digest tz Mars/Olympus', 'is not a time zone', 'n’est pas un fuseau horaire'],
    ['remind digest within 0d', '`within` takes 1 to 366 days', '`within` prend de 1 à 366 jours'],
    ['remind digest within 400d', '`within` takes 1 to 366 days', 'prend de 1 à 366'],
    ['remind digest within soon', '`within` takes 1 to 366 days', 'prend de 1 à 366'],
    ['remind digest within', '`within` takes', '`within` prend'],
    ['remind digest on monday on friday', 'Give `on` once', 'Donnez `on` une seule fois'],
    ['remind digest at 09:00 at 10:00', 'Give `at` once', 'Donnez `at` une seule fois'],
  ])('%j is invalid: %s', (text, english, french) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind !== 'invalid') return;
    const en = usageError(command.message, command.usage, 'en', command.values);
    expect(en.title).toContain(english);
    // The usage line is the digest's, not the subscription's.
    expect(JSON.stringify(en.sections)).toContain('remind digest [weekly] [on monday]');
    const fr = usageError(command.message, command.usage, 'fr', command.values);
    expect(fr.title).toContain(french);
    expect(JSON.stringify(fr.sections)).toContain('remind digest [weekly] [on lundi]');
  });

  it('leaves `remind <country>` and one-offs as they were', () => {
    expect(parseCommand('remind mali')).toEqual({ kind: 'remind', target: 'mali', leadDays: [30, 7, 1], at: '09:00' });
    expect(parseCommand('remind "digest" at 2026-12-03T09:30:00Z')).toMatchObject({ kind: 'remind-once' });
  });
});

describe('remind stale', () => {
  it.each([
    ['remind stale', { kind: 'remind-stale', at: '09:00' }],
    ['remind stale at 7:30', { kind: 'remind-stale', at: '07:30' }],
    ['remind stale tz Europe/Paris at 08:00', { kind: 'remind-stale', at: '08:00', tz: 'Europe/Paris' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['remind stale mali', 'I did not understand "mali" here: remind stale takes at HH:MM and tz Area/City'],
    ['remind stale at noon', '"noon" is not a time of day'],
    ['remind stale tz', 'A time zone is not a time zone'],
    ['remind stale at 08:00 at 09:00', 'Give `at` once'],
  ])('%j is invalid: %s', (text, english) => {
    const command = parseCommand(text);
    expect(command.kind).toBe('invalid');
    if (command.kind !== 'invalid') return;
    const en = usageError(command.message, command.usage, 'en', command.values);
    expect(en.title).toContain(english);
    expect(JSON.stringify(en.sections)).toContain('remind stale [at HH:MM] [tz Area/City]');
  });
});
