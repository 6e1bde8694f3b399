// Dates, numbers and relative days in each language, as people write them.
import { describe, expect, it } from 'vitest';
import { formatDataAge, formatDaysLeft, formatPartialDate, formatRelativeDays } from '../../src/core/format-date.js';
import { parseLang } from '../../src/i18n/lang.js';
import { t } from '../../src/i18n/translate.js';

describe('formatting in French', () => {
  it('writes dates with French month names, keeping the precision of the data', () => {
    expect(formatPartialDate('2021-06-30', 'fr')).toBe('30 juin 2021');
    expect(formatPartialDate('2021-06', 'fr')).toBe('juin 2021');
    expect(formatPartialDate('2013', 'fr')).toBe('2013');
    expect(formatPartialDate('2023-12-01', 'fr')).toBe('1er décembre 2023');
    expect(formatPartialDate('2021-06-30')).toBe('30 June 2021');
  });

  it('says relative days as "dans 29 jours" and "il y a 19 jours"', () => {
    expect(formatDaysLeft(29, 'fr')).toBe('dans 29 jours');
    expect(formatDaysLeft(-19, 'fr')).toBe('il y a 19 jours');
    expect(formatDaysLeft(1, 'fr')).toBe('demain');
    expect(formatDaysLeft(0, 'fr')).toBe('aujourd’hui');
    expect(formatDaysLeft(-1, 'fr')).toBe('hier');
    expect(formatRelativeDays(7, 'fr')).toBe('dans 7 jours');
    expect(formatDaysLeft(29)).toBe('29 days left');
    expect(formatDaysLeft(1)).toBe('1 day left');
    expect(formatDaysLeft(-19)).toBe('19 days ago');
    expect(formatRelativeDays(-1)).toBe('yesterday');
  });

  it('groups thousands the French way, with the narrow no-break space Intl gives', () => {
    expect(formatDaysLeft(1230, 'fr')).toBe('dans 1\u202f230 jours');
    expect(t('fr', 'days.ago', { days: 1230 })).toBe('il y a 1\u202f230 jours');
  });

  it('says how old data is, with French plurals', () => {
    const now = new Date('2026-12-05T00:00:00Z');
    expect(formatDataAge(now, '2021-06', 'fr')).toBe('datant de plus de 5 ans');
    expect(formatDataAge(now, '2025-06', 'fr')).toBe('datant de plus d’un an');
    expect(formatDataAge(now, '2021-06')).toBe('over 5 years old');
  });

  it('reads language codes as users and platforms write them', () => {
    expect(parseLang('fr')).toBe('fr');
    expect(parseLang('fr-FR')).toBe('fr');
    expect(parseLang('FR_ca')).toBe('fr');
    expect(parseLang('en-US')).toBe('en');
    expect(parseLang('de')).toBeUndefined();
    expect(parseLang(undefined)).toBeUndefined();
  });
});
