// `help`: what the bot can do, with examples, reminders included. The lines come from the command registry.
import { listEntities } from '../../dataset/resolver.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { type MessageId, messages } from '../../i18n/translate.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { countryName } from '../names.js';

/** One line of `help`: an example command and what it shows. */
export interface HelpLine {
  example: string;
  /** What it shows: a catalogue id, so that help reads in the answer's language. */
  text: MessageId;
}

/** What `help` lists, as the command registry declares it. */
export interface HelpGuide {
  /** The commands answered from the dataset. */
  lookups: readonly HelpLine[];
  /** The reminder commands (they need a channel). */
  reminders: readonly HelpLine[];
  /** The words that start a reminder command: `help remind` shows the reminder commands only. */
  reminderWords: readonly string[];
}

/** The help answer; `help remind` (or `help reminders`, `help forget`) shows the reminder commands only. */
export function help(ctx: AnswerContext, topic: string | undefined, guide: HelpGuide): Answer {
  const m = messages(ctx.lang ?? DEFAULT_LANG);
  const countries = listEntities(ctx.dataset, 'country').map((e) =>
    e.kind === 'country' ? countryName(e.country, ctx.lang) : e.name,
  );
  const firstWord = topic?.split(/[^a-z]/)[0];
  const remindersOnly = firstWord !== undefined && guide.reminderWords.includes(firstWord);
  const items = (lines: readonly HelpLine[]): Item[] => lines.map((l) => ({ label: l.example, text: m(l.text) }));
  return {
    kind: 'help',
    outcome: 'answered',
    title: m('help.title'),
    subtitle: m('help.subtitle', { countries: countries.join(', ') || m('help.noneLoaded') }),
    sections: [
      ...(remindersOnly ? [] : [{ heading: m('help.lookups'), items: items(guide.lookups) }]),
      { heading: m('help.reminders'), items: items(guide.reminders) },
    ],
    actions: [
      { label: 'mali', command: 'mali' },
      { label: 'codes', command: 'codes' },
      { label: 'renewals', command: 'renewals' },
    ],
    summary: m('help.summary'),
  };
}
