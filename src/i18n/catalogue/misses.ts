// Answers to a miss, a mistake or a command that cannot run here: no match, usage, reminders unavailable.
import type { Area } from './entry.js';

/** No match, usage and unavailable answers. */
export const missMessages = {
  // `what` is country, party, or (anything else) country or party.
  'noMatch.didYouMean': {
    en: 'No {what, select, country {country} party {party} other {country or party}} is called "{query}". Did you mean {names}?',
    fr: 'Aucun{what, select, country { pays} party {e partie} other { pays ni aucune partie}} ne s’appelle « {query} ». Vouliez-vous dire {names}\u202f?',
  },
  'noMatch.none': {
    en: 'No {what, select, country {country} party {party} other {country or party}} matches "{query}".',
    fr: 'Aucun{what, select, country { pays ne correspond} party {e partie ne correspond} other { pays ni aucune partie ne correspond}} à « {query} ».',
  },
  'noMatch.covers': { en: 'The dataset covers: {list}.', fr: 'Le jeu de données couvre\u00a0: {list}.' },
  'noMatch.coversNone': {
    en: 'The dataset covers no country yet.',
    fr: 'Le jeu de données ne couvre encore aucun pays.',
  },
  'noMatch.noneSummary': {
    en: 'No {what, select, country {country} party {party} other {country or party}} matches "{query}". Try: help',
    fr: 'Aucun résultat pour « {query} ». Essayez\u00a0: help',
  },
  'usage.heading': { en: 'Usage', fr: 'Syntaxe' },
  'unavailable.noChannel': {
    en: 'Reminders belong to a channel: type this command in a Slack channel (/caac …) or a Teams conversation with the bot.',
    fr: 'Les rappels appartiennent à un canal\u00a0: tapez cette commande dans un canal Slack (/caac …) ou dans une conversation Teams avec le bot.',
  },
  'unavailable.notConfigured': {
    en: 'Reminders are not available here.',
    fr: 'Les rappels ne sont pas disponibles ici.',
  },
} as const satisfies Area;
