// `codes`: the legend of the annexes, violation codes a–f and the two markers. In English, the source's own words;
// in another language, the UN's names in that language, with the source's words quoted beside them.
import type { ViolationCode } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';
import { violationName } from '../party-facts.js';

/** The language the legend in data/reference.yaml is written in (the Watchlist's English). */
const SOURCE_LANG = 'en';

/** The legend. */
export function codes(ctx: AnswerContext): Answer {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const { reference } = ctx.dataset;
  const cite = reference.source ? [citeFact(ctx.dataset, { source: reference.source }, lang)] : [];
  const translated = lang !== SOURCE_LANG;
  const quote = (text: string) => m('quote.inLanguage', { text, source: SOURCE_LANG });
  const entry = (label: string, own: string, source: string): Item =>
    translated ? { label, text: own, detail: quote(source), cite } : { label, text: source, cite };
  const items: Item[] = (['a', 'b', 'c', 'd', 'e', 'f'] as const satisfies readonly ViolationCode[])
    .filter((code) => reference.violation_codes[code])
    .map((code) => entry(code, capitalize(violationName(code, lang)), reference.violation_codes[code]!.label));
  const { action_plan, persistent_perpetrator } = reference.markers;
  const markers: Item[] = [
    entry(action_plan.symbol, m('marker.actionPlan'), action_plan.label),
    entry(persistent_perpetrator.symbol, m('marker.persistentPerpetrator'), persistent_perpetrator.label),
  ];
  return {
    kind: 'codes',
    outcome: 'answered',
    title: m('codes.title'),
    sections: [
      { heading: m('codes.violations'), items },
      { heading: m('codes.markers'), items: markers },
    ],
    actions: [{ label: m('action.help'), command: 'help' }],
    summary: m('codes.summary'),
  };
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
