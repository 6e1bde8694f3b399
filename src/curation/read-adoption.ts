// When the resolution was adopted: a date the text gives for the decision ("a décidé mercredi 15 novembre 2017",
// "Le 30 juin 2023, le Conseil … a approuvé", "adopted … on Friday, December 1st"), else the release's date line
// when the text says "today" ("aujourd'hui", "ce matin"), else the weekday it names counted back from the date line.
// Every step that is not read as such is said aloud in `inferences`.
import {
  dayOfWeek,
  findDates,
  isoDay,
  lastOnOrBefore,
  lastWeekday,
  WEEKDAY_NAMES,
  weekdayOf,
} from './release-dates.js';
import { type Said, said } from './said.js';

/** The adoption date read, and what was inferred or could not be read. */
export interface AdoptionReading {
  adopted?: string;
  inferences: Said[];
  problems: Said[];
}

const DECISION =
  /\b(adopt|decid|approv|extend|renew|terminat|vot)|\b(a (décidé|approuvé|adopté)|adopt|prorog|reconduit|renouvel|met fin|mis fin)/i;
const NOT_ADOPTION =
  /(until|till|through|to|jusqu[’']?(au|à)|effective|as of|by|from|since|d[’']ici|depuis|à compter d[ue]|expir\w*|begin on|plus tard|later than|avant|before|le mandat actuel)\s*(\w+\s*,?\s*)?$/i;
const TODAY =
  /\b(today|this (morning|afternoon|evening)|tonight)\b|aujourd[’']hui|\bce (matin|soir)\b|\bcet après-midi\b/i;
const WEEKDAY = new RegExp(`\\b(?:on\\s+)?(${WEEKDAY_NAMES})\\b`, 'i');

/** Reads the adoption date of `text`, given its date line (YYYY, YYYY-MM or YYYY-MM-DD), if any. */
export function readAdoption(text: string, dateLine: string | undefined): AdoptionReading {
  const out: AdoptionReading = { inferences: [], problems: [] };
  const explicit = explicitDecisionDate(text);
  if (explicit) {
    if (explicit.year !== undefined) {
      out.adopted = isoDay(explicit.year, explicit.month, explicit.day);
    } else if (dateLine?.length === 10) {
      out.adopted = lastOnOrBefore(dateLine, explicit.month, explicit.day);
      const values = { text: explicit.text.trim(), year: out.adopted.slice(0, 4), dateLine };
      out.inferences.push(said('import.adoptedYearInferred', values));
    } else {
      out.problems.push(said('import.adoptedNoYear', { text: explicit.text.trim() }));
      return out;
    }
    if (explicit.weekday !== undefined && dayOfWeek(out.adopted) !== explicit.weekday) {
      out.problems.push(said('import.weekdayDisagrees', { text: explicit.text.trim() }));
      delete out.adopted;
    }
    return out;
  }
  if (dateLine?.length !== 10) return out;
  if (TODAY.test(text)) {
    out.adopted = dateLine;
    return out;
  }
  const weekday = WEEKDAY.exec(text);
  const wd = weekday ? weekdayOf(weekday[1] ?? '') : undefined;
  if (wd !== undefined) {
    out.adopted = lastWeekday(dateLine, wd);
    out.inferences.push(said('import.weekdayTaken', { text: weekday![0].trim(), day: out.adopted, dateLine }));
  }
  return out;
}

/** A date the decision sentence itself gives ("on 1 December 2023", "mercredi 15 novembre 2017", "Le 30 juin 2023,"). */
function explicitDecisionDate(
  text: string,
): { day: number; month: number; year?: number; text: string; weekday?: number } | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (!DECISION.test(sentence)) continue;
    for (const d of findDates(sentence)) {
      const before = sentence.slice(0, d.index);
      if (NOT_ADOPTION.test(before)) continue;
      const lead = /(?:\b(?:on|le)\s+)?(?:(\w+),?\s+)?$/i.exec(before);
      const weekday = lead?.[1] ? weekdayOf(lead[1]) : undefined;
      const atStart = /^\s*(le|on)\s*$/i.test(before);
      const introduced = /\b(on|le)\s+((\w+),?\s+)?$/i.test(before) || weekday !== undefined || atStart;
      if (!introduced) continue;
      const hit: { day: number; month: number; year?: number; text: string; weekday?: number } = {
        day: d.day,
        month: d.month,
        text: `${weekday !== undefined ? `${lead?.[1]} ` : ''}${d.text}`,
      };
      if (d.year !== undefined) hit.year = d.year;
      if (weekday !== undefined) hit.weekday = weekday;
      return hit;
    }
  }
  return undefined;
}
