// The dataset's own prose (status notes, figure labels, periods) when it has no text in the answer's language: shown
// in English, and said to be (src/core/prose.ts).
import type { Area } from './entry.js';

/** The mark on dataset text left in English. */
export const datasetTextMessages = {
  'text.inEnglish': { en: '{text}', fr: '{text} (en anglais)' },
} as const satisfies Area;
