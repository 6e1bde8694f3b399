// An answer as the Teams message that carries it: the Adaptive Card as the only attachment, the plain-text rendering
// as the card's fallback, and the one-line summary for notifications and the chat list.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages
//
// The card of a shared answer is rendered and serialised once (src/render/render-once.ts): the attachment's content
// is one object, never changed, and its JSON is kept beside it for the HTTP shim (cardAwareStringify in
// bot-http-shim.ts). The card carries nothing per user.
import type { Activity, Attachment } from 'botbuilder';
import type { Answer } from '../../core/answer.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, answerToAdaptiveCard } from '../../render/answer-to-adaptive-card.js';
import { answerToPlainText } from '../../render/answer-to-plain-text.js';
import { renderOnce } from '../../render/render-once.js';

// The JSON of each cached card, by the card object (weak: a card the cache drops takes its JSON with it).
const cardJson = new WeakMap<object, string>();

/** The answer's Adaptive Card as a Bot Framework attachment. */
export function answerToCardAttachment(answer: Answer): Attachment {
  const content = renderOnce(
    answer,
    'teams-card',
    () => renderCard(answer),
    (card) => cardJson.set(card, JSON.stringify(card)),
  );
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** The JSON text of a card cached by answerToCardAttachment for a shared answer, or undefined for any other value. */
export function serialisedCard(value: object): string | undefined {
  return cardJson.get(value);
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

function renderCard(answer: Answer): object {
  return answerToAdaptiveCard(answer, { fallbackText: answerToPlainText(answer) });
}
