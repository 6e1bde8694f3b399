// The labels of next-command buttons shared by many answers ("Help", "Sources", "Remind here").
import type { Area } from './entry.js';

/** Button labels. */
export const actionMessages = {
  'action.help': { en: 'Help', fr: 'Aide' },
  'action.sources': { en: 'Sources', fr: 'Sources' },
  'action.recommendations': { en: 'Recommendations', fr: 'Recommandations' },
  'action.figures': { en: 'Figures', fr: 'Chiffres' },
  'action.renewals': { en: 'Renewals', fr: 'Échéances' },
  'action.remindHere': { en: 'Remind here', fr: 'Rappels ici' },
  'action.codes': { en: 'Codes', fr: 'Codes' },
} as const satisfies Area;
