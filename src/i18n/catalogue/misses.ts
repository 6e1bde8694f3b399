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
  'problem.tooLong': {
    en: 'That is too long to be a command (over {max} characters).',
    fr: 'C’est trop long pour une commande (plus de {max} caractères).',
  },
  'problem.whichCountry': {
    en: 'Say which country: `{kind} <country>`.',
    fr: 'Précisez le pays\u00a0: `{kind} <pays>`.',
  },
  'problem.whichParty': {
    en: 'Say which party: `{kind} <party>`.',
    fr: 'Précisez la partie\u00a0: `{kind} <partie>`.',
  },
  'problem.searchWhat': { en: 'Say what to search for.', fr: 'Précisez ce qu’il faut chercher.' },
  'problem.forgetWhich': {
    en: 'Say which reminder to forget: `reminders` lists them with their ids.',
    fr: 'Précisez le rappel à supprimer\u00a0: `reminders` les liste avec leurs identifiants.',
  },
  'problem.notReminderId': {
    en: '"{id}" is not a reminder id: `reminders` lists them.',
    fr: '« {id} » n’est pas un identifiant de rappel\u00a0: `reminders` les liste.',
  },
  'problem.remindWhat': {
    en: 'Say what to be reminded of: a country or mission, or a quoted text with a date-time.',
    fr: 'Précisez l’objet du rappel\u00a0: un pays ou une mission, ou un texte entre guillemets avec une date et une heure.',
  },
  'problem.remindWhich': {
    en: 'Say which country or mission to be reminded about.',
    fr: 'Précisez le pays ou la mission du rappel.',
  },
  'problem.oneTime': { en: 'Give one time of day (`at HH:MM`).', fr: 'Donnez une seule heure (`at HH:MM`).' },
  'problem.notTime': {
    en: '{what} is not a time of day: write it as HH:MM, e.g. at 09:00.',
    fr: '{what} n’est pas une heure\u00a0: écrivez-la HH:MM, par exemple at 09:00.',
  },
  'problem.oneZone': {
    en: 'Give one time zone (`tz Area/City`).',
    fr: 'Donnez un seul fuseau horaire (`tz Zone/Ville`).',
  },
  'problem.notZone': {
    en: '{what} is not a time zone: use an IANA name such as Europe/Paris or America/New_York.',
    fr: '{what} n’est pas un fuseau horaire\u00a0: utilisez un nom IANA comme Europe/Paris ou America/New_York.',
  },
  'problem.leadsOnce': {
    en: 'Give the lead times once, e.g. 30d,7d,1d.',
    fr: 'Donnez les délais une seule fois, par exemple 30d,7d,1d.',
  },
  'problem.notOption': {
    en: 'I did not understand "{token}" here: options are lead times (30d,7d,1d), at HH:MM and tz Area/City.',
    fr: 'Je n’ai pas compris « {token} » ici\u00a0: les options sont les délais (30d,7d,1d), at HH:MM et tz Zone/Ville.',
  },
  'problem.closingQuote': {
    en: 'The reminder text needs a closing quote.',
    fr: 'Il manque le guillemet fermant du texte du rappel.',
  },
  'problem.emptyText': { en: 'The reminder text is empty.', fr: 'Le texte du rappel est vide.' },
  'problem.sayWhen': {
    en: 'Say when: `at` and a date-time such as 2026-12-03T09:30:00+01:00.',
    fr: 'Précisez quand\u00a0: `at` et une date et heure comme 2026-12-03T09:30:00+01:00.',
  },
  'problem.within': {
    en: '`within` takes 1 to {max} days, e.g. `within 30d`.',
    fr: '`within` prend de 1 à {max} jours, par exemple `within 30d`.',
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
