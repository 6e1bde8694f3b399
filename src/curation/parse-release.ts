// Reads a press release's text: its language, title, symbol (SC/NNNNN, CS/NNNNN), date line, the resolution adopted
// (`NNNN (YYYY)`), what kind of decision it is, the adoption date and the expiry. Every problem is listed; nothing is
// guessed: a number without its year, two resolutions adopted, or two expiries are problems, not choices.
import { type AdoptionReading, readAdoption } from './read-adoption.js';
import { readExpiry } from './read-expiry.js';
import { findDates, isoDay } from './release-dates.js';
import { type Said, said } from './said.js';

/** What kind of decision a release announces. */
export type ReleaseKind = 'extension' | 'rollover' | 'termination' | 'sanctions-renewal';

/** What was read from a release (the body it concerns is found against the dataset, see find-body.ts). */
export interface Reading {
  language: 'en' | 'fr';
  title?: string;
  symbol?: string;
  /** The release's date line: YYYY-MM-DD, or YYYY-MM when the copy gives only the month. */
  dateLine?: string;
  kind?: ReleaseKind;
  resolution?: string;
  adopted?: string;
  expires?: string;
  panelExpires?: string;
  /** Whether the text speaks of sanctions measures (decides which bodies it can be about). */
  sanctions: boolean;
  inferences: Said[];
  problems: Said[];
}

