// `lang [en|fr]`: a channel's language (src/core/answers/language.ts). Language names are written in their own
// language where they name the choice ("français"), as language pickers do.
import type { Area } from './entry.js';

/** The language command. */
export const languageMessages = {
  'lang.current': {
    en: 'This channel’s language: English. Answers, reminders and digests here are in English.',
    fr: 'Langue de ce canal\u00a0: français. Les réponses, rappels et résumés y sont en français.',
  },
  'lang.default': {
    en: 'This channel uses the default language, English. Type `lang fr` for French.',
    fr: 'Ce canal utilise la langue par défaut, l’anglais. Tapez `lang en` pour confirmer l’anglais ou `lang fr` pour le français.',
  },
  'lang.set': {
    en: 'From now on this channel gets answers, reminders and digests in English.',
    fr: 'Désormais, ce canal reçoit réponses, rappels et résumés en français.',
  },
  'lang.available': {
    en: 'Available: en (English), fr (français).',
    fr: 'Disponibles\u00a0: en (English), fr (français).',
  },
  'lang.noChannel': {
    en: 'The language is chosen per channel in Slack or Teams (`lang fr`). In the terminal, use --lang fr.',
    fr: 'La langue se choisit par canal dans Slack ou Teams (`lang fr`). Dans le terminal, utilisez --lang fr.',
  },
  'lang.unknown': {
    en: '"{code}" is not a language caac speaks. Available: en (English), fr (français).',
    fr: '« {code} » n’est pas une langue que caac parle. Disponibles\u00a0: en (English), fr (français).',
  },
  'lang.summaryShow': { en: 'Language: English', fr: 'Langue\u00a0: français' },
} as const satisfies Area;
