// What the core needs from the outside world, as small interfaces. Adapters and the composition root provide them;
// the core never imports a platform, a database driver or an SDK.
import type { Answer } from './answer.js';
import type { Lang } from '../i18n/lang.js';
import type { ChannelCommand } from './commands/command-registry.js';

/** The platforms a command can come from. */
export type Platform = 'slack' | 'teams' | 'cli';

/** Where a command was typed: enough to answer it, and for reminder commands, to know which channel they are for. */
export interface RequestContext {
  platform: Platform;
  /**
   * The conversation the command came from: a Slack channel (team + channel ids) or a Teams conversation.
   * Absent in the terminal, where reminders are not available.
   */
  channel?: ChannelRef;
  /** The user's platform id, for rate limits and the audit log; never shown. */
  userId?: string;
  /** The language to answer in (the CLI's --lang, a Teams locale, a channel's `lang`); English when absent. */
  lang?: Lang;
}

/** A channel a reminder can be posted to. `key` is unique across platforms: "slack:T123:C456", "teams:19:abc…". */
export interface ChannelRef {
  platform: Exclude<Platform, 'cli'>;
  /** Slack team (workspace) id or Teams tenant id. */
  workspaceId: string;
  /** Slack channel id or Teams conversation id. */
  channelId: string;
  /** A name to show ("#mali-advocacy"), if known. */
  name?: string;
  /** Slack Enterprise Grid org id, when the workspace belongs to one: an org-wide install may be all that covers it. */
  enterpriseId?: string;
}

/** The commands that belong to a channel (the registry's `needsChannel`), answered by the reminders module. */
export interface ReminderCommands {
  handle(command: ChannelCommand, context: RequestContext): Promise<Answer>;
}

/** The unique key of a channel across platforms. */
export function channelKey(channel: ChannelRef): string {
  return `${channel.platform}:${channel.workspaceId}:${channel.channelId}`;
}
