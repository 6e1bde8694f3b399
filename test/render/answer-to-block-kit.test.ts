// The Block Kit renderer: exact output for a brief, hostile text escaped everywhere Slack parses, and an over-long
// answer kept within Slack's limits with a "more" line.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { answerToBlockKit, escapeMrkdwn } from '../../src/render/answer-to-block-kit.js';
import type { SlackBlock } from '../../src/render/answer-to-block-kit.js';
import { SLACK_LIMITS } from '../../src/render/slack-limits.js';

const watchlist = {
  sourceId: 'watchlist-2021-06',
  label: 'Watchlist, CAAC Monthly Update – June 2021',
  asOf: 'June 2021',
  url: 'https://watchlist.org/?p=1&q=2',
};

const brief: Answer = {
  kind: 'country',
  outcome: 'answered',
  title: 'Mali — children and armed conflict',
  subtitle: 'In the annexes since 2013 · data as of June 2021',
  sections: [
    {
      heading: 'Listed parties (2020 annual report)',
      items: [
        { label: 'MNLA ~ *', text: 'recruitment and use of children; rape and other sexual violence' },
        { label: 'Platform', text: 'recruitment and use of children' },
      ],
      cite: [watchlist],
    },
    {
      heading: 'Mission',
      items: [
        {
          label: 'MINUSMA',
          text: 'mandate under SCR 2531 (2020) runs to 30 June 2021',
          detail: '29 days left',
          cite: [
            {
              sourceId: 'scr-2531',
              label: 'Security Council resolution 2531 (2020)',
              asOf: '29 June 2020',
              symbol: 'S/RES/2531 (2020)',
            },
          ],
        },
        { text: '2018–2019: not in this dataset', tone: 'gap' },
      ],
    },
  ],
  actions: [
    { label: 'recs mali', command: 'recs mali' },
    { label: 'Remind this channel', command: 'remind mali', style: 'primary' },
  ],
  summary: 'Mali: 4 listed parties; MINUSMA mandate to 30 June 2021',
};

describe('answerToBlockKit', () => {
  it('renders a brief as exact Block Kit', () => {
    expect(answerToBlockKit(brief, { shareCommand: 'mali' })).toEqual({
      text: 'Mali: 4 listed parties; MINUSMA mandate to 30 June 2021',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Mali — children and armed conflict', emoji: true } },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'In the annexes since 2013 · data as of June 2021', verbatim: true }],
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            verbatim: true,
            text:
              '*Listed parties (2020 annual report)*\n' +
              '• MNLA ~ *  recruitment and use of children; rape and other sexual violence\n' +
              '• *Platform*  recruitment and use of children',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              verbatim: true,
              text: 'Source: <https://watchlist.org/?p=1&amp;q=2|Watchlist, CAAC Monthly Update – June 2021> · as of June 2021',
            },
          ],
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            verbatim: true,
            text: '*Mission*\n• *MINUSMA*  mandate under SCR 2531 (2020) runs to 30 June 2021 — 29 days left\n• _2018–2019: not in this dataset_',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              verbatim: true,
              text: 'Source: Security Council resolution 2531 (2020) (S/RES/2531 (2020)) · as of 29 June 2020',
            },
          ],
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Share in channel', emoji: true },
              action_id: 'caac_share:0',
              value: 'mali',
            },
            {
              type: 'button',
              text: { type: 'plain_text', text: 'recs mali', emoji: true },
              action_id: 'caac_run:0',
              value: 'recs mali',
            },
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Remind this channel', emoji: true },
              action_id: 'caac_run:1',
              value: 'remind mali',
              style: 'primary',
            },
          ],
        },
      ],
    });
  });

  it('escapes hostile dataset and user text in every mrkdwn object and in the fallback text', () => {
    const hostile = '<!channel> <!here> <@U123ABC> <https://evil.example|click> & <#C123> @channel';
    const answer: Answer = {
      kind: 'no-match',
      outcome: 'no-match',
      title: hostile,
      subtitle: hostile,
      sections: [
        {
          heading: hostile,
          items: [
            {
              label: hostile,
              text: hostile,
              detail: hostile,
              cite: [
                {
                  sourceId: 'x',
                  label: hostile,
                  asOf: hostile,
                  symbol: hostile,
                  unverified: hostile,
                  url: 'https://x.example/a>b|<!channel>',
                },
              ],
            },
          ],
          cite: [{ sourceId: 'y', label: hostile, asOf: '2021', url: 'javascript:alert(1)' }],
        },
      ],
      actions: [{ label: hostile, command: hostile }],
      summary: hostile,
    };
    const message = answerToBlockKit(answer, { shareCommand: hostile });
    const parsed = [message.text, ...mrkdwnTexts(message.blocks)];
    expect(parsed.length).toBe(4); // text, subtitle, the section, its sources
    for (const text of parsed) {
      expect(text).not.toMatch(/<!|<@|<#|<https:\/\/evil|<javascript/);
      // Every "<" left is one of our own links to an http(s) URL without "<", ">" or "|" in it.
      expect(text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '')).not.toContain('<');
    }
    expect(message.text).toBe(escapeMrkdwn(hostile));
    // plain_text is never parsed by Slack, so the header keeps the words as typed (within 150 characters).
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: hostile, emoji: true } });
  });

  it('keeps an over-long answer within Slack limits and says what is left out', () => {
    const long = 'x'.repeat(400);
    const answer: Answer = {
      kind: 'search',
      outcome: 'answered',
      title: 'T'.repeat(500),
      sections: Array.from({ length: 80 }, (_, s) => ({
        heading: `Section ${s}`,
        items: Array.from({ length: 12 }, (_, i) => ({
          label: `${i}`,
          text: `${long} & more`,
          cite: [{ ...watchlist, asOf: `${s}-${i}` }],
        })),
      })),
      actions: Array.from({ length: 40 }, (_, i) => ({ label: `${'L'.repeat(100)}${i}`, command: `figures ${i}` })),
      summary: 's'.repeat(5000),
    };
    const message = answerToBlockKit(answer, { shareCommand: 'search x' });
    expect(message.blocks.length).toBe(SLACK_LIMITS.messageBlocks);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    for (const block of message.blocks) {
      if (block.type === 'header') expect([...block.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (block.type === 'context') {
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
        for (const e of block.elements) {
          expect(e.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
          expect(e.text).not.toMatch(/&[a-z]*…$/);
        }
      }
      if (block.type === 'actions') {
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
        for (const b of block.elements) expect([...b.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
      }
    }
    const last = message.blocks.at(-2)!;
    expect(last.type).toBe('context');
    expect(JSON.stringify(last)).toMatch(/…and \d+ more lines not shown \(Slack shows 50 blocks at most\)/);
    expect(message.blocks.at(-1)!.type).toBe('actions');
  });

  it('splits a long section between lines, never inside an entity', () => {
    const answer: Answer = {
      kind: 'recs',
      outcome: 'answered',
      title: 'Recommendations',
      sections: [{ items: Array.from({ length: 30 }, () => ({ text: '&'.repeat(150) })) }],
      actions: [],
      summary: 'recs',
    };
    const sections = answerToBlockKit(answer).blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) {
      expect(s.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(s.text.text.split('\n').every((line) => line === `• ${'&amp;'.repeat(150)}`)).toBe(true);
    }
  });
});

function mrkdwnTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'section') return [b.text.text];
    if (b.type === 'context') return b.elements.map((e) => e.text);
    return [];
  });
}
