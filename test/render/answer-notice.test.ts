// A reminder's notice (late, possible repeat) is in the answer model, so every renderer shows it, first: Slack's
// Block Kit (and its notification text), Teams' Adaptive Card (and its summary), and plain text.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { answerToTeamsActivity } from '../../src/platforms/teams/answer-to-teams-activity.js';
import { answerToAdaptiveCard } from '../../src/render/answer-to-adaptive-card.js';
import { answerToBlockKit } from '../../src/render/answer-to-block-kit.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';
import { withNotice } from '../../src/reminders/reminder-notice.js';

const late: Answer = withNotice(
  {
    kind: 'reminder',
    outcome: 'answered',
    title: '⏰ Mali consultations <!channel>',
    sections: [],
    actions: [],
    summary: 'Reminder: Mali consultations',
  },
  'late: due 09:00, sent 09:42 after a restart',
);

describe('a reminder notice', () => {
  it('is shown under the title in Slack, and leads the notification text', () => {
    const { text, blocks } = answerToBlockKit(late);
    expect(text).toBe('late: due 09:00, sent 09:42 after a restart · Reminder: Mali consultations');
    expect(JSON.stringify(blocks[1])).toContain('late: due 09:00, sent 09:42 after a restart');
  });

  it('is shown in the Teams card, as a warning, and leads the summary', () => {
    const card = answerToAdaptiveCard(late);
    expect(JSON.stringify(card.body)).toContain(
      '"text":"late: due 09:00, sent 09:42 after a restart","wrap":true,"color":"Warning"',
    );
    expect(answerToTeamsActivity(late).summary).toBe(
      'late: due 09:00, sent 09:42 after a restart · Reminder: Mali consultations',
    );
  });

  it('is the second line in plain text', () => {
    expect(answerToPlainText(late).split('\n').slice(0, 2)).toEqual([
      '⏰ Mali consultations <!channel>',
      '! late: due 09:00, sent 09:42 after a restart',
    ]);
  });
});
