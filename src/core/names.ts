// Names in the answer's language: the dataset's `names` by language where the UN has one, the English name otherwise.
import type { Country, Mission } from '../dataset/schema.js';
import type { Lang } from '../i18n/lang.js';

/** "République démocratique du Congo" in French, "Democratic Republic of the Congo" in English. */
export function countryName(country: Country, lang: Lang | undefined): string {
  return (lang === 'fr' ? country.names?.fr : undefined) ?? country.name;
}

/** "FISNUA" in French, "UNISFA" in English; "MINUSMA" in both. */
export function missionAcronym(mission: Mission, lang: Lang | undefined): string {
  return (lang === 'fr' ? mission.names?.fr?.acronym : undefined) ?? mission.acronym;
}

/** The mission's or regime's full name in the answer's language, where the dataset has it. */
export function missionName(mission: Mission, lang: Lang | undefined): string {
  return (lang === 'fr' ? mission.names?.fr?.name : undefined) ?? mission.name;
}

/** The sanctions committee's name in the answer's language, where the dataset has it. */
export function committeeName(mission: Mission, lang: Lang | undefined): string | undefined {
  return (lang === 'fr' ? mission.names?.fr?.committee : undefined) ?? mission.committee;
}
