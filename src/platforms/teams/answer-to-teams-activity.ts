// An answer as the Teams message that carries it: the Adaptive Card as the only attachment, the plain-text rendering
// as the card's fallback, and the one-line summary for notifications and the chat list.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
import type { Activity, Attachment } from 'botbuilder';
import type { Answer } from '../../core/answer.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, answerToAdaptiveCard } from '../../render/answer-to-adaptive-card.js';
import { answerToPlainText } from '../../render/answer-to-plain-text.js';

/** The answer's Adaptive Card as a Bot Framework attachment. */
export function answerToCardAttachment(answer: Answer): Attachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: answerToAdaptiveCard(answer, { fallbackText: answerToPlainText(answer) }),
  };
}

/**
 * The message activity for an answer. No `text`: Teams would show it above the card, saying everything twice; the
 * card's fallbackText carries the plain rendering, and `summary` the one line Teams shows in notifications.
 */
export function answerToTeamsActivity(answer: Answer): Partial<Activity> {
  return {
    type: 'message',
    summary: answer.summary,
    textFormat: 'plain',
    attachments: [answerToCardAttachment(answer)],
  };
}
