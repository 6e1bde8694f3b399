// Facts about parties shared by the country brief and the party answer: markers, codes in words, listing history.
import type { Country, Dataset, Listing, Party, Reference, ViolationCode } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { type MessageId, t } from '../i18n/translate.js';

/** The catalogue id of each violation's name. */
const VIOLATION_IDS: Readonly<Record<ViolationCode, MessageId>> = {
  a: 'violation.a',
  b: 'violation.b',
  c: 'violation.c',
  d: 'violation.d',
  e: 'violation.e',
  f: 'violation.f',
};

/** A violation's name in running text, in the UN's words in that language: "recrutement et utilisation d’enfants". */
export function violationName(code: ViolationCode, lang: Lang = DEFAULT_LANG): string {
  const id = VIOLATION_IDS[code];
  return id ? t(lang, id) : t(lang, 'violation.unknown', { code });
}

/** "recruitment and use of children (a); rape and other … (c)": codes spelled out, in code order. */
export function spellCodes(
  reference: Reference,
  codes: readonly ViolationCode[],
  withLetters = true,
  lang: Lang = DEFAULT_LANG,
): string {
  return [...new Set(codes)]
    .sort()
    .map((code) => {
      // The legend decides which codes exist; the catalogue names them in the answer's language.
      const short = reference.violation_codes[code]
        ? violationName(code, lang)
        : t(lang, 'violation.unknown', { code });
      return withLetters ? `${short} (${code})` : short;
    })
    .join(t(lang, 'punct.semicolon'));
}

/** The markers after a party's name, as the annexes print them: "~ *", "*" or "". */
export function partyMarkers(reference: Reference, party: Party): string {
  const marks: string[] = [];
  if (party.action_plan_marker?.value) marks.push(reference.markers.action_plan.symbol);
  if (party.persistent_perpetrator?.value) marks.push(reference.markers.persistent_perpetrator.symbol);
  return marks.join(' ');
}

/** The name people use for a party: its first acronym, or its name. */
export function partyShortName(party: Party): string {
  return party.acronyms[0] ?? party.name;
}

/** "Mouvement national de libération de l'Azawad (MNLA)". */
export function partyFullName(party: Party): string {
  const acronym = party.acronyms[0];
  return acronym && acronym !== party.name ? `${party.name} (${acronym})` : party.name;
}

/** The parties of a country, in the order of the data files. */
export function partiesOf(dataset: Dataset, country: Country): Party[] {
  return [...(partyIndexOf(dataset).byCountry.get(country.id) ?? [])];
}

/** The parties within a coalition ("Part of" it), in the order of the data files. */
export function membersOf(dataset: Dataset, coalition: Party): Party[] {
  return [...(partyIndexOf(dataset).byCoalition.get(coalition.id) ?? [])];
}

interface PartyIndex {
  byCountry: Map<string, Party[]>;
  byCoalition: Map<string, Party[]>;
}

// Built once per dataset object (a reload gets its own): with 20,000 parties, scanning them all for one country's
// brief or one coalition's members was most of an answer's cost, and the "nothing near" miss scanned them per country.
const partyIndexes = new WeakMap<Dataset, PartyIndex>();

function partyIndexOf(dataset: Dataset): PartyIndex {
  let index = partyIndexes.get(dataset);
  if (!index) {
    index = { byCountry: new Map(), byCoalition: new Map() };
    const add = (map: Map<string, Party[]>, key: string, party: Party) => {
      const list = map.get(key);
      if (list) list.push(party);
      else map.set(key, [party]);
    };
    for (const p of dataset.parties.values()) {
      add(index.byCountry, p.country, p);
      for (const w of new Set(p.within.map((x) => x.party))) add(index.byCoalition, w, p);
    }
    partyIndexes.set(dataset, index);
  }
  return index;
}

/** The latest annual-report year, up to `maxYear`, any party of the country is recorded for (listed or not listed). */
export function latestReportYear(parties: readonly Party[], maxYear = Number.POSITIVE_INFINITY): number | undefined {
  const years = parties
    .flatMap((p) => [...p.listings.map((l) => l.report_year), ...p.not_listed.map((n) => n.report_year)])
    .filter((y) => y <= maxYear);
  return years.length > 0 ? Math.max(...years) : undefined;
}

/** A party's listing for one report year, if the dataset has it. */
export function listingFor(party: Party, year: number): Listing | undefined {
  return party.listings.find((l) => l.report_year === year);
}

/** The coalitions a party is within, as parties. */
export function coalitionsOf(dataset: Dataset, party: Party): Party[] {
  return party.within.map((w) => dataset.parties.get(w.party)).filter((p): p is Party => p !== undefined);
}

/** The action plans of the country that bind this party, directly or through a coalition it belongs to. */
export function actionPlansOf(dataset: Dataset, party: Party): Country['action_plans'] {
  const country = dataset.countries.get(party.country);
  if (!country) return [];
  const ids = new Set([party.id, ...party.within.map((w) => w.party)]);
  return country.action_plans.filter((a) => a.parties.some((p) => ids.has(p)));
}

/** The year of the newest annual report out at `now`: reports appear around June, so a year counts from July. */
export function lastPublishedReportYear(now: Date): number {
  return now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}
