// The Adaptive Card renderer is a pure function: its exact output for a small answer, the escaping of user and
// dataset text, "Show more" for long answers, and the size limit.
import { describe, expect, it } from 'vitest';
import type { Answer, Section } from '../../src/core/answer.js';
import {
  TEAMS_CARD_LIMITS,
  answerToAdaptiveCard,
  escapeTeamsMarkdown,
} from '../../src/render/answer-to-adaptive-card.js';

const watchlist = {
  sourceId: 'watchlist-2021-06',
  label: 'Watchlist, CAAC Monthly Update – June 2021',
  asOf: 'June 2021',
  url: 'https://watchlist.org/update',
};

const small: Answer = {
  kind: 'party',
  outcome: 'answered',
  title: "Mouvement national de libération de l'Azawad (MNLA) — Mali",
  subtitle: 'Part of the CMA',
  sections: [
    {
      heading: 'Listed in the annexes',
      items: [
        { label: '2013–2017', text: 'recruitment and use (a)', cite: [watchlist] },
        { text: '2018–2019: not in this dataset', tone: 'gap' },
      ],
    },
  ],
  actions: [
    { label: 'Mali brief', command: 'mali' },
    { label: 'Share', command: 'mnla', kind: 'share' },
    { label: 'Stop', command: 'forget r1', kind: 'forget' },
  ],
  summary: 'MNLA: listed 2013–2017, 2020',
};

