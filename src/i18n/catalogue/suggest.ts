// What a name typed in a search box may mean (src/core/suggest.ts, the Teams messaging extension's list).
import type { Area } from './entry.js';

/** Suggestion subtitles. */
export const suggestMessages = {
  'suggest.country': { en: 'Country', fr: 'Pays' },
  'suggest.party': { en: 'Party to conflict · {country}', fr: 'Partie au conflit · {country}' },
  'suggest.mission': { en: 'Mission · {country}', fr: 'Mission · {country}' },
} as const satisfies Area;
