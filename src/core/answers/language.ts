// `lang [en|fr]`: a channel's language. `lang` shows it, `lang fr` sets it (stored by the service, so reminders and
// digests to the channel follow it). The core answers it (create-core.ts); here are the reading and the answers.
import { LANGS, type Lang, parseLang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import type { Reading } from '../commands/command-registry.js';

// Names people type for a language, besides its code.
const NAMES: Readonly<Record<string, Lang>> = {
  english: 'en',
  anglais: 'en',
  french: 'fr',
  francais: 'fr',
  français: 'fr',
};

/** Reads the words after `lang`: nothing (show), a code or a language's name (set), or a problem. */
export function readLang(rest: string): Reading {
  const word = rest
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '');
  if (!word) return { kind: 'lang' };
  const lang = NAMES[word] ?? (/^[a-z]{2}([-_][a-z]{2})?$/.test(word) ? parseLang(word) : undefined);
  return lang ? { kind: 'lang', lang } : { problem: 'lang.unknown', values: { code: word.slice(0, 20) } };
}

/** `lang` where no channel's language can be stored (the terminal): how to choose the language there. */
export function languageWithoutChannel(ctx: AnswerContext): Answer {
  const m = messages(ctx.lang ?? 'en');
  return {
    kind: 'lang',
    outcome: 'unavailable',
    title: m('lang.noChannel'),
    sections: [],
    actions: [{ label: m('action.help'), command: 'help' }],
    summary: m('lang.noChannel'),
  };
}

/** The answer to `lang` (show: `set` undefined) or `lang fr` (set), in the channel's language after the command. */
export function languageAnswer(lang: Lang, stored: boolean, set: boolean): Answer {
  const m = messages(lang);
  const title = set ? m('lang.set') : stored ? m('lang.current') : m('lang.default');
  return {
    lang,
    kind: 'lang',
    outcome: 'answered',
    title,
    subtitle: m('lang.available'),
    sections: [],
    actions: LANGS.filter((l) => l !== lang).map((l) => ({ label: `lang ${l}`, command: `lang ${l}` })),
    summary: set ? m('lang.set') : m('lang.summaryShow'),
  };
}
