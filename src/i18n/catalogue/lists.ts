// Answers that list facts about one country: recommendations, figures, sources, and search results.
import type { Area } from './entry.js';

/** Recommendations, figures, sources and search. */
export const listMessages = {
  'recs.title': { en: 'Recommendations on {country}', fr: 'Recommandations — {country}' },
  'recs.subtitle': {
    en: '{count} quoted word for word from the source',
    fr: '{count, plural, one {# recommandation citée} other {# recommandations citées}} mot pour mot',
  },
  'recs.subtitleIn': {
    en: '{count} quoted word for word from the source, {source, select, fr {in French} other {in English}}',
    fr: '{count, plural, one {# recommandation citée} other {# recommandations citées}} mot pour mot, {source, select, fr {en français} other {en anglais}}',
  },
  // The addressee: the Security Council has its name in each language; any other stays as the dataset writes it.
  'recs.toCouncil': { en: 'To the Security Council · {date}', fr: 'Au Conseil de sécurité · {date}' },
  'recs.to': { en: 'To the {to} · {date}', fr: 'Destinataire\u00a0: {to} · {date}' },
  'recs.topics': { en: 'topics: {topics}', fr: 'thèmes\u00a0: {topics}' },
  'recs.none': {
    en: 'No recommendations on {country} in this dataset.',
    fr: 'Aucune recommandation sur ce pays ({country}) dans ce jeu de données.',
  },
  'recs.summary': { en: 'Recommendations on {country} ({count})', fr: 'Recommandations — {country} ({count})' },
  'figures.title': { en: 'Figures on {country}', fr: 'Chiffres — {country}' },
  'figures.subtitle': {
    en: 'verified figures, each with its period and source',
    fr: 'chiffres vérifiés, chacun avec sa période et sa source',
  },
  'figures.older': { en: 'Earlier or later figures', fr: 'Chiffres antérieurs ou postérieurs' },
  'figures.none': {
    en: 'No verified figures on {country} in this dataset.',
    fr: 'Aucun chiffre vérifié sur ce pays ({country}) dans ce jeu de données.',
  },
  'figures.summary': { en: 'Figures on {country}', fr: 'Chiffres — {country}' },
  'sources.title': { en: 'Sources on {country}', fr: 'Sources — {country}' },
  'sources.subtitle': {
    en: '{count, plural, one {# source} other {# sources}} behind the facts on {country}',
    fr: '{count, plural, one {# source} other {# sources}} des faits sur ce pays ({country})',
  },
  'sources.none': { en: 'No sources recorded.', fr: 'Aucune source enregistrée.' },
  'sources.facts': {
    en: '{count, plural, one {# fact} other {# facts}}',
    fr: '{count, plural, one {# fait} other {# faits}}',
  },
  'sources.citedHeading': { en: 'Documents the facts are cited from', fr: 'Documents d’où les faits sont tirés' },
  'sources.citedBy': { en: 'cited by {sources}', fr: 'cité par\u00a0: {sources}' },
  'sources.summary': { en: 'Sources on {country} ({count})', fr: 'Sources — {country} ({count})' },
  'search.none': {
    en: 'Nothing in the dataset matches "{words}"',
    fr: 'Rien dans le jeu de données ne correspond à « {words} »',
  },
  'search.noneHint': {
    en: 'Try fewer or other words, or a country or party name.',
    fr: 'Essayez moins de mots ou d’autres mots, ou le nom d’un pays ou d’une partie.',
  },
  'search.noneSummary': { en: 'No results for "{words}"', fr: 'Aucun résultat pour « {words} »' },
  'search.title': { en: 'Search: {words}', fr: 'Recherche\u00a0: {words}' },
  'search.subtitle': {
    en: '{count, plural, one {# result} other {# results}}, best first',
    fr: '{count, plural, one {# résultat} other {# résultats}}, les plus pertinents d’abord',
  },
  'search.summary': {
    en: '{count} results for "{words}"',
    fr: '{count, plural, one {# résultat} other {# résultats}} pour « {words} »',
  },
} as const satisfies Area;
