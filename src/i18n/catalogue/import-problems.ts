// What `caac data import` could not read safely, or inferred (src/curation/): each problem refuses the release;
// each inference is said aloud, and written into the dataset's note in English.
import type { Area } from './entry.js';

/** The importer's problems and inferences. */
export const importProblemMessages = {
  'import.endTakenAsAdoption': {
    en: 'the end of the mandate is not dated apart: taken as the adoption day ({adopted})',
    fr: 'la fin du mandat n’est pas datée à part\u00a0: prise au jour de l’adoption ({adopted})',
  },
  'import.endNotDated': {
    en: 'the end of the mandate is not dated, and no adoption date was read',
    fr: 'la fin du mandat n’est pas datée, et aucune date d’adoption n’a été lue',
  },
  'import.noResolution': {
    en: '{mentioned, select, none {no resolution number adopted is named} other {no resolution number adopted is named (mentioned only: {mentioned})}}',
    fr: '{mentioned, select, none {aucun numéro de résolution adoptée n’est donné} other {aucun numéro de résolution adoptée n’est donné (seulement mentionnées\u00a0: {mentioned})}}',
  },
  'import.twoResolutions': {
    en: 'two readings of the resolution adopted: {list}',
    fr: 'deux lectures possibles de la résolution adoptée\u00a0: {list}',
  },
  'import.noYear': {
    en: 'resolution {number} is given without its year ("{number} (YYYY)")',
    fr: 'la résolution {number} est donnée sans son année (« {number} (AAAA) »)',
  },
  'import.twoExpiries': {
    en: 'two readings of the expiry: {list}',
    fr: 'deux lectures possibles de l’échéance\u00a0: {list}',
  },
  'import.twoPanels': {
    en: "two readings of the Panel of Experts' date: {list}",
    fr: 'deux lectures possibles de la date du Groupe d’experts\u00a0: {list}',
  },
  'import.durationOnly': {
    en: 'the expiry is given only as "{duration}", not as a date',
    fr: 'l’échéance n’est donnée que sous la forme « {duration} », pas comme une date',
  },
  'import.noExpiry': {
    en: 'no expiry date read ("until <date>" / "jusqu\'au <date>")',
    fr: 'aucune date d’échéance lue (« until <date> » / « jusqu’au <date> »)',
  },
  'import.dayNoYear': {
    en: '"{text}" has no year, and no adoption date was read to infer it from',
    fr: '« {text} » n’a pas d’année, et aucune date d’adoption n’a été lue pour la déduire',
  },
  'import.dayYearInferred': {
    en: '"{text}" has no year: taken as {day}, the first such day after adoption ({adopted})',
    fr: '« {text} » n’a pas d’année\u00a0: pris pour le {day}, la première occurrence de cette date après l’adoption ({adopted})',
  },
  'import.adoptedYearInferred': {
    en: 'adopted "{text}": the year ({year}) is inferred from the date line ({dateLine})',
    fr: 'adoption « {text} »\u00a0: l’année ({year}) est déduite de la ligne de date ({dateLine})',
  },
  'import.adoptedNoYear': {
    en: 'adopted "{text}" has no year, and there is no date line to infer it from',
    fr: 'l’adoption « {text} » n’a pas d’année, et aucune ligne de date ne permet de la déduire',
  },
  'import.weekdayDisagrees': {
    en: '"{text}" and the weekday given do not agree: two readings of the adoption date',
    fr: '« {text} » et le jour de la semaine donné ne concordent pas\u00a0: deux lectures possibles de la date d’adoption',
  },
  'import.weekdayTaken': {
    en: 'adopted "{text}": taken as {day}, the last such day on or before the date line ({dateLine})',
    fr: 'adoption « {text} »\u00a0: prise pour le {day}, le dernier jour de ce nom tombant au plus tard à la date de la ligne de date ({dateLine})',
  },
  'import.twoBodies': {
    en: 'two readings of the body: {list}',
    fr: 'deux lectures possibles de l’organe\u00a0: {list}',
  },
  'import.noRegimeOn': {
    en: 'no sanctions regime on {country} is in the dataset',
    fr: 'aucun régime de sanctions du jeu de données ne concerne ce pays ({country})',
  },
  'import.noRegimeNamed': {
    en: 'no sanctions regime of the dataset is named',
    fr: 'aucun régime de sanctions du jeu de données n’est nommé',
  },
  'import.notAMission': {
    en: '{acronym} is not a mission in the dataset',
    fr: '{acronym} n’est pas une mission du jeu de données',
  },
  'import.noBodyNamed': {
    en: 'no mission or regime of the dataset is named',
    fr: 'aucune mission ni aucun régime du jeu de données n’est nommé',
  },
  'import.conflict': {
    en: '{resolution} is recorded with adopted {recordedAdopted}, expires {recordedExpires}; the release reads adopted {adopted}, expires {expires}: check and edit by hand',
    fr: 'la résolution {resolution} est enregistrée avec adoption le {recordedAdopted} et échéance le {recordedExpires}\u202f; le communiqué indique adoption le {adopted} et échéance le {expires}\u00a0: vérifiez et corrigez à la main',
  },
  'import.missionNotFound': {
    en: 'mission {id} was not found in the country files',
    fr: 'la mission {id} est introuvable dans les fichiers des pays',
  },
  'import.sourceNotFound': {
    en: 'the source of {resolution} was not found',
    fr: 'la source de la résolution {resolution} est introuvable',
  },
  'import.note': { en: 'Imported: {inferences}.', fr: 'Importé\u00a0: {inferences}.' },
  'import.and': { en: '; ', fr: '\u202f; ' },
  // The summary of an imported mandate row, written into the dataset in both languages. A date is "none" if unread.
  'import.summary': {
    en: '{kind, select, termination {Terminates the mandate{expires, select, none {} other { as of {expires}}}.} rollover {A technical rollover{expires, select, none {} other { to {expires}}}.} sanctions {Renews the measures{expires, select, none {} other { to {expires}}}{panel, select, none {} other {; the Panel of Experts to {panel}}}.} other {Extends the mandate{expires, select, none {} other { to {expires}}}.}}',
    fr: '{kind, select, termination {Met fin au mandat{expires, select, none {} other { le {expires}}}.} rollover {Une prorogation technique{expires, select, none {} other { jusqu’au {expires}}}.} sanctions {Renouvelle les mesures{expires, select, none {} other { jusqu’au {expires}}}{panel, select, none {} other {\u202f; le Groupe d’experts jusqu’au {panel}}}.} other {Proroge le mandat{expires, select, none {} other { jusqu’au {expires}}}.}}',
  },
} as const satisfies Area;
