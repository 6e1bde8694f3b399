// A command written wrongly: what was wrong and how to write it. A user's mistake is an answer, not an exception.
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';

/** The answer to an `invalid` command. */
export function usageError(message: string, usage: string, lang: Lang = DEFAULT_LANG): Answer {
  const m = messages(lang);
  return {
    kind: 'invalid',
    outcome: 'usage',
    title: message,
    sections: [{ heading: m('usage.heading'), items: [{ text: usage }] }],
    actions: [{ label: m('action.help'), command: 'help' }],
    summary: message,
  };
}
