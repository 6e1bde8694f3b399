// `help`, the commands' usage lines and their help lines (src/core/commands/command-registry.ts). Command words and
// examples stay as typed (`recs mali`): the commands are the same in every language.
import type { Area } from './entry.js';

/** Help and usage. */
export const helpMessages = {
  'help.title': {
    en: 'caac: children and armed conflict, from a sourced dataset',
    fr: 'caac\u00a0: les enfants et les conflits armés, d’après un jeu de données sourcé',
  },
  'help.subtitle': {
    en: 'Every fact comes with its source and as-of date. Countries covered: {countries}.',
    fr: 'Chaque fait est donné avec sa source et sa date. Pays couverts\u00a0: {countries}.',
  },
  'help.noneLoaded': { en: 'none loaded', fr: 'aucun chargé' },
  'help.lookups': { en: 'Look things up', fr: 'Rechercher' },
  'help.reminders': {
    en: 'Reminders (in a Slack channel or Teams conversation)',
    fr: 'Rappels (dans un canal Slack ou une conversation Teams)',
  },
  'help.summary': { en: 'What caac can do', fr: 'Ce que caac sait faire' },
  'help.lookup.country': {
    en: 'a country brief: listed parties, action plans, missions, figures, Council facts (also ML, MLI, French names)',
    fr: 'la fiche d’un pays\u00a0: parties inscrites, plans d’action, missions, chiffres, Conseil de sécurité (aussi ML, MLI, noms français)',
  },
  'help.lookup.party': {
    en: 'a listed party: full name, listing history by annual report, codes spelled out, markers',
    fr: 'une partie inscrite\u00a0: nom complet, historique des inscriptions par rapport annuel, codes en toutes lettres, symboles',
  },
  'help.group': { en: 'the same, looking among parties only', fr: 'la même chose, parmi les parties seulement' },
  'help.recs': {
    en: 'the recommendations to the Security Council, quoted, dated and sourced',
    fr: 'les recommandations au Conseil de sécurité, citées, datées et sourcées',
  },
  'help.figures': {
    en: 'the latest verified figures with their periods',
    fr: 'les derniers chiffres vérifiés, avec leurs périodes',
  },
  'help.figuresGlobal': {
    en: "the annual report's latest global figures",
    fr: 'les derniers chiffres mondiaux du rapport annuel',
  },
  'help.sources': { en: 'every source behind the facts on a country', fr: 'toutes les sources des faits sur un pays' },
  'help.codes': {
    en: 'the legend: violation codes a–f, ~ action plan, * persistent perpetrator',
    fr: 'la légende\u00a0: codes des violations a à f, ~ plan d’action, * auteur de violations persistantes',
  },
  'help.renewals': {
    en: 'mandate expiries and other dated events, soonest first, with days left',
    fr: 'expirations de mandats et autres échéances, les plus proches d’abord, avec les jours restants',
  },
  'help.search': {
    en: 'full-text search across the dataset',
    fr: 'recherche en texte intégral dans le jeu de données',
  },
  'help.remind': {
    en: "remind here before the country's dated events, e.g. MONUSCO's mandate expiry (default 30d,7d,1d at 09:00)",
    fr: 'rappels ici avant les échéances du pays, par exemple l’expiration du mandat de la MONUSCO (par défaut 30d,7d,1d à 09:00)',
  },
  'help.remindOptions': {
    en: 'choose the lead times, the time of day and the time zone',
    fr: 'choisir les délais, l’heure et le fuseau horaire',
  },
  'help.remindOnce': { en: 'a one-off reminder here', fr: 'un rappel ponctuel ici' },
  'help.remindersList': {
    en: 'the reminders set here, with their ids and next times',
    fr: 'les rappels définis ici, avec leurs identifiants et leurs prochaines échéances',
  },
  'help.forget': { en: 'remove one of them', fr: 'en supprimer un' },
  'help.lang': {
    en: "show or set this channel's language (en, fr): answers, reminders and digests follow it",
    fr: 'afficher ou choisir la langue de ce canal (en, fr)\u00a0: réponses, rappels et résumés la suivent',
  },
  'usage.lookup': {
    en: '<country or party>, e.g. mali, MLI, mnla',
    fr: '<pays ou partie>, par exemple mali, MLI, mnla',
  },
  'usage.group': { en: 'group <party name>, e.g. group mnla', fr: 'group <nom de la partie>, par exemple group mnla' },
  'usage.recs': { en: 'recs <country>, e.g. recs mali', fr: 'recs <pays>, par exemple recs mali' },
  'usage.figures': {
    en: 'figures [country], e.g. figures or figures mali',
    fr: 'figures [pays], par exemple figures ou figures mali',
  },
  'usage.sources': { en: 'sources <country>, e.g. sources mali', fr: 'sources <pays>, par exemple sources mali' },
  'usage.codes': { en: 'codes', fr: 'codes' },
  'usage.renewals': {
    en: 'renewals [country] [within <days>d], e.g. renewals, renewals mali or renewals within 30d',
    fr: 'renewals [pays] [within <jours>d], par exemple renewals, renewals mali ou renewals within 30d',
  },
  'usage.search': { en: 'search <words>, e.g. search schools', fr: 'search <mots>, par exemple search schools' },
  'usage.remind': {
    en: 'remind <country or mission> [30d,7d,1d] [at HH:MM] [tz Area/City], e.g. remind mali 30d,7d at 09:00 tz Europe/Paris',
    fr: 'remind <pays ou mission> [30d,7d,1d] [at HH:MM] [tz Zone/Ville], par exemple remind mali 30d,7d at 09:00 tz Europe/Paris',
  },
  'usage.remindOnce': {
    en: 'remind "<text>" at <ISO 8601 date-time with offset>, e.g. remind "Mali consultations" at 2026-12-03T09:30:00+01:00',
    fr: 'remind "<texte>" at <date et heure ISO 8601 avec décalage>, par exemple remind "Consultations Mali" at 2026-12-03T09:30:00+01:00',
  },
  'usage.reminders': { en: 'reminders', fr: 'reminders' },
  'usage.forget': { en: 'forget <id>, e.g. forget r12', fr: 'forget <id>, par exemple forget r12' },
  'usage.help': { en: 'help', fr: 'help' },
  'usage.lang': { en: 'lang [en|fr], e.g. lang fr', fr: 'lang [en|fr], par exemple lang fr' },
} as const satisfies Area;
