// The plain-text rendering of an Answer, for the terminal (and any platform's fallback). Deterministic: the same
// answer always gives the same text. Facts carry numbered citation marks ([1]) that point at a "Sources" list at the
// end, so that every fact shows where it comes from without repeating the source on every line.
import type { Answer, Citation, Item } from '../core/answer.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { type Messages, messages } from '../i18n/translate.js';

/** Labels longer than this are not used to align the column of text. */
const MAX_LABEL_COLUMN = 40;

/** Renders an answer as plain text, lines joined with "\n", no trailing newline. */
export function answerToPlainText(answer: Answer): string {
  const m = messages(answer.lang ?? DEFAULT_LANG);
  const notes = new CitationList();
  const lines: string[] = [answer.title];
  if (answer.subtitle) lines.push(answer.subtitle);
  if (answer.notice) lines.push(`! ${answer.notice}`);

  for (const section of answer.sections) {
    lines.push('');
    if (section.heading) lines.push(section.heading);
    const labels = section.items.map((i) => (i.label ? i.label.length : 0)).filter((n) => n <= MAX_LABEL_COLUMN);
    const column = labels.length > 0 ? Math.max(...labels) : 0;
    for (const item of section.items) lines.push(`  ${itemLine(item, column, notes)}`);
    if (section.cite && section.cite.length > 0)
      lines.push(`  ${m('render.sourceLine', { marks: notes.marks(section.cite) })}`);
  }

  if (notes.size > 0) {
    lines.push('', m('render.sourcesHeading'));
    for (const [n, c] of notes.entries()) lines.push(`  [${n}] ${citationText(c, m)}`);
  }

  const actions = answer.actions.filter((a) => (a.kind ?? 'command') === 'command');
  if (actions.length > 0) {
    const commands = actions.map((a) => `caac ${a.command}`).join(' · ');
    lines.push('', m(answer.outcome === 'answered' ? 'render.more' : 'render.try', { commands }));
  }
  return lines.map((l) => l.trimEnd()).join('\n');
}

function itemLine(item: Item, column: number, notes: CitationList): string {
  const marker = item.tone === 'warning' ? '! ' : '';
  let text = `${marker}${item.text}`;
  if (item.detail) text += ` — ${item.detail}`;
  if (item.cite && item.cite.length > 0) text += ` ${notes.marks(item.cite)}`;
  if (!item.label) return text;
  const pad = item.label.length <= column ? ' '.repeat(column - item.label.length) : '';
  return `${item.label}${pad}  ${text}`;
}

/** "Watchlist, CAAC Monthly Update – June 2021 · as of June 2021 · S/2021/299 · https://… · unverified: …". */
export function citationText(c: Citation, m: Messages = messages(DEFAULT_LANG)): string {
  return [
    c.label,
    m('date.asOf', { date: c.asOf, precision: c.precision ?? 'none' }),
    c.symbol && !c.label.includes(c.symbol) ? c.symbol : undefined,
    c.url,
    c.unverified ? m('render.unverified', { text: c.unverified }) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Numbers citations in order of first appearance; the same source, date and caveat get the same number. */
class CitationList {
  private readonly byKey = new Map<string, { n: number; cite: Citation }>();

  get size(): number {
    return this.byKey.size;
  }

  marks(cites: readonly Citation[]): string {
    const ns = cites.map((c) => {
      const key = `${c.sourceId}|${c.asOf}|${c.unverified ?? ''}`;
      let entry = this.byKey.get(key);
      if (!entry) {
        entry = { n: this.byKey.size + 1, cite: c };
        this.byKey.set(key, entry);
      }
      return entry.n;
    });
    return [...new Set(ns)].map((n) => `[${n}]`).join('');
  }

  entries(): Array<[number, Citation]> {
    return [...this.byKey.values()].map((e) => [e.n, e.cite]);
  }
}

/** The sources of an answer, each once, one per line ("Watchlist, … · as of June 2021 · https://…"). */
export function answerSourcesText(answer: Answer): string {
  const m = messages(answer.lang ?? DEFAULT_LANG);
  const notes = new CitationList();
  for (const section of answer.sections) {
    if (section.cite) notes.marks(section.cite);
    for (const item of section.items) if (item.cite) notes.marks(item.cite);
  }
  return notes
    .entries()
    .map(([, c]) => citationText(c, m))
    .join('\n');
}
