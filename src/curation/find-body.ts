// Which mission or sanctions regime of the dataset a release is about. A sanctions release is matched among the
// regimes (by the regime's names, or the country it concerns); any other among the missions (by acronym or full
// name, English or French). Two bodies, or none, is a refusal: a body that is not in the dataset comes with the
// nearest names.
import { foldName, resolveName, shortName } from '../dataset/resolver.js';
import type { Dataset, Mission } from '../dataset/schema.js';
import { type Said, said } from './said.js';

const DECISION =
  /\b(until|extend|renew|terminat|adopt|rollover)|jusqu[’']?\s?au|prorog|recondu|renouvel|met(?:tre|tant)? fin|mis fin|adopt/i;

/** The body found, or why none can be chosen. */
export type BodyMatch = { ok: true; mission: Mission } | { ok: false; problem: Said; suggestions: string[] };

/** Finds the body `text` is about; `sanctions` says whether it speaks of sanctions measures. */
export function findBody(dataset: Dataset, fullText: string, sanctions: boolean): BodyMatch {
  // Only the sentences that state a decision: a listing page's other items, or a mission named in passing, are not it.
  const text = fullText
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((s) => DECISION.test(s))
    .join('\n');
  const folded = ` ${foldName(text)} `;
  const missions = [...dataset.missions.values()];
  const candidates = sanctions
    ? missions.filter((m) => m.kind === 'sanctions-regime' && namesOfRegime(dataset, m).some((n) => has(folded, n)))
    : missions.filter((m) => m.kind !== 'sanctions-regime' && namesOfMission(m).some((n) => mentions(text, folded, n)));
  if (candidates.length === 1) return { ok: true, mission: candidates[0]! };
  if (candidates.length > 1) {
    return {
      ok: false,
      problem: said('import.twoBodies', { list: candidates.map((m) => m.acronym).join(', ') }),
      suggestions: [],
    };
  }
  return unknownBody(dataset, text, folded, sanctions);
}

/** A regime's own names, and the name of the country it concerns ("Mali", "Somalie"). */
function namesOfRegime(dataset: Dataset, m: Mission): string[] {
  const country = dataset.countries.get(m.country);
  const own = m.other_names.filter((n) => !/^\d+$/.test(n) && !/committee/i.test(n));
  return [...own, ...(country ? [country.name, ...country.other_names] : [])]
    .map(foldName)
    .filter((n) => n.length >= 4);
}

function namesOfMission(m: Mission): string[] {
  const fr = m.names?.fr;
  return [m.acronym, m.name, ...m.other_names, ...(fr ? [fr.acronym, fr.name].filter((n): n is string => !!n) : [])];
}

function has(folded: string, name: string): boolean {
  return folded.includes(` ${name} `);
}

/** An acronym as written (case counts: "UNSMIL", not "unsmil"); a longer name folded. */
function mentions(text: string, folded: string, name: string): boolean {
  if (/^[A-Z][A-Z-]{2,9}$/.test(name)) return new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u').test(text);
  const f = foldName(name);
  return f.length >= 12 && has(folded, f);
}

function unknownBody(dataset: Dataset, text: string, folded: string, sanctions: boolean): BodyMatch {
  if (sanctions) {
    const country = [...dataset.countries.values()].find((c) =>
      [c.name, ...c.other_names].map(foldName).some((n) => n.length >= 4 && has(folded, n)),
    );
    const near = country
      ? [...dataset.missions.values()].filter((m) => m.country === country.id).map((m) => m.acronym)
      : [...dataset.missions.values()].filter((m) => m.kind === 'sanctions-regime').map((m) => m.acronym);
    return {
      ok: false,
      problem: country
        ? said('import.noRegimeOn', (lang) => ({
            country: (lang === 'fr' ? country.names?.fr : undefined) ?? country.name,
          }))
        : said('import.noRegimeNamed'),
      suggestions: near,
    };
  }
  const acronym = /\(([A-Z][A-Z-]{2,9})\)/.exec(text)?.[1];
  if (acronym) {
    const r = resolveName(dataset, acronym, { kinds: ['mission'] });
    return {
      ok: false,
      problem: said('import.notAMission', { acronym }),
      suggestions: r.suggestions.map(shortName),
    };
  }
  return { ok: false, problem: said('import.noBodyNamed'), suggestions: [] };
}
