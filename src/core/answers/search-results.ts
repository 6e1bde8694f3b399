// `search <words>`: full-text search over names and facts, best first, each hit with its source.
import { searchDataset } from '../../dataset/resolver.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';

/** The longest excerpt shown per hit. */
const EXCERPT = 240;

/** The hits for some words. */
export function searchResults(ctx: AnswerContext, words: string): Answer {
  const hits = searchDataset(ctx.dataset, words, 10);
  if (hits.length === 0) {
    return {
      kind: 'search',
      outcome: 'no-match',
      title: `Nothing in the dataset matches "${words}"`,
      sections: [{ items: [{ text: 'Try fewer or other words, or a country or party name.' }] }],
      actions: [{ label: 'Help', command: 'help' }],
      summary: `No results for "${words}"`,
    };
  }
  const items: Item[] = hits.map((h) => {
    const text = h.text.length > EXCERPT ? `${h.text.slice(0, EXCERPT - 1).trimEnd()}…` : h.text;
    const item: Item = { label: h.label, text, detail: h.command };
    if (h.provenance) item.cite = [citeFact(ctx.dataset, h.provenance)];
    return item;
  });
  const commands = [...new Set(hits.map((h) => h.command))].slice(0, 4);
  return {
    kind: 'search',
    outcome: 'answered',
    title: `Search: ${words}`,
    subtitle: `${hits.length} result${hits.length === 1 ? '' : 's'}, best first`,
    sections: [{ items }],
    actions: commands.map((c) => ({ label: c, command: c })),
    summary: `${hits.length} results for "${words}"`,
  };
}
