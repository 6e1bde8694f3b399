// `search <words>`: full-text search over names and facts, best first, each hit with its source.
import { searchDataset } from '../../dataset/resolver.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Item } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';

/** The longest excerpt shown per hit. */
const EXCERPT = 240;

/** The hits for some words. */
export function searchResults(ctx: AnswerContext, words: string): Answer {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const hits = searchDataset(ctx.dataset, words, 10);
  if (hits.length === 0) {
    return {
      kind: 'search',
      outcome: 'no-match',
      title: m('search.none', { words }),
      sections: [{ items: [{ text: m('search.noneHint') }] }],
      actions: [{ label: m('action.help'), command: 'help' }],
      summary: m('search.noneSummary', { words }),
    };
  }
  const items: Item[] = hits.map((h) => {
    const text = h.text.length > EXCERPT ? `${h.text.slice(0, EXCERPT - 1).trimEnd()}…` : h.text;
    const item: Item = { label: h.label, text, detail: h.command };
    if (h.provenance) item.cite = [citeFact(ctx.dataset, h.provenance, lang)];
    return item;
  });
  const commands = [...new Set(hits.map((h) => h.command))].slice(0, 4);
  return {
    kind: 'search',
    outcome: 'answered',
    title: m('search.title', { words }),
    subtitle: m('search.subtitle', { count: hits.length }),
    sections: [{ items }],
    actions: commands.map((c) => ({ label: c, command: c })),
    summary: m('search.summary', { count: hits.length, words }),
  };
}
