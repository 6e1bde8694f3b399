import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';

const watchlist = { sourceId: 'w', label: 'Watchlist, CAAC Monthly Update – June 2021', asOf: 'June 2021' };
const un = {
  sourceId: 'u',
  label: 'UN press release',
  asOf: '29 June 2020',
  symbol: 'SC/14235',
  url: 'https://press.un.org/x',
};

describe('answerToPlainText', () => {
  it('renders title, aligned sections, numbered sources and next commands', () => {
    const answer: Answer = {
      kind: 'country',
      outcome: 'answered',
      title: 'Mali — children and armed conflict',
      subtitle: 'data as of June 2021',
      sections: [
        {
          heading: 'Listed parties',
          items: [
            { label: 'MNLA ~ *', text: 'recruitment and use', detail: 'within the CMA', cite: [watchlist] },
            { label: 'MUJAO *', text: 'recruitment and use', cite: [watchlist] },
            { text: 'a legend line' },
          ],
        },
        {
          heading: 'Mission',
          items: [
            {
              label: 'MINUSMA',
              text: 'runs to 30 June 2021',
              detail: '29 days left',
              cite: [un, { ...watchlist, unverified: 'not seen' }],
            },
            { label: 'X', text: 'expired', tone: 'warning' },
          ],
          cite: [watchlist],
        },
      ],
      actions: [
        { label: 'Recs', command: 'recs mali' },
        { label: 'Share', command: 'mali', kind: 'share' },
        { label: 'Figures', command: 'figures mali' },
      ],
      summary: 'Mali',
    };
    expect(answerToPlainText(answer)).toBe(
      [
        'Mali — children and armed conflict',
        'data as of June 2021',
        '',
        'Listed parties',
        '  MNLA ~ *  recruitment and use — within the CMA [1]',
        '  MUJAO *   recruitment and use [1]',
        '  a legend line',
        '',
        'Mission',
        '  MINUSMA  runs to 30 June 2021 — 29 days left [2][3]',
        '  X        ! expired',
        '  Source: [1]',
        '',
        'Sources',
        '  [1] Watchlist, CAAC Monthly Update – June 2021 · as of June 2021',
        '  [2] UN press release · as of 29 June 2020 · SC/14235 · https://press.un.org/x',
        '  [3] Watchlist, CAAC Monthly Update – June 2021 · as of June 2021 · unverified: not seen',
        '',
        'More: caac recs mali · caac figures mali',
      ].join('\n'),
    );
  });

  it('says "Try" for a miss and leaves long labels out of the alignment', () => {
    const answer: Answer = {
      kind: 'no-match',
      outcome: 'no-match',
      title: 'No country or party is called "maly". Did you mean Mali?',
      sections: [
        {
          items: [
            { label: 'x'.repeat(50), text: 'long' },
            { label: 'ab', text: 'short' },
          ],
        },
      ],
      actions: [{ label: 'Mali', command: 'mali' }],
      summary: '',
    };
    expect(answerToPlainText(answer)).toBe(
      [
        'No country or party is called "maly". Did you mean Mali?',
        '',
        `  ${'x'.repeat(50)}  long`,
        '  ab  short',
        '',
        'Try: caac mali',
      ].join('\n'),
    );
  });

  it('is deterministic', () => {
    const answer: Answer = { kind: 'help', outcome: 'answered', title: 't', sections: [], actions: [], summary: '' };
    expect(answerToPlainText(answer)).toBe(answerToPlainText(answer));
    expect(answerToPlainText(answer)).toBe('t');
  });
});
