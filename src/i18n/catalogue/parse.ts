// What is wrong with a reminder's lead times or a one-off reminder's date-time (src/core/commands/read-remind.ts).
import type { Area } from './entry.js';

/** Inner problems of the remind grammar. */
export const parseMessages = {
  'problem.leadNone': {
    en: 'Give at least one lead time, e.g. 7d.',
    fr: 'Donnez au moins un délai, par exemple 7d.',
  },
  'problem.notLead': {
    en: '"{part}" is not a lead time: write days like 30d.',
    fr: '« {part} » n’est pas un délai\u00a0: écrivez un nombre de jours, par exemple 30d.',
  },
  'problem.leadTooFar': {
    en: '{days}d is too far ahead: lead times go up to {max}d.',
    fr: '{days}d, c’est trop loin\u00a0: les délais vont jusqu’à {max}d.',
  },
  'problem.leadsAtMost': { en: 'At most {max} lead times.', fr: 'Au plus {max} délais.' },
  'problem.noOffset': {
    en: '"{text}" has no UTC offset: add one, e.g. {text}+01:00 or {text}Z.',
    fr: '« {text} » n’indique pas de décalage UTC\u00a0: ajoutez-en un, par exemple {text}+01:00 ou {text}Z.',
  },
  'problem.notIsoDateTime': {
    en: '"{text}" is not an ISO 8601 date-time: write it like 2026-12-03T09:30:00+01:00.',
    fr: '« {text} » n’est pas une date et heure ISO 8601\u00a0: écrivez-la comme 2026-12-03T09:30:00+01:00.',
  },
  'problem.notRealDateTime': {
    en: '"{text}" is not a real date-time: check the month, the day and the time.',
    fr: '« {text} » n’est pas une date et heure qui existe\u00a0: vérifiez le mois, le jour et l’heure.',
  },
} as const satisfies Area;
