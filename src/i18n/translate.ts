// Messages by id, in the answer's language: ICU MessageFormat (plural rules, numbers in the locale) through
// intl-messageformat, never string concatenation. Each message is parsed once per language and kept.
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogue } from './catalogue.js';
import { LOCALES, type Lang } from './lang.js';

/** The id of a message in the catalogue ("codes.title"). */
export type MessageId = keyof typeof catalogue;

/** Values put into a message's {placeholders}. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** A translator bound to one language: `m('codes.title')`, `m('days.left', { days: 3 })`. */
export type Messages = (id: MessageId, values?: MessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

/** The message `id` in `lang`, with its placeholders filled. */
export function t(lang: Lang, id: MessageId, values?: MessageValues): string {
  const key = `${lang}\u0000${id}`;
  let format = compiled.get(key);
  if (!format) {
    // ignoreTag: messages may show "<id>" or "<country>" in usage lines; they are text, not rich-text tags.
    format = new IntlMessageFormat(catalogue[id][lang], LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return String(format.format(values));
}

const bound = new Map<Lang, Messages>();

/** A translator for one language, for code that writes many messages. */
export function messages(lang: Lang): Messages {
  let m = bound.get(lang);
  if (!m) {
    m = (id, values) => t(lang, id, values);
    bound.set(lang, m);
  }
  return m;
}
