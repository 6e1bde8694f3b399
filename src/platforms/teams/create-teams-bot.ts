// The bot's turn logic: what each incoming Teams activity means. Messages (personal, group chat, channel @mention)
// and card buttons run a command through the core; installs and first messages store the conversation reference;
// uninstalls remove it; the search messaging extension answers its invoke.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
import type { Activity, ChannelAccount, MessagingExtensionQuery, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { fault } from '../../core/answers/fault.js';
import type { Core } from '../../core/create-core.js';
import { parseCommand } from '../../core/parse-command.js';
import { parseLang } from '../../i18n/lang.js';
import type { RequestContext } from '../../core/ports.js';
import { answerToTeamsActivity } from './answer-to-teams-activity.js';
import { answerMessagingExtensionQuery } from './messaging-extension.js';
import { conversationMemory } from './teams-conversation-memory.js';
import type { ConversationMemory } from './teams-conversation-memory.js';
import { baseConversationId } from './teams-conversation-store.js';
import type { TeamsConversationStore } from './teams-conversation-store.js';
import { welcomeOnce } from './welcome.js';
import type { WelcomeLedger } from './welcome.js';

/** What the turn logic needs. */
export interface TeamsBotDeps {
  core: Core;
  store: TeamsConversationStore;
  logger: Logger;
  /** Which conversations have had the welcome card; without it, installs are not greeted. */
  welcome?: WelcomeLedger;
}

/** The function CloudAdapter runs for every authenticated activity. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/**
 * The text of a message with the bot's @mentions removed (every mention entity of the recipient, then any leftover
 * `<at>…</at>` tag) and Teams' HTML leftovers (&nbsp;, <p>) undone.
 */
export function messageText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; mentioned?: ChannelAccount; text?: string };
    if (
      mention.type === 'mention' &&
      mention.mentioned?.id === botId &&
      typeof mention.text === 'string' &&
      mention.text
    ) {
      text = text.split(mention.text).join(' ');
    }
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<\/?(p|div|span|br)\b[^>]*>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The command a card button sent: Action.Submit data `{ command }` (also in the value of cards sent with messageBack). */
export function submittedCommand(activity: Partial<Activity>): string | undefined {
  const value = activity.value as { command?: unknown } | undefined;
  return value && typeof value.command === 'string' ? value.command : undefined;
}

/** Where an activity comes from, as the core sees it: tenant, conversation (the channel for a thread), user. */
export function requestContextOf(activity: Partial<Activity>): RequestContext {
  const tenantId =
    activity.conversation?.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
    'unknown-tenant';
  const channelName = (activity.channelData as { channel?: { name?: string } } | undefined)?.channel?.name;
  const lang = parseLang(activity.locale);
  return {
    platform: 'teams',
    channel: {
      platform: 'teams',
      workspaceId: tenantId,
      channelId: baseConversationId(activity.conversation?.id ?? ''),
      ...(channelName ? { name: channelName } : {}),
    },
    ...(activity.from?.aadObjectId || activity.from?.id
      ? { userId: activity.from.aadObjectId ?? activity.from.id }
      : {}),
    // The user's Teams language ("fr-FR"); a channel's `lang` setting, where there is one, comes first (core).
    ...(lang ? { lang } : {}),
  };
}

/** Creates the turn logic for the Teams adapter. */
export function createTeamsBot(deps: TeamsBotDeps): TurnLogic {
  const memory = conversationMemory(deps.store, deps.logger, deps.welcome);
  return async (context) => {
    const activity = context.activity;
    try {
      switch (activity.type) {
        case 'message':
          return await answerMessage(context, deps, memory);
        case 'invoke':
          return await answerInvoke(context, deps.core);
        case 'conversationUpdate':
        case 'installationUpdate':
          return await followMembership(context, deps, memory);
        default:
          return;
      }
    } catch (err) {
      deps.logger.error({ err, activityType: activity.type, activityName: activity.name }, 'teams: turn failed');
      if (activity.type === 'message') {
        // In the channel's or the user's language: the look-up cannot fail (a store that fails counts as no choice).
        const lang = await deps.core.languageOf(requestContextOf(activity));
        await context.sendActivity(answerToTeamsActivity(fault(lang))).catch(() => undefined);
      } else if (activity.type === 'invoke') {
        await context.sendActivity({ type: 'invokeResponse', value: { status: 500 } }).catch(() => undefined);
      }
    }
  };
}

// A message or a card button: the command through the core, the answer as a card.
async function answerMessage(context: TurnContext, deps: TeamsBotDeps, memory: ConversationMemory): Promise<void> {
  const activity = context.activity;
  const text = submittedCommand(activity) ?? messageText(activity);
  // A card button pressed with no command and no text (e.g. an old card): nothing to answer.
  if (!text && activity.value !== undefined) return;
  await memory
    .remember(context)
    .catch((err: unknown) => deps.logger.error({ err }, 'teams: could not store the conversation reference'));
  const answer = await deps.core.answer(parseCommand(text), requestContextOf(activity));
  await context.sendActivity(answerToTeamsActivity(answer));
}

// The search messaging extension; other invokes (task modules, card actions of other apps) are not this bot's: say
// so, as ActivityHandler does.
async function answerInvoke(context: TurnContext, core: Core): Promise<void> {
  const activity = context.activity;
  if (activity.name === 'composeExtension/query') {
    const body = await answerMessagingExtensionQuery(
      core,
      (activity.value ?? {}) as MessagingExtensionQuery,
      requestContextOf(activity),
    );
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
    return;
  }
  await context.sendActivity({ type: 'invokeResponse', value: { status: 501 } });
}

// The bot added to a team or group chat, a personal chat opened, the app installed: store the conversation (and
// greet it once); the bot removed or the app uninstalled: forget it. 'remove-upgrade' is an update that keeps the
// app installed: only 'remove' means the bot is gone.
async function followMembership(context: TurnContext, deps: TeamsBotDeps, memory: ConversationMemory): Promise<void> {
  const activity = context.activity;
  const botIsIn = (members: ChannelAccount[] | undefined) =>
    (members ?? []).some((m) => m.id === activity.recipient?.id);
  const added =
    activity.type === 'conversationUpdate'
      ? botIsIn(activity.membersAdded)
      : activity.action === 'add' || activity.action === 'add-upgrade';
  const removed =
    activity.type === 'conversationUpdate' ? botIsIn(activity.membersRemoved) : activity.action === 'remove';
  if (added) await memory.remember(context, true);
  if (removed) await memory.forget(context);
  if (deps.welcome) await welcomeOnce(context, deps.welcome, deps.logger);
}
