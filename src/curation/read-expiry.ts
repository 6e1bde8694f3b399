// What the decision runs to: the dates after "until" / "jusqu'au" (or "as of" / "effective" for a termination),
// each classed as the measures' or mandate's expiry, or the Panel of Experts' date, which is kept apart. A date
// without its year is the first such day after adoption, said aloud; a duration alone ("for one year", "d'un an")
// is not a date, and is refused rather than counted.
import type { DateMention } from './release-dates.js';
import { findDates, firstAfter, isoDay } from './release-dates.js';
import { type Said, said } from './said.js';

/** The expiry read, and what was inferred or could not be read. */
export interface ExpiryReading {
  expires?: string;
  panelExpires?: string;
  inferences: Said[];
  problems: Said[];
}

const UNTIL = /(?:\buntil|\btill|\bthrough|jusqu[’']?\s?(?:au|à)|\bproroger au|\bprorogé au)\s+(?:(?:le|the)\s+)?$/i;
const ENDS = /(?:\bas of|\beffective|\bwith effect from|à compter du|à compter de ce jour)\s+(?:(?:le|the)\s+)?$/i;
const PANEL = /panel of experts|expert panel|group of experts|groupe d[’']experts|\bpanel\b/i;
const MEASURES =
  /sanction|measure|mesure|embargo|travel|asset|gel des avoirs|interdiction|interception|charbon|charcoal/i;
const DURATION =
  /\bfor (?:a further |another |an additional )?(?:one|two|three|six|nine|twelve|\d+) (?:year|month|day)s?\b|\bfor (?:a|another) year\b|d[’']un an\b|pour un an\b|de (?:\d+|douze|six|trois) mois\b|pour une (?:nouvelle )?période d/i;

/** Reads the expiry (and, for sanctions, the Panel's date) from `text`; `adopted` lets a year be inferred. */
export function readExpiry(text: string, termination: boolean, adopted: string | undefined): ExpiryReading {
  const out: ExpiryReading = { inferences: [], problems: [] };
  const dates = findDates(text);
  const main: string[] = [];
  const panel: string[] = [];
  let unresolved = false;
  for (const [i, d] of dates.entries()) {
    const before = text.slice(Math.max(0, d.index - 40), d.index);
    const isEnd = ENDS.test(before);
    // A termination's end is "as of" / "effective"; its "until" dates are the drawdown's, not the mandate's.
    if (termination ? !isEnd : !UNTIL.test(before)) continue;
    const day = dayOf(d, adopted, out);
    if (!day) {
      unresolved = true;
      continue;
    }
    (isPanel(text, dates, i) ? panel : main).push(day);
  }
  const mains = [...new Set(main)];
  const panels = [...new Set(panel)];
  if (mains.length > 1) out.problems.push(said('import.twoExpiries', { list: mains.join(', ') }));
  else if (mains.length === 1) out.expires = mains[0]!;
  if (panels.length > 1) out.problems.push(said('import.twoPanels', { list: panels.join(', ') }));
  else if (panels.length === 1) out.panelExpires = panels[0]!;
  if (mains.length === 0 && !termination && !unresolved) {
    const duration = DURATION.exec(text);
    out.problems.push(duration ? said('import.durationOnly', { duration: duration[0] }) : said('import.noExpiry'));
  }
  return out;
}

function dayOf(d: DateMention, adopted: string | undefined, out: ExpiryReading): string | undefined {
  if (d.year !== undefined) return isoDay(d.year, d.month, d.day);
  if (!adopted) {
    out.problems.push(said('import.dayNoYear', { text: d.text }));
    return undefined;
  }
  const day = firstAfter(adopted, d.month, d.day);
  out.inferences.push(said('import.dayYearInferred', { text: d.text, day, adopted }));
  return day;
}

/** Whether the date at `i` is the Panel of Experts': named in the words after it, or (failing measures there) before it in the same clause. */
function isPanel(text: string, dates: DateMention[], i: number): boolean {
  const d = dates[i]!;
  const nextDate = dates[i + 1]?.index ?? text.length;
  const after = text.slice(d.end, Math.min(nextDate, d.end + 120)).split(/[.;]/)[0] ?? '';
  if (PANEL.test(after)) return true;
  if (MEASURES.test(after)) return false;
  const prevEnd = dates[i - 1]?.end ?? 0;
  const clause =
    text
      .slice(Math.max(prevEnd, d.index - 120), d.index)
      .split(/[.;,]/)
      .at(-1) ?? '';
  return PANEL.test(clause);
}
