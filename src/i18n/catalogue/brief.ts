// The country brief (src/core/answers/country-brief.ts) and the data's age line shared by the party and mission answers.
import type { Area } from './entry.js';

/** The country brief. */
export const briefMessages = {
  'brief.title': { en: '{country} — children and armed conflict', fr: '{country} — enfants et conflits armés' },
  'brief.summary': {
    en: '{country}: children and armed conflict brief',
    fr: '{country}\u00a0: fiche enfants et conflits armés',
  },
  'brief.inAnnexesSince': {
    en: "In the Secretary-General's annexes since {year}",
    fr: 'Dans les annexes du rapport du Secrétaire général depuis {year}',
  },
  'brief.dataAge': {
    en: '{what, select, listing {listing data} other {data}} as of {date} ({source})',
    fr: '{what, select, listing {données d’inscription} other {données}} {precision, select, day {du} other {de}} {date} ({source})',
  },
  'brief.dataAgeNone': {
    en: '{what, select, listing {listing data} other {data}}: no as-of date recorded',
    fr: '{what, select, listing {données d’inscription} other {données}}\u00a0: aucune date de mise à jour enregistrée',
  },
  'brief.listedParties': {
    en: 'Listed parties ({year} annual report)',
    fr: 'Parties inscrites (rapport annuel {year})',
  },
  'brief.within': { en: 'within the {party}', fr: 'coalition\u00a0: {party}' },
  'brief.notListedIn': { en: 'not listed in the {year} report', fr: 'non inscrite dans le rapport {year}' },
  'brief.legend.actionPlan': {
    en: '{symbol} concluded an action plan with the UN',
    fr: '{symbol} a conclu un plan d’action avec l’ONU',
  },
  'brief.legend.actionPlanWith': {
    en: '{symbol} concluded an action plan with the UN ({plans})',
    fr: '{symbol} a conclu un plan d’action avec l’ONU ({plans})',
  },
  'brief.legend.persistent': {
    en: '{symbol} persistent perpetrator (in the annexes for at least five years)',
    fr: '{symbol} auteur de violations persistantes (dans les annexes depuis au moins cinq ans)',
  },
  'brief.actionPlans': { en: 'Action plans with the UN', fr: 'Plans d’action avec l’ONU' },
  'brief.missions': {
    en: '{count, plural, one {Mission} other {Missions and sanctions}}',
    fr: '{count, plural, one {Mission} other {Missions et sanctions}}',
  },
  'brief.latestFigures': { en: 'Latest verified figures', fr: 'Derniers chiffres vérifiés' },
  'brief.latestFiguresFrom': {
    en: 'Latest verified figures ({source})',
    fr: 'Derniers chiffres vérifiés ({source})',
  },
  'brief.council': { en: 'Council', fr: 'Conseil de sécurité' },
  'brief.leadCountry': { en: 'Lead country', fr: 'Pays chef de file' },
  'brief.committee': { en: '{number} Sanctions Committee', fr: 'Comité {number}' },
  'brief.chair': { en: '{committee} chair', fr: 'Présidence du {committee}' },
  'brief.chairEnded': {
    en: '{chair} (last recorded; the regime has ended)',
    fr: '{chair} (dernière mention\u202f; le régime a pris fin)',
  },
  'brief.sgReports': {
    en: 'SG reports on CAAC in {country}',
    fr: 'Rapports du Secrétaire général sur les enfants et les conflits armés (pays\u00a0: {country})',
  },
  'brief.wgConclusions': { en: 'Working Group conclusions', fr: 'Conclusions du Groupe de travail' },
  'gap.annexListings': { en: 'annex listings', fr: 'inscriptions dans les annexes' },
  'gap.annexListings.line': {
    en: "whether parties are listed in the Secretary-General's annexes, for which violations, and any action plans",
    fr: 'si des parties sont inscrites dans les annexes du rapport du Secrétaire général, pour quelles violations, et les éventuels plans d’action',
  },
  'gap.figures': { en: 'figures', fr: 'chiffres' },
  'gap.figures.line': {
    en: 'verified figures on grave violations against children',
    fr: 'chiffres vérifiés sur les violations graves commises contre des enfants',
  },
  'gap.recommendations': { en: 'recommendations', fr: 'recommandations' },
  'gap.recommendations.line': {
    en: 'recommendations to the Security Council',
    fr: 'recommandations au Conseil de sécurité',
  },
  'gap.notYet': { en: '{what}: not yet in this dataset', fr: '{what}\u00a0: pas encore dans ce jeu de données' },
  'gap.heading': { en: 'Not yet in this dataset', fr: 'Pas encore dans ce jeu de données' },
  'gap.whereToLook': { en: 'Where to look', fr: 'Où chercher' },
  'gap.annualReport': {
    en: "the Secretary-General's annual report on children and armed conflict",
    fr: 'le rapport annuel du Secrétaire général sur le sort des enfants en temps de conflit armé',
  },
  'gap.annualReportNewest': {
    en: "the Secretary-General's annual report on children and armed conflict (the newest in this dataset: {symbol}, {date})",
    fr: 'le rapport annuel du Secrétaire général sur le sort des enfants en temps de conflit armé (le plus récent dans ce jeu de données\u00a0: {symbol}, {date})',
  },
  'gap.whereText': {
    en: "{annual} and its annexes; the Secretary-General's reports on {country}",
    fr: '{annual} et ses annexes\u202f; les rapports du Secrétaire général consacrés au pays ({country})',
  },
} as const satisfies Area;