describe('answerToAdaptiveCard', () => {
  it('renders a small answer exactly', () => {
    expect(answerToAdaptiveCard(small, { fallbackText: 'plain' })).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: 'plain',
      msteams: { width: 'Full' },
      body: [
        {
          type: 'TextBlock',
          text: "Mouvement national de libération de l'Azawad \\(MNLA\\) — Mali",
          wrap: true,
          weight: 'Bolder',
          size: 'Medium',
        },
        { type: 'TextBlock', text: 'Part of the CMA', wrap: true, isSubtle: true, spacing: 'None' },
        {
          type: 'Container',
          separator: true,
          spacing: 'Medium',
          items: [
            { type: 'TextBlock', text: 'Listed in the annexes', wrap: true, weight: 'Bolder' },
            { type: 'TextBlock', text: '**2013–2017** recruitment and use \\(a\\)', wrap: true, spacing: 'Small' },
            {
              type: 'TextBlock',
              text: 'Source: [Watchlist, CAAC Monthly Update – June 2021](https://watchlist.org/update) · as of June 2021',
              wrap: true,
              isSubtle: true,
              size: 'Small',
              spacing: 'None',
            },
            { type: 'TextBlock', text: '2018–2019: not in this dataset', wrap: true, spacing: 'Small', isSubtle: true },
          ],
        },
      ],
      actions: [
        {
          type: 'Action.Submit',
          title: 'Mali brief',
          data: { command: 'mali' },
        },
        {
          type: 'Action.Submit',
          title: 'Stop',
          data: { command: 'forget r1' },
          style: 'destructive',
        },
      ],
    });
  });

  it('escapes echoed text so that it cannot format, link or mention', () => {
    const typed = '<at>Everyone</at> **bold** [click](https://evil.example/x) _x_ www.evil.example';
    const card = answerToAdaptiveCard({
      kind: 'lookup',
      outcome: 'no-match',
      title: `No country or party is called "${typed}"`,
      sections: [{ items: [{ text: '- not a list\n1. nor this' }] }],
      actions: [],
      summary: 'no match',
    });
    const title = (card.body[0] as { text: string }).text;
    expect(title).toBe(
      'No country or party is called "\\<at\\>Everyone\\</at\\> \\*\\*bold\\*\\* \\[click\\]\\(https:\u2060//evil.example/x\\) \\_x\\_ www\u2060.evil.example"',
    );
    // No unescaped Markdown link, mention tag or bare URL is left anywhere in the card.
    const json = JSON.stringify(card);
    expect(json).not.toMatch(/(?<!\\\\)\[click/);
    expect(json).not.toContain('https://evil');
    expect(json).not.toMatch(/(?<!\\\\)<at>/);
    const line = (card.body[1] as { items: { text: string }[] }).items[0]!.text;
    expect(line).toBe('\\- not a list\n1\\. nor this');
    expect(card.actions).toBeUndefined();
  });

  it('escapes each Markdown character and leaves plain words alone', () => {
    expect(escapeTeamsMarkdown('Ansar Eddine')).toBe('Ansar Eddine');
    expect(escapeTeamsMarkdown('a\\b`c*d_e~f[g]h(i)j<k>l#m|n')).toBe(
      'a\\\\b\\`c\\*d\\_e\\~f\\[g\\]h\\(i\\)j\\<k\\>l\\#m\\|n',
    );
    expect(escapeTeamsMarkdown('+ x')).toBe('\\+ x');
    expect(escapeTeamsMarkdown('A & B')).toBe('A &\u2060 B');
  });

  it('shows a source line once when every item of a section shares it', () => {
    const card = answerToAdaptiveCard({
      ...small,
      sections: [
        {
          heading: 'Listed',
          items: [
            { text: 'A', cite: [watchlist] },
            { text: 'B', cite: [watchlist] },
          ],
        },
      ],
    });
    const texts = (card.body[2] as { items: { text: string }[] }).items.map((i) => i.text);
    expect(texts).toEqual([
      'Listed',
      'A',
      'B',
      'Source: [Watchlist, CAAC Monthly Update – June 2021](https://watchlist.org/update) · as of June 2021',
    ]);
  });

  it('links a source only when its URL is http(s)', () => {
    const card = answerToAdaptiveCard({
      ...small,
      sections: [
        {
          items: [
            {
              text: 'x',
              cite: [
                { ...watchlist, url: 'javascript:alert(1)', symbol: 'S/2021/299', unverified: 'date not confirmed' },
              ],
            },
          ],
        },
      ],
    });
    const cite = (card.body[2] as { items: { text: string }[] }).items[1]!.text;
    expect(cite).toBe(
      'Source: Watchlist, CAAC Monthly Update – June 2021 · S/2021/299 · as of June 2021 · unverified: date not confirmed',
    );
  });

  it('puts sections beyond the visible budget behind "Show more", in order', () => {
    const section = (n: number, items: number): Section => ({
      heading: `Section ${n}`,
      items: Array.from({ length: items }, (_, i) => ({ text: `fact ${n}.${i}` })),
    });
    const card = answerToAdaptiveCard({
      ...small,
      actions: [],
      sections: [section(1, 8), section(2, 8), section(3, 1)],
    });
    expect(card.body).toHaveLength(3); // title, subtitle, section 1
    expect(card.actions).toHaveLength(1);
    const more = card.actions![0]!;
    expect(more.type).toBe('Action.ShowCard');
    if (more.type !== 'Action.ShowCard') throw new Error('unreachable');
    expect(more.title).toBe('Show more');
    expect(more.card.body.map((c) => (c as { items: { text: string }[] }).items[0]!.text)).toEqual([
      'Section 2',
      'Section 3',
    ]);
  });

  it('stays under the Teams size limit and says what was left out', () => {
    const long = 'x'.repeat(2_000);
    const sections: Section[] = Array.from({ length: 30 }, (_, n) => ({ heading: `S${n}`, items: [{ text: long }] }));
    const card = answerToAdaptiveCard({ ...small, sections });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(TEAMS_CARD_LIMITS.maxCardBytes);
    const last = card.body[card.body.length - 1] as { text: string; color?: string };
    expect(last.text).toMatch(/left out to fit/);
    expect(last.color).toBe('Warning');
    expect((card.body[0] as { text: string }).text).toContain('MNLA');
  });

  it('keeps the plain-text fallback short', () => {
    const card = answerToAdaptiveCard(small, { fallbackText: 'y'.repeat(5_000) });
    expect(card.fallbackText).toHaveLength(TEAMS_CARD_LIMITS.maxFallbackChars);
    expect(card.fallbackText!.endsWith('…')).toBe(true);
  });
});
