// Translations of the dataset's prose (status notes, figure labels, action-plan descriptions, periods, editors'
// notes) by language, beside the English text they translate: `texts: { fr: { text: "…" } }`, the same shape as
// `names: { fr }`. Only the fields an object names may be translated, each non-empty; quoted text (recommendations,
// statements) is never translated here: it stays in its source's language.
import { z } from 'zod';

const translation = z.string().min(1);

/** The `texts` field of an object whose prose fields `fields` may be given in French (and `extra` lists, e.g. topics). */
export function textsOf<const K extends string, E extends z.ZodRawShape = Record<never, never>>(
  fields: readonly K[],
  extra?: E,
) {
  const shape = Object.fromEntries(fields.map((f) => [f, translation.optional()])) as {
    [P in K]: z.ZodOptional<typeof translation>;
  };
  return z
    .object({ fr: z.object({ ...shape, ...(extra ?? ({} as E)) }).strict() })
    .partial()
    .strict()
    .optional();
}
