// `help`: what the bot can do, with examples, reminders included.
import { listEntities } from '../../dataset/resolver.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';

/** The help answer; `help remind` (or `help reminders`) shows the reminder commands only. */
export function help(ctx: AnswerContext, topic?: string): Answer {
  const countries = listEntities(ctx.dataset, 'country').map((e) => e.name);
  const remindersOnly = topic !== undefined && /^(remind|reminders|forget)\b/.test(topic);
  const lookups: Item[] = [
    {
      label: 'mali',
      text: 'a country brief: listed parties, action plans, missions, figures, Council facts (also ML, MLI, French names)',
    },
    { label: 'mnla', text: 'a listed party: full name, listing history by annual report, codes spelled out, markers' },
    { label: 'group ansar dine', text: 'the same, looking among parties only' },
    { label: 'recs mali', text: 'the recommendations to the Security Council, quoted, dated and sourced' },
    { label: 'figures mali', text: 'the latest verified figures with their periods' },
    { label: 'sources mali', text: 'every source behind the facts on a country' },
    { label: 'codes', text: 'the legend: violation codes a–f, ~ action plan, * persistent perpetrator' },
    { label: 'renewals [mali]', text: 'mandate expiries and other dated events, soonest first, with days left' },
    { label: 'search schools', text: 'full-text search across the dataset' },
  ];
  const reminders: Item[] = [
    // "here" is the Slack channel or the Teams conversation the command is typed in.
    {
      label: 'remind drc',
      text: "remind here before the country's dated events, e.g. MONUSCO's mandate expiry (default 30d,7d,1d at 09:00)",
    },
    {
      label: 'remind drc 7d,1d at 08:30 tz Europe/Paris',
      text: 'choose the lead times, the time of day and the time zone',
    },
    { label: 'remind "Mali consultations" at 2026-12-03T09:30:00+01:00', text: 'a one-off reminder here' },
    { label: 'reminders', text: 'the reminders set here, with their ids and next times' },
    { label: 'forget <id>', text: 'remove one of them' },
  ];
  return {
    kind: 'help',
    outcome: 'answered',
    title: 'caac: children and armed conflict, from a sourced dataset',
    subtitle: `Every fact comes with its source and as-of date. Countries covered: ${countries.join(', ') || 'none loaded'}.`,
    sections: [
      ...(remindersOnly ? [] : [{ heading: 'Look things up', items: lookups }]),
      { heading: 'Reminders (in a Slack channel or Teams conversation)', items: reminders },
    ],
    actions: [
      { label: 'mali', command: 'mali' },
      { label: 'codes', command: 'codes' },
      { label: 'renewals', command: 'renewals' },
    ],
    summary: 'What caac can do',
  };
}
