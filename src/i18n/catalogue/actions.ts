// The labels of next-command buttons shared by many answers ("Help", "Sources", "Remind here").
import type { Area } from './entry.js';

/** Button labels. */
export const actionMessages = {
  'action.help': { en: 'Help', fr: 'Aide' },
} as const satisfies Area;
