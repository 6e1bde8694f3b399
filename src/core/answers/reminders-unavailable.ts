// Reminder commands where reminders cannot run: in the terminal (no channel) or without the reminders module.
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';

/** "Reminders belong to a channel" (terminal) or "reminders are not available here" (no reminder store). */
export function remindersUnavailable(
  kind: string,
  reason: 'no-channel' | 'not-configured',
  lang: Lang = DEFAULT_LANG,
): Answer {
  const m = messages(lang);
  const title = reason === 'no-channel' ? m('unavailable.noChannel') : m('unavailable.notConfigured');
  return {
    kind,
    outcome: 'unavailable',
    title,
    sections: [],
    actions: [
      { label: m('action.renewals'), command: 'renewals' },
      { label: m('action.help'), command: 'help' },
    ],
    summary: title,
  };
}
