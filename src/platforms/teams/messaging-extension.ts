// The search messaging extension (composeExtension/query): a country or party name typed in the compose box gives a
// list of matches; picking one inserts its brief as an Adaptive Card. The quick lookup in a meeting chat.
// https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
import type { MessagingExtensionAttachment, MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import type { Core } from '../../core/create-core.js';
import { parseCommand } from '../../core/parse-command.js';
import type { RequestContext } from '../../core/ports.js';
import { entityCommand, listEntities, resolveName } from '../../dataset/resolver.js';
import type { Entity } from '../../dataset/resolver.js';
import type { Dataset } from '../../dataset/schema.js';
import { answerToCardAttachment } from './answer-to-teams-activity.js';

/** The command id of the search in the manifest's composeExtensions. */
export const SEARCH_COMMAND_ID = 'searchQuery';

/** How many results a query returns at most (Teams shows about ten without scrolling). */
const MAX_RESULTS = 8;

/** What the extension needs: the core to answer, and the dataset to find names (read per query: it may reload). */
export interface MessagingExtensionDeps {
  core: Core;
  dataset?: () => Dataset;
}

/** The typed search text of a query ('' for the initial run, when the user has typed nothing yet). */
export function queryText(query: MessagingExtensionQuery): string {
  const initialRun = query.parameters?.some((p) => p.name === 'initialRun' && String(p.value) === 'true');
  if (initialRun) return '';
  const param = query.parameters?.find((p) => p.name === SEARCH_COMMAND_ID) ?? query.parameters?.[0];
  return typeof param?.value === 'string' ? param.value.trim() : '';
}

/** Answers a composeExtension/query: matching countries and parties as result cards; an empty query, suggestions. */
export async function answerMessagingExtensionQuery(
  deps: MessagingExtensionDeps,
  query: MessagingExtensionQuery,
  context: RequestContext,
): Promise<MessagingExtensionResponse> {
  const text = queryText(query);
  const dataset = deps.dataset?.();
  const commands = dataset ? matchingCommands(dataset, text) : text ? [{ command: text }] : [{ command: 'help' }];
  const attachments: MessagingExtensionAttachment[] = [];
  for (const { command, entity } of commands) {
    const answer = await deps.core.answer(parseCommand(command), context);
    if (answer.outcome !== 'answered') continue;
    const card = answerToCardAttachment(answer);
    attachments.push({
      ...card,
      // The preview in the result list: a thumbnail card, whose text Teams reads as a small HTML subset.
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: {
          title: entity ? entity.name : answer.title,
          ...(entity && dataset ? { subtitle: subtitleOf(dataset, entity) } : {}),
          text: escapeHtml(answer.subtitle ?? answer.summary),
        },
      },
    });
  }
  if (attachments.length === 0) {
    return {
      composeExtension: {
        type: 'message',
        text: `No country or party matches "${text}". Try a country (mali, drc) or a party (mnla).`,
      },
    };
  }
  return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
}

// Names first (the resolver's exact or close match, then its suggestions); an empty query lists a few countries.
function matchingCommands(dataset: Dataset, text: string): { command: string; entity?: Entity }[] {
  let entities: Entity[];
  if (text === '') {
    entities = listEntities(dataset, 'country');
  } else {
    const r = resolveName(dataset, text, { kinds: ['country', 'party'] });
    entities = r.ok ? [r.entity, ...r.suggestions] : r.suggestions;
  }
  const seen = new Set<string>();
  return entities
    .filter((e) => !seen.has(`${e.kind}:${e.id}`) && seen.add(`${e.kind}:${e.id}`))
    .slice(0, MAX_RESULTS)
    .map((entity) => ({
      command: entity.kind === 'party' ? `group ${entityCommand(entity)}` : entityCommand(entity),
      entity,
    }));
}

function subtitleOf(dataset: Dataset, entity: Entity): string {
  const countryName = (id: string) => dataset.countries.get(id)?.name ?? id;
  if (entity.kind === 'party') return `Party to conflict · ${countryName(entity.party.country)}`;
  if (entity.kind === 'mission') return `Mission · ${countryName(entity.mission.country)}`;
  return 'Country';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
