// Words shared by many answers: "as of", resolutions, punctuation that differs between languages.
import type { Area } from './entry.js';

/** Shared phrases. */
export const commonMessages = {
  // `precision` is day, month or year: French says "au 30 juin 2021" but "en juin 2021".
  'date.asOf': {
    en: 'as of {date}',
    fr: '{precision, select, day {situation au {date}} month {situation en {date}} year {situation en {date}} other {{date}}}',
  },
  // French puts a narrow no-break space before ";" (and a no-break space before ":").
  'punct.semicolon': { en: '; ', fr: '\u202f; ' },
  'punct.colon': { en: '{label}: {text}', fr: '{label}\u00a0: {text}' },
  'list.or': { en: '{head} or {last}', fr: '{head} ou {last}' },
  scr: { en: 'SCR {resolution}', fr: 'résolution {resolution}' },
  closeNote: { en: 'Showing {name} (nearest to "{query}")', fr: '{name} (le plus proche de « {query} »)' },
  countryOf: { en: 'Showing {country}, the country of {name}', fr: '{country}, pays de {name}' },
} as const satisfies Area;
