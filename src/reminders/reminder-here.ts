// Where a reminder command was typed, as its replies need it: the channel's key, its platform (Slack says
// "channel", Teams "conversation") and the language to answer in.
import type { Lang } from '../i18n/lang.js';

/** The channel a reminder command is about, and the language of its reply. */
export interface ReminderHere {
  /** `channelKey` of the channel. */
  key: string;
  platform: 'slack' | 'teams';
  lang: Lang;
}
