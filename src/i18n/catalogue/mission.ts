// Where a mission or sanctions regime stands (src/core/mission-status.ts) and the mission answer.
// `measures` is "yes" for a sanctions regime (its measures run, in French "le régime" is masculine) and "no" for a
// mission (its mandate runs, "la mission" is feminine).
import type { Area } from './entry.js';

/** Mission and regime status lines. */
export const missionMessages = {
  'mission.under': {
    en: '{measures, select, yes {measures} other {mandate}} under {scr}',
    fr: '{measures, select, yes {mesures} other {mandat}} au titre de la {scr}',
  },
  'mission.noExpiry': {
    en: '{under}, no expiry date recorded',
    fr: '{under}, aucune date d’expiration enregistrée',
  },
  'mission.runsTo': {
    en: '{under} {measures, select, yes {run} other {runs}} to {date}',
    fr: '{under} jusqu’au {date}',
  },
  'mission.statusOnly': {
    en: '{name}: {status, select, active {active} ended {ended} other {closed}}',
    fr: '{name}\u00a0: {status, select, active {en activité} ended {terminé} other {fermée}}',
  },
  'mission.expired': {
    en: '{under} expired on {date}; no renewal recorded in the dataset',
    fr: '{under} {measures, select, yes {expirées} other {expiré}} le {date}\u202f; aucun renouvellement enregistré dans le jeu de données',
  },
  'mission.expiredAsOf': {
    en: '{under} expired on {date}; no renewal recorded in the dataset ({asOf})',
    fr: '{under} {measures, select, yes {expirées} other {expiré}} le {date}\u202f; aucun renouvellement enregistré dans le jeu de données ({asOf})',
  },
  'mission.unverifiedReport': {
    en: 'unverified, {date}: {text}',
    fr: 'non vérifié, {date}\u00a0: {text}',
  },
  'mission.mandateEnded': {
    en: 'mandate ended {date} ({scr}); ',
    fr: 'mandat terminé le {date} ({scr})\u202f; ',
  },
  'mission.endBy': { en: '{ended}{text} by {date}', fr: '{ended}{text} d’ici le {date}' },
  'mission.endUnconfirmed': {
    en: '{text}: {date}{under}; that it {measures, select, yes {ended} other {closed}} is not confirmed in the dataset',
    fr: '{text}\u00a0: {date}{under}\u202f; {measures, select, yes {sa fin} other {sa fermeture}} n’est pas confirmée dans le jeu de données',
  },
  'mission.endUnder': { en: ' under {scr}', fr: ' au titre de la {scr}' },
  'mission.ranTo': {
    en: '{measures, select, yes {measures ran to} other {mandate ended}} {date} ({scr})',
    fr: '{measures, select, yes {mesures en vigueur jusqu’au} other {mandat terminé le}} {date} ({scr})',
  },
  'mission.lastRenewal': {
    en: 'last {measures, select, yes {renewal} other {mandate}} {scr}',
    fr: '{measures, select, yes {dernier renouvellement} other {dernier mandat}}\u00a0: {scr}',
  },
  'mission.ended': {
    en: '{status, select, active {active} ended {ended} other {closed}} {date}: {parts}',
    fr: '{status, select, active {en activité} ended {{measures, select, yes {terminé} other {terminée}}} other {{measures, select, yes {clos} other {fermée}}}} le {date}\u00a0: {parts}',
  },
  // The mission answer (src/core/answers/mission-brief.ts).
  'missionBrief.now': { en: 'Now', fr: 'Aujourd’hui' },
  'missionBrief.notYet': { en: 'not yet established at this date', fr: 'pas encore créée à cette date' },
  'missionBrief.childProtection': { en: 'Child protection', fr: 'Protection de l’enfance' },
  'missionBrief.mandates': { en: 'Mandates', fr: 'Mandats' },
  'missionBrief.adopted': { en: 'adopted {date}', fr: 'adoptée le {date}' },
  'missionBrief.to': { en: 'to {date}', fr: 'jusqu’au {date}' },
  'missionBrief.noDates': { en: 'no dates recorded', fr: 'aucune date enregistrée' },
  'missionBrief.milestones': { en: 'Milestones', fr: 'Étapes' },
  'missionBrief.notYetShort': { en: 'not yet established', fr: 'pas encore créée' },
} as const satisfies Area;
