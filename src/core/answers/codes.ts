// `codes`: the legend of the annexes, violation codes a–f and the two markers, in the source's own words.
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';

/** The legend. */
export function codes(ctx: AnswerContext): Answer {
  const { reference } = ctx.dataset;
  const cite = reference.source ? [citeFact(ctx.dataset, { source: reference.source })] : [];
  const items: Item[] = (['a', 'b', 'c', 'd', 'e', 'f'] as const)
    .filter((code) => reference.violation_codes[code])
    .map((code) => ({ label: code, text: reference.violation_codes[code]!.label, cite }));
  const markers: Item[] = [
    { label: reference.markers.action_plan.symbol, text: reference.markers.action_plan.label, cite },
    {
      label: reference.markers.persistent_perpetrator.symbol,
      text: reference.markers.persistent_perpetrator.label,
      cite,
    },
  ];
  return {
    kind: 'codes',
    outcome: 'answered',
    title: "Codes and markers of the Secretary-General's annexes",
    sections: [
      { heading: 'Violations', items },
      { heading: 'Markers', items: markers },
    ],
    actions: [{ label: 'Help', command: 'help' }],
    summary: 'Violation codes a–f and the markers ~ and *',
  };
}
