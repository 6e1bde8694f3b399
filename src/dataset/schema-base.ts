// The building blocks of the dataset's schema (schema.ts): dates with their precision, ids, violation codes, and
// the provenance every fact carries, with its prose in other languages.
import { z } from 'zod';
import { textsOf } from './texts.js';

/** A calendar date at year, month or day precision, as written in the sources: `2021`, `2021-06`, `2021-06-30`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar day, `YYYY-MM-DD` (mandate expiries and adoption dates are always days). */
export const DayDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(isRealDate, 'is not a real calendar date');

/** Stable ids: lower-case kebab, so that reminders and links survive edits of names. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens');

/** The violation codes of the annexes. */
export const ViolationCode = z.enum(['a', 'b', 'c', 'd', 'e', 'f']);
export type ViolationCode = z.infer<typeof ViolationCode>;

/** Provenance shared by every fact: which source says it, and as of when. `as_of` defaults to the source's date. */
export const Provenance = z.object({
  source: Id,
  as_of: PartialDate.optional(),
  /** Set when a key part of the fact is not confirmed by a primary source; the bot shows this text with the fact. */
  unverified: z.string().min(1).optional(),
  /** An editor's note, shown with the fact. */
  note: z.string().min(1).optional(),
  /** `note` and `unverified` in other languages (see texts.ts). */
  texts: textsOf(['note', 'unverified']),
});
export type Provenance = z.infer<typeof Provenance>;

/** A sourced fact; `prose` names its own fields that `texts` may translate, besides the note and the caveat. */
export const sourced = <T extends z.ZodRawShape, const K extends string = never>(shape: T, prose: readonly K[] = []) =>
  Provenance.extend({ ...shape, texts: textsOf(['note', 'unverified', ...prose]) }).strict();

function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const day = new Date(Date.UTC(y!, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
