// The card a Teams conversation gets once, when the bot is installed in it (src/platforms/teams/welcome.ts).
import type { Area } from './entry.js';

/** The welcome card's words. */
export const welcomeMessages = {
  'welcome.title': { en: 'Hello, I am caac-bot', fr: 'Bonjour, je suis caac-bot' },
  'welcome.subtitle': {
    en: 'Sourced facts on children and armed conflict, and mandate reminders',
    fr: 'Des faits sourcés sur les enfants et les conflits armés, et des rappels de mandats',
  },
  'welcome.about': {
    en: "Ask me about a country or a party to conflict on the Security Council's children and armed conflict agenda: listed parties and violations, the latest verified figures, mission mandates and what is asked of the Council. Every fact shows its source and as-of date.",
    fr: 'Interrogez-moi sur un pays ou une partie à un conflit inscrits à l’ordre du jour du Conseil de sécurité sur les enfants et les conflits armés\u00a0: parties listées et violations, derniers chiffres vérifiés, mandats des missions et ce qui est demandé au Conseil. Chaque fait indique sa source et sa date.',
  },
  'welcome.tryHeading': { en: 'Try', fr: 'Essayez' },
  'welcome.tryCountry': { en: 'a country brief', fr: 'la fiche d’un pays' },
  'welcome.tryParty': { en: 'a listed party', fr: 'une partie listée' },
  'welcome.tryRenewals': {
    en: 'mandate expiries, soonest first',
    fr: 'les échéances de mandats, les plus proches d’abord',
  },
  'welcome.remindHeading': { en: 'Reminders in a channel', fr: 'Rappels dans un canal' },
  'welcome.remind': {
    en: 'In a channel of a team, type "@caac-bot remind mali": the channel is reminded 30, 7 and 1 days before each of Mali\'s dated events. "reminders" lists them, "forget <id>" removes one.',
    fr: 'Dans un canal d’une équipe, tapez «\u00a0@caac-bot remind mali\u00a0»\u00a0: le canal reçoit un rappel 30, 7 et 1 jours avant chaque échéance du Mali. «\u00a0reminders\u00a0» les liste, «\u00a0forget <id>\u00a0» en retire un.',
  },
  'welcome.summary': {
    en: 'caac-bot: type a country (mali), a party (mnla) or renewals',
    fr: 'caac-bot\u00a0: tapez un pays (mali), une partie (mnla) ou renewals',
  },
} as const satisfies Area;
