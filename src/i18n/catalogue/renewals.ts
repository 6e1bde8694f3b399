// `renewals [country]` (src/core/answers/renewals.ts).
import type { Area } from './entry.js';

/** The renewals list. */
export const renewalsMessages = {
  'renewals.expiryTitle': {
    en: "{measures, select, yes {{acronym}: measures expire} other {{acronym}'s mandate expires}}",
    fr: '{measures, select, yes {{acronym}\u00a0: expiration des mesures} other {{acronym}\u00a0: expiration du mandat}}',
  },
  'renewals.past': { en: 'past, {days}', fr: 'passé, {days}' },
  'renewals.monthOrYear': {
    en: 'this month or year; day not recorded',
    fr: 'ce mois-ci ou cette année\u202f; jour non enregistré',
  },
  'renewals.from': { en: 'from {days}; day not recorded', fr: '{days} au plus tôt\u202f; jour non enregistré' },
  'renewals.unverified': { en: 'unverified', fr: 'non vérifié' },
  'renewals.comingUp': { en: 'Coming up', fr: 'À venir' },
  'renewals.nothing': { en: 'Nothing upcoming in the dataset.', fr: 'Rien à venir dans le jeu de données.' },
  'renewals.comingUpWithin': {
    en: 'Coming up in the next {days, plural, one {day} other {# days}}',
    fr: 'À venir dans {days, plural, one {les prochaines 24 heures} other {les # prochains jours}}',
  },
  'renewals.nothingWithin': {
    en: 'Nothing falls due in the next {days, plural, one {day} other {# days}}.',
    fr: 'Aucune échéance dans {days, plural, one {les prochaines 24 heures} other {les # prochains jours}}.',
  },
  'renewals.expired': { en: 'Expired, no renewal recorded', fr: 'Expirés, sans renouvellement enregistré' },
  'renewals.noExpiry': { en: 'No expiry recorded', fr: 'Aucune expiration enregistrée' },
  'renewals.noExpiryLine': { en: '{scr}: no expiry recorded', fr: '{scr}\u00a0: aucune expiration enregistrée' },
  'renewals.pastHeading': { en: 'Past', fr: 'Passés' },
  'renewals.pastRecent': { en: 'Past (last {days} days)', fr: 'Passés ({days} derniers jours)' },
  'renewals.title': {
    en: 'Renewals and dated events — {country}',
    fr: 'Échéances et événements datés — {country}',
  },
  'renewals.titleAll': { en: 'Renewals and dated events', fr: 'Échéances et événements datés' },
  'renewals.subtitle': {
    en: 'as of {date} ({zone}), soonest first',
    fr: 'au {date} ({zone}), les plus proches d’abord',
  },
  'renewals.next': { en: 'Next: {text}, {date} ({detail})', fr: 'Prochaine échéance\u00a0: {text}, {date} ({detail})' },
  'renewals.noneSummary': {
    en: 'No upcoming dated events in the dataset',
    fr: 'Aucun événement daté à venir dans le jeu de données',
  },
} as const satisfies Area;
