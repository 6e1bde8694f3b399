// The search messaging extension (composeExtension/query): a country or party name typed in the compose box gives a
// list of matches; picking one inserts its brief as an Adaptive Card. The quick lookup in a meeting chat. The core
// finds the names (core.suggest) and answers them; this file only speaks Teams.
// https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
import type { MessagingExtensionAttachment, MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import type { Core } from '../../core/create-core.js';
import type { RequestContext } from '../../core/ports.js';
import { t } from '../../i18n/translate.js';
import { answerToCardAttachment } from './answer-to-teams-activity.js';

/** The command id of the search in the manifest's composeExtensions. */
export const SEARCH_COMMAND_ID = 'searchQuery';

/** The typed search text of a query ('' for the initial run, when the user has typed nothing yet). */
export function queryText(query: MessagingExtensionQuery): string {
  const initialRun = query.parameters?.some((p) => p.name === 'initialRun' && String(p.value) === 'true');
  if (initialRun) return '';
  const param = query.parameters?.find((p) => p.name === SEARCH_COMMAND_ID) ?? query.parameters?.[0];
  return typeof param?.value === 'string' ? param.value.trim() : '';
}

/** Answers a composeExtension/query: matching countries and parties as result cards; an empty query, suggestions. */
export async function answerMessagingExtensionQuery(
  core: Pick<Core, 'answer' | 'suggest' | 'languageOf'>,
  query: MessagingExtensionQuery,
  context: RequestContext,
): Promise<MessagingExtensionResponse> {
  const text = queryText(query);
  // In the user's Teams language, or the conversation's `lang`: the suggestions' subtitles and the no-match line.
  const lang = await core.languageOf(context);
  const attachments: MessagingExtensionAttachment[] = [];
  for (const { command, title, subtitle } of core.suggest(text, lang)) {
    const answer = await core.answer(command, context);
    if (answer.outcome !== 'answered') continue;
    const card = answerToCardAttachment(answer);
    attachments.push({
      ...card,
      // The preview in the result list: a thumbnail card, whose text Teams reads as a small HTML subset.
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: {
          title,
          subtitle,
          text: escapeHtml(answer.subtitle ?? answer.summary),
        },
      },
    });
  }
  if (attachments.length === 0) {
    return { composeExtension: { type: 'message', text: t(lang, 'teams.searchNoMatch', { text }) } };
  }
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
