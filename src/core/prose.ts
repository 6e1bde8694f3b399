// The dataset's prose in the answer's language: an object's `texts: { fr: { … } }` where an editor translated it,
// otherwise the English text, marked as English so that nobody takes it for a translation gap in the bot.
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';

/** An object of the dataset with translations of some of its fields (see src/dataset/texts.ts). */
type Translated<K extends string> = { readonly [P in K]?: unknown } & {
  readonly texts?: { readonly fr?: { readonly [P in K]?: unknown } | undefined } | undefined;
};

// The dataset is written in English; `texts` holds the other languages.
function translation<K extends string>(fact: Translated<K>, field: K, lang: Lang | undefined): unknown {
  return lang === 'fr' ? fact.texts?.fr?.[field] : undefined;
}

/**
 * The field `field` of `fact` in `lang` ("date limite du retrait…"), or its English text marked "(en anglais)";
 * `shape` trims the text itself (a final full stop), before any mark.
 */
export function prose<K extends string>(
  fact: Translated<K>,
  field: K,
  lang: Lang | undefined,
  shape: (text: string) => string = (s) => s,
): string {
  const english = fact[field];
  const text = typeof english === 'string' ? shape(english) : '';
  if (!text || !lang || lang === 'en') return text;
  const translated = translation(fact, field, lang);
  return typeof translated === 'string' ? shape(translated) : t(lang, 'text.inEnglish', { text });
}

/** `prose` of an optional field: undefined when the English field is absent. */
export function proseOf<K extends string>(fact: Translated<K>, field: K, lang: Lang | undefined): string | undefined {
  return typeof fact[field] === 'string' ? prose(fact, field, lang) : undefined;
}

/** A list of labels (a recommendation's topics) joined with `separator`, translated as a whole or marked as English. */
export function proseList<K extends string>(
  fact: Translated<K>,
  field: K,
  lang: Lang | undefined,
  separator: string,
): string {
  const english = fact[field];
  const list = Array.isArray(english) ? english.join(separator) : '';
  if (!list || !lang || lang === 'en') return list;
  const translated = translation(fact, field, lang);
  return Array.isArray(translated) ? translated.join(separator) : t(lang, 'text.inEnglish', { text: list });
}

/** A name-like field (a publisher, a Member State) in `lang` where translated, else as written: names are not marked. */
export function nameIn<K extends string>(fact: Translated<K>, field: K, lang: Lang | undefined): string {
  const translated = translation(fact, field, lang);
  const written = fact[field];
  return typeof translated === 'string' ? translated : typeof written === 'string' ? written : '';
}