const FRENCH = /\b(le conseil de sécurité|résolution|jusqu[’']au|proroge|mandat de la)\b/i;
const TERMINATION =
  /\bterminat\w* (?:the )?mandate|\bbringing an end\b[^.]*\bmandate|\bend(?:s|ed)? the mandate|\bmet(?:tre|tant)? fin au mandat|\bmis fin au mandat|\bmettant fin\b/i;
const ROLLOVER = /technical rollover|short-term (?:technical )?(?:rollover|extension)|prorogation technique/i;
const SANCTIONS =
  /\bsanctions?\b|travel[- ]ban|assets?[- ]freeze|gel des avoirs|interdiction de voyager|régime de sanctions/i;

/** Reads everything the importer needs from the release's text. */
export function parseRelease(text: string): Reading {
  const reading: Reading = {
    language: FRENCH.test(text) && !/\bthe Security Council\b/i.test(text) ? 'fr' : 'en',
    sanctions: SANCTIONS.test(text),
    inferences: [],
    problems: [],
  };
  const title = readTitle(text);
  if (title) reading.title = title;
  const symbol = /\b(?:SC|CS)\/\d{4,5}\b/.exec(text.slice(0, 600));
  if (symbol) reading.symbol = symbol[0].replace(/^CS/, 'SC');
  const dateLine = readDateLine(text);
  if (dateLine) reading.dateLine = dateLine;
  readResolution(text, reading);
  const termination = TERMINATION.test(text);
  reading.kind = termination
    ? 'termination'
    : reading.sanctions
      ? 'sanctions-renewal'
      : ROLLOVER.test(text)
        ? 'rollover'
        : 'extension';
  const adoption: AdoptionReading = readAdoption(text, dateLine);
  merge(reading, adoption);
  if (adoption.adopted) reading.adopted = adoption.adopted;
  const expiry = readExpiry(text, termination, reading.adopted);
  merge(reading, expiry);
  if (expiry.expires) reading.expires = expiry.expires;
  else if (termination && reading.adopted) {
    reading.expires = reading.adopted;
    reading.inferences.push(said('import.endTakenAsAdoption', { adopted: reading.adopted }));
  } else if (termination) reading.problems.push(said('import.endNotDated'));
  if (expiry.panelExpires && reading.sanctions) reading.panelExpires = expiry.panelExpires;
  return reading;
}

function merge(into: Reading, from: { inferences: Said[]; problems: Said[] }): void {
  into.inferences.push(...from.inferences);
  into.problems.push(...from.problems);
}

/** The first line that names a resolution or the Council's decision, as the release's title. */
function readTitle(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /resolution \d{3,4}|résolution \d{3,4}|Security Council|Conseil de sécurité/i.test(l));
  return (line ?? lines[0])?.replace(/^date \d{4}-\d{2}(-\d{2})?\s*/, '').slice(0, 200);
}

const DATE_ONLY_LINE = /^\s*(?:date\s+)?(\d{4}-\d{2}(?:-\d{2})?)\b/;
const PUBT = /^(\d{2})\/(\d{2})\/(\d{4}) \| (?:Press release|News release)/;

/** The release's date line, among its first lines: a line that is, or starts with, a full date. */
function readDateLine(text: string): string | undefined {
  const lines = text.split('\n').slice(0, 15);
  for (const raw of lines) {
    const line = raw.trim();
    // A copy's stored page date (" date 2023-12-04 …"); pubt.io's US-order "MM/DD/YYYY | Press release".
    const iso = DATE_ONLY_LINE.exec(line);
    if (iso) return iso[1];
    const pubt = PUBT.exec(line);
    if (pubt) return `${pubt[3]}-${pubt[1]}-${pubt[2]}`;
    const dated = findDates(line)[0];
    if (!dated || dated.year === undefined) continue;
    // "31 October 2025", "November 1, 2025 at 8:28 am", "Bamako, 30 juin 2023 – …", "French.news.cn | 2025-12-13 à 10:05".
    const prefix = line.slice(0, dated.index);
    const suffix = line.slice(dated.end);
    if (
      /^(?:[\p{L} .]{0,30}[,|]\s*)?$/u.test(prefix) &&
      /^\s*(?:(?:at|à)\s+[\d:h]+\s*(?:am|pm)?\s*$|[–-](?:\s|$)|$)/i.test(suffix)
    )
      return isoDay(dated.year, dated.month, dated.day);
  }
  return undefined;
}

const ADOPTED_RESOLUTION = [
  /\b(?:adopting|adopted|adopts|passed)\s+(?:through\s+|its\s+)?resolution\s+(\d{3,4})(?:\s*\((\d{4})\))?/gi,
  /\bresolution\s+(\d{3,4})\s*\((\d{4})\)\s*(?:\(to be issued|,?\s*(?:adopted|passed))/gi,
  /\b(?:adoptant|adopté|adoptée|approuvé|(?<!(?:créé|créée|créés|imposées?|établie?|prévue?) )par)\s+(?:à l[’']unanimité\s+)?(?:la\s+|sa\s+)?résolution\s+(\d{3,4})(?:\s*\((\d{4})\))?/gi,
  /\b(?:la\s+)?résolution\s+(\d{3,4})(?:\s*\((\d{4})\))?,?\s+(?:adoptée|qui a obtenu|renouvelle|proroge|mettant fin)/gi,
];

/** The resolution adopted: one number with its year, or a problem saying what was (not) read. */
function readResolution(text: string, reading: Reading): void {
  const found = new Map<string, string | undefined>();
  for (const re of ADOPTED_RESOLUTION) {
    for (const m of text.matchAll(re)) {
      const year = m[2] ?? found.get(m[1]!);
      found.set(m[1]!, year);
    }
  }
  if (found.size === 0) {
    const mentioned = [...new Set([...text.matchAll(/\br[ée]solution\s+(\d{3,4}\s*\(\d{4}\))/gi)].map((m) => m[1]))];
    reading.problems.push(said('import.noResolution', { mentioned: mentioned.join(', ') || 'none' }));
    return;
  }
  if (found.size > 1) {
    reading.problems.push(said('import.twoResolutions', { list: [...found.keys()].join(', ') }));
    return;
  }
  const [number, year] = [...found.entries()][0]!;
  if (year === undefined) {
    reading.problems.push(said('import.noYear', { number }));
    return;
  }
  reading.resolution = `${number} (${year})`;
}
