// What the importer has to say (a problem, an inference, an error), kept as a catalogue message and its values until
// it is printed, so that it reads in the curator's language (`--lang fr`) and goes into the dataset in English.
import type { Lang } from '../i18n/lang.js';
import { type MessageId, type MessageValues, t } from '../i18n/translate.js';

/** A message of the importer, not yet written in a language. */
export interface Said {
  id: MessageId;
  /** Its values, or (for names that differ by language, "Yémen") a function of the language. */
  values?: MessageValues | ((lang: Lang) => MessageValues);
}

/** A message with its values. */
export function said(id: MessageId, values?: Said['values']): Said {
  return values ? { id, values } : { id };
}

/** The message written in `lang`. */
export function say(lang: Lang, message: Said): string {
  const values = typeof message.values === 'function' ? message.values(lang) : message.values;
  return t(lang, message.id, values);
}
