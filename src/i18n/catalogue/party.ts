// A listed party (src/core/answers/party-profile.ts).
import type { Area } from './entry.js';

/** The party answer. */
export const partyMessages = {
  'party.title': { en: '{party} — {country}', fr: '{party} — {country}' },
  'party.summary': {
    en: '{party} ({country}): listing history',
    fr: '{party} ({country})\u00a0: historique des inscriptions',
  },
  'party.alsoKnownAs': { en: 'Also known as', fr: 'Autres noms' },
  'party.partOf': { en: 'Part of', fr: 'Membre de' },
  'party.members': { en: 'Members', fr: 'Membres' },
  'party.listedHeading': {
    en: 'Listed in the annexes (annual report: violations)',
    fr: 'Inscriptions dans les annexes (rapport annuel\u00a0: violations)',
  },
  'party.persistent': { en: '{symbol} Persistent perpetrator', fr: '{symbol} Auteur de violations persistantes' },
  'party.persistentYes': {
    en: 'yes: in the annexes for at least five years',
    fr: 'oui\u00a0: dans les annexes depuis au moins cinq ans',
  },
  'party.no': { en: 'no', fr: 'non' },
  'party.actionPlan': { en: '{symbol} Action plan', fr: '{symbol} Plan d’action' },
  'party.actionPlanConcluded': {
    en: 'concluded an action plan with the UN',
    fr: 'a conclu un plan d’action avec l’ONU',
  },
  'party.noneRecorded': { en: 'none recorded', fr: 'aucun enregistré' },
  'party.status': { en: 'Status', fr: 'Statut' },
  'party.kind': {
    en: '{kind, select, coalition {a coalition of armed groups} government {government forces} other {armed group}}',
    fr: '{kind, select, coalition {coalition de groupes armés} government {forces gouvernementales} other {groupe armé}}',
  },
  'party.markers': { en: 'markers {marks}', fr: 'symboles {marks}' },
  'party.noListing': {
    en: 'no annual-report listing in this dataset',
    fr: 'aucune inscription dans un rapport annuel dans ce jeu de données',
  },
  'party.notInDataset': { en: 'not in this dataset', fr: 'absent de ce jeu de données' },
  'party.notListed': { en: 'not listed', fr: 'non inscrite' },
  'party.listedAs': { en: 'listed as {names}', fr: 'inscrite sous le nom\u00a0: {names}' },
  'party.note': { en: 'note: {note}', fr: 'note\u00a0: {note}' },
} as const satisfies Area;
