// A fault on our side (a bug, a database down): an apology that says what to do, the same on every platform. The
// details go to the log, never to the user.
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';

/** The answer given when answering failed, in `lang` (the channel's or the user's, when known). */
export function fault(lang: Lang = DEFAULT_LANG): Answer {
  const m = messages(lang);
  return {
    kind: 'error',
    outcome: 'unavailable',
    title: m('fault.title'),
    sections: [{ items: [{ text: m('fault.detail') }] }],
    actions: [],
    summary: m('fault.summary'),
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
}
