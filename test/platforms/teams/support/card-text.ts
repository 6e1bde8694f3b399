// Reading a reply's Adaptive Card as people do, for the Teams tests that assert on its words (French, reminders).
import { expect } from 'vitest';
import type { AdaptiveCard } from '../../../../src/render/answer-to-adaptive-card.js';
import { fixture } from './teams-harness.js';
import type { TeamsHarness } from './teams-harness.js';

/** Every text of the card (blocks, containers, shown cards, buttons), Teams' Markdown escapes (\( \*) taken out. */
export function cardText(card: AdaptiveCard): string {
  const walk = (elements: unknown[]): string[] =>
    elements.flatMap((e) => {
      const el = e as { type: string; text?: string; items?: unknown[] };
      return el.type === 'Container' ? walk(el.items ?? []) : [el.text ?? ''];
    });
  const actions = card.actions ?? [];
  const more = actions.flatMap((a) => (a.type === 'Action.ShowCard' ? walk(a.card.body) : []));
  return [...walk(card.body), ...more, ...actions.map((a) => a.title)].join('\n').replace(/\\(.)/g, '$1');
}

/** Posts fixture `name` with `text` and `locale` (replies expected in the response) and reads the first reply's card. */
export async function askForCardText(
  harness: TeamsHarness,
  serviceUrl: string,
  name: string,
  text: string,
  locale: string,
): Promise<string> {
  const res = await harness.post(fixture(name, { text, locale, serviceUrl, deliveryMode: 'expectReplies' }));
  expect(res.status).toBe(200);
  const { activities } = res.json() as { activities: { attachments: { content: AdaptiveCard }[] }[] };
  return cardText(activities[0]!.attachments[0]!.content);
}
