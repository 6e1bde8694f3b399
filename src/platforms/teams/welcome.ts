// The welcome: when the bot is installed in a personal chat, a group chat or a team, the conversation gets one short
// card (what the bot does, three commands to try, how to subscribe a channel to reminders). Teams sends both an
// installationUpdate and a conversationUpdate for one install, and may send them again; a row per conversation in
// teams_welcomes, claimed before posting, makes it once. Other members joining never trigger it.
// https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#welcome-messages
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import type { Answer } from '../../core/answer.js';
import { DEFAULT_LANG, parseLang } from '../../i18n/lang.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Storage } from '../../storage/open-database.js';
import { answerToTeamsActivity } from './answer-to-teams-activity.js';
import { baseConversationId } from './teams-conversation-store.js';

/** The welcome card's content, as an answer (rendered like every other, so its buttons run commands). */
export function welcomeAnswer(lang: Lang = DEFAULT_LANG): Answer {
  const m = messages(lang);
  return {
    kind: 'welcome',
    outcome: 'answered',
    lang,
    title: m('welcome.title'),
    subtitle: m('welcome.subtitle'),
    sections: [
      { items: [{ text: m('welcome.about') }] },
      {
        heading: m('welcome.tryHeading'),
        items: [
          { label: 'mali', text: m('welcome.tryCountry') },
          { label: 'mnla', text: m('welcome.tryParty') },
          { label: 'renewals', text: m('welcome.tryRenewals') },
        ],
      },
      { heading: m('welcome.remindHeading'), items: [{ text: m('welcome.remind') }] },
    ],
    actions: [
      { label: 'mali', command: 'mali', style: 'primary' },
      { label: 'mnla', command: 'mnla' },
      { label: 'renewals', command: 'renewals' },
      { label: m('action.help'), command: 'help' },
    ],
    summary: m('welcome.summary'),
  };
}

/** Whether an activity says the bot itself was just installed or added (not another member joining). */
export function isBotInstall(activity: Partial<Activity>): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'add';
  if (activity.type === 'conversationUpdate') {
    return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
  }
  return false;
}

/** The language of the welcome: the client's locale when the bot speaks it, English otherwise. */
export function welcomeLang(activity: Partial<Activity>): Lang {
  return parseLang(activity.locale) ?? DEFAULT_LANG;
}

/** Which conversations have had the welcome. */
export interface WelcomeLedger {
  /** Records that `conversationId` is being welcomed; false when it already was (then nothing is posted). */
  claim(conversationId: string): Promise<boolean>;
  /** Forgets a conversation: the post failed, or the bot was removed (a new install is welcomed again). */
  release(conversationId: string): Promise<void>;
}

/** The ledger on the service's database (table teams_welcomes). */
export function createWelcomeLedger(storage: Pick<Storage, 'db'>, clock: Clock): WelcomeLedger {
  const { db } = storage;
  return {
    async claim(conversationId) {
      const id = baseConversationId(conversationId);
      if (!id) return false;
      // One statement, so two replicas (or the two activities of one install) cannot both win.
      const result = await db
        .insertInto('teams_welcomes')
        .values({ conversation_id: id, sent_at: clock.now().toISOString() })
        .onConflict((oc) => oc.column('conversation_id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async release(conversationId) {
      await db.deleteFrom('teams_welcomes').where('conversation_id', '=', baseConversationId(conversationId)).execute();
    },
  };
}

/**
 * Posts the welcome into the activity's conversation if this activity is the bot's own install and the conversation
 * has not had it. A failed post releases the claim, so the next install event tries again.
 */
export async function welcomeOnce(context: TurnContext, ledger: WelcomeLedger, logger: Logger): Promise<void> {
  const activity = context.activity;
  if (!isBotInstall(activity)) return;
  const conversationId = activity.conversation?.id ?? '';
  if (!(await ledger.claim(conversationId))) return;
  // A new message in the conversation, not a reply to the install event (which is no message to thread under).
  context.onSendActivities(async (_ctx, activities, next) => {
    for (const a of activities) delete a.replyToId;
    return next();
  });
  try {
    await context.sendActivity(answerToTeamsActivity(welcomeAnswer(welcomeLang(activity))));
    logger.info(
      { platform: 'teams', conversationType: activity.conversation?.conversationType },
      'teams: welcome posted',
    );
  } catch (err) {
    await ledger.release(conversationId).catch(() => undefined);
    throw err;
  }
}
