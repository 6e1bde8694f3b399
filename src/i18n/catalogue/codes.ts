// `codes` and the names of the six grave violations and the two markers, as the UN writes them in each language.
import type { Area } from './entry.js';

/** The legend of the annexes and the violations' names. */
export const codesMessages = {
  'codes.title': {
    en: "Codes and markers of the Secretary-General's annexes",
    fr: 'Codes et symboles des annexes du rapport du Secrétaire général',
  },
  'codes.violations': { en: 'Violations', fr: 'Violations' },
  'codes.markers': { en: 'Markers', fr: 'Symboles' },
  'codes.summary': {
    en: 'Violation codes a–f and the markers ~ and *',
    fr: 'Codes des violations (a à f) et symboles ~ et *',
  },
  // The names of the violations in running text ("listed for recruitment and use of children").
  'violation.a': {
    en: 'recruitment and use of children',
    fr: 'recrutement et utilisation d’enfants',
  },
  'violation.b': { en: 'killing and maiming of children', fr: 'meurtres et mutilations d’enfants' },
  'violation.c': {
    en: 'rape and other forms of sexual violence against children',
    fr: 'viols et autres formes de violence sexuelle contre des enfants',
  },
  'violation.d': { en: 'attacks on schools and/or hospitals', fr: 'attaques contre des écoles ou des hôpitaux' },
  'violation.e': { en: 'abduction of children', fr: 'enlèvements d’enfants' },
  'violation.f': { en: 'denial of humanitarian access to children', fr: 'refus d’accès humanitaire' },
  'violation.unknown': { en: 'code {code}', fr: 'code {code}' },
  // The markers' legend, in the answer's language; the source's own words are quoted beside it when they differ.
  'marker.actionPlan': {
    en: 'This party has concluded an action plan with the United Nations in line with Security Council resolutions 1539 (2004) and 1612 (2005).',
    fr: 'Partie ayant conclu avec l’Organisation des Nations Unies un plan d’action conforme aux résolutions 1539 (2004) et 1612 (2005) du Conseil de sécurité.',
  },
  'marker.persistentPerpetrator': {
    en: 'This party has been in the annexes for at least five years and is therefore considered a persistent perpetrator.',
    fr: 'Partie inscrite dans les annexes depuis au moins cinq ans, et donc considérée comme auteur de violations persistantes.',
  },
  // A quotation left in the language of its source, when that is not the answer's: "« … » (en anglais)".
  'quote.inLanguage': {
    en: '“{text}” ({source, select, fr {in French} other {in English}})',
    fr: '« {text} » ({source, select, fr {en français} other {en anglais}})',
  },
  'quote.language': {
    en: '{source, select, fr {in French} other {in English}}',
    fr: '{source, select, fr {en français} other {en anglais}}',
  },
} as const satisfies Area;
