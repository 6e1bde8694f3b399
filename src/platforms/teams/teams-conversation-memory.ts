// Which conversations the bot is in, as the turn logic keeps them: a reference stored on every install and on the first
// message this process sees from a conversation (a busy chat does not write on every message), removed on uninstall
// with its welcome mark, so that a reinstall is greeted again. An install always writes: the uninstall before it may
// have been handled by another replica, which removed the row this process believes is stored.
import { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { baseConversationId } from './teams-conversation-store.js';
import type { TeamsConversationStore } from './teams-conversation-store.js';
import type { WelcomeLedger } from './welcome.js';

/** Stores and forgets the conversation of a turn. */
export interface ConversationMemory {
  /** Stores the turn's conversation: once per process for a message, every time for an install (`always`). */
  remember(context: TurnContext, always?: boolean): Promise<void>;
  forget(context: TurnContext): Promise<void>;
}

/** Creates the memory over the store (and the welcome ledger, released on uninstall). */
export function conversationMemory(
  store: TeamsConversationStore,
  logger: Logger,
  welcome: WelcomeLedger | undefined,
): ConversationMemory {
  // Conversations whose reference this process has stored.
  const known = new Set<string>();
  const logged = (context: TurnContext, message: string) =>
    logger.info({ platform: 'teams', conversationType: context.activity.conversation?.conversationType }, message);
  return {
    async remember(context, always = false) {
      const id = baseConversationId(context.activity.conversation?.id ?? '');
      if (!id || (known.has(id) && !always)) return;
      await store.save(TurnContext.getConversationReference(context.activity));
      known.add(id);
      logged(context, 'teams: conversation reference stored');
    },
    async forget(context) {
      const id = baseConversationId(context.activity.conversation?.id ?? '');
      if (!id) return;
      await store.remove(id);
      known.delete(id);
      await welcome?.release(id);
      logged(context, 'teams: conversation reference removed');
    },
  };
}
