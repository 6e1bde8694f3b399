// A command written wrongly: what was wrong and how to write it. A user's mistake is an answer, not an exception.
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { isMessageId, type MessageValues, messages, t } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';

/**
 * The answer to an `invalid` command. `message` and `usage` are catalogue ids (or, from code not yet moved to the
 * catalogue, English text shown as it is).
 */
export function usageError(
  problem: string,
  usageLine: string,
  lang: Lang = DEFAULT_LANG,
  values: MessageValues = {},
): Answer {
  const m = messages(lang);
  const message = isMessageId(problem) ? t(lang, problem, values) : problem;
  const usage = isMessageId(usageLine) ? t(lang, usageLine) : usageLine;
  return {
    kind: 'invalid',
    outcome: 'usage',
    title: message,
    sections: [{ heading: m('usage.heading'), items: [{ text: usage }] }],
    actions: [{ label: m('action.help'), command: 'help' }],
    summary: message,
  };
}
