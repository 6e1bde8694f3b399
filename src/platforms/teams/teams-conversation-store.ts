// Where Teams conversation references live: the service's database (table teams_conversations, created by the
// storage migrations), so that any replica can post a reminder proactively into a chat or channel.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
import type { ConversationReference } from 'botbuilder';
import type { Clock } from '../../core/clock.js';
import type { Storage } from '../../storage/open-database.js';

/** The conversation references the bot may post to, keyed by conversation id (without a thread's ";messageid="). */
export interface TeamsConversationStore {
  save(reference: Partial<ConversationReference>): Promise<void>;
  get(conversationId: string): Promise<Partial<ConversationReference> | undefined>;
  remove(conversationId: string): Promise<void>;
}

/**
 * A channel post's conversation id carries the thread ("19:…@thread.tacv2;messageid=1700000000000"); the channel
 * itself, which is what a reminder posts to, is the part before it.
 */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(';messageid=');
  return cut === -1 ? id : id.slice(0, cut);
}

/** The conversation store on the service's database (SQLite or PostgreSQL, through kysely). */
export function createTeamsConversationStore(storage: Pick<Storage, 'db'>, clock: Clock): TeamsConversationStore {
  const db = storage.db;
  return {
    async save(reference) {
      const conversation = reference.conversation;
      if (!conversation?.id) return;
      const id = baseConversationId(conversation.id);
      // Keep what a proactive post needs, and nothing about the user who happened to speak (activityId, user).
      const kept: Partial<ConversationReference> = {
        ...(reference.channelId ? { channelId: reference.channelId } : {}),
        ...(reference.serviceUrl ? { serviceUrl: reference.serviceUrl } : {}),
        conversation: { ...conversation, id },
        ...(reference.bot ? { bot: reference.bot } : {}),
        ...(reference.locale ? { locale: reference.locale } : {}),
      };
      const row = {
        conversation_id: id,
        tenant_id: conversation.tenantId ?? null,
        reference: JSON.stringify(kept),
        updated_at: clock.now().toISOString(),
      };
      await db
        .insertInto('teams_conversations')
        .values(row)
        .onConflict((oc) =>
          oc
            .column('conversation_id')
            .doUpdateSet({ tenant_id: row.tenant_id, reference: row.reference, updated_at: row.updated_at }),
        )
        .execute();
    },
    async get(conversationId) {
      const row = await db
        .selectFrom('teams_conversations')
        .select('reference')
        .where('conversation_id', '=', baseConversationId(conversationId))
        .executeTakeFirst();
      return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : undefined;
    },
    async remove(conversationId) {
      await db
        .deleteFrom('teams_conversations')
        .where('conversation_id', '=', baseConversationId(conversationId))
        .execute();
    },
  };
}
