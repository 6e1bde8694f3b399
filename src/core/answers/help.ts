// `help`: what the bot can do, with examples, reminders included. The lines come from the command registry.
import { listEntities } from '../../dataset/resolver.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';

/** One line of `help`: an example command and what it shows. */
export interface HelpLine {
  example: string;
  text: string;
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
  const countries = listEntities(ctx.dataset, 'country').map((e) => e.name);
  const firstWord = topic?.split(/[^a-z]/)[0];
  const remindersOnly = firstWord !== undefined && guide.reminderWords.includes(firstWord);
  const items = (lines: readonly HelpLine[]): Item[] => lines.map((l) => ({ label: l.example, text: l.text }));
  return {
    kind: 'help',
    outcome: 'answered',
    title: 'caac: children and armed conflict, from a sourced dataset',
    subtitle: `Every fact comes with its source and as-of date. Countries covered: ${countries.join(', ') || 'none loaded'}.`,
    sections: [
      ...(remindersOnly ? [] : [{ heading: 'Look things up', items: items(guide.lookups) }]),
      { heading: 'Reminders (in a Slack channel or Teams conversation)', items: items(guide.reminders) },
    ],
    actions: [
      { label: 'mali', command: 'mali' },
      { label: 'codes', command: 'codes' },
      { label: 'renewals', command: 'renewals' },
    ],
    summary: 'What caac can do',
  };
}
