// A workspace's reminders, for a Home tab: the `reminders` answer of each of its channels (the first few).
import type { Answer } from '../core/answer.js';
import type { ReminderCommands } from '../core/ports.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { ReminderRecords } from './reminder-records.js';

/** How many channels a Home tab lists. */
const MAX_CHANNELS = 5;

/** The `reminders` answers of a workspace's channels, each titled with its channel's name, in the viewer's `lang`. */
export async function workspaceReminders(
  store: Pick<ReminderRecords, 'listByWorkspace'>,
  commands: ReminderCommands,
  platform: 'slack' | 'teams',
  workspaceId: string,
  lang: Lang = DEFAULT_LANG,
): Promise<Answer[]> {
  const reminders = await store.listByWorkspace(platform, workspaceId);
  const channels = new Map(reminders.map((r) => [r.channelKey, r.channel]));
  const answers: Answer[] = [];
  for (const channel of [...channels.values()].slice(0, MAX_CHANNELS)) {
    const answer = await commands.handle({ kind: 'reminders' }, { platform, channel, lang });
    // On the Home tab "this channel" means nothing: name the channel instead.
    const title = t(lang, 'home.channelReminders', { channel: channel.name ?? channel.channelId });
    answers.push({ ...answer, title, ...(lang !== DEFAULT_LANG ? { lang } : {}) });
  }
  return answers;
}
