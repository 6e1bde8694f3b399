// The reminder commands (remind, remind "<text>" at …, reminders, forget), answered from the store and the dataset.
// Every answer is plain text in the Answer model; user text is echoed only through it (renderers escape). Each
// command's answer lives in its own file; this one checks what they share: a channel, room for one more, a delivery.
import { IANAZone } from 'luxon';
import type { Answer } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import type { ReminderCommands, RequestContext } from '../core/ports.js';
import { channelKey } from '../core/ports.js';
import { forgetReminder } from './forget-reminder.js';
import { listReminders } from './list-reminders.js';
import { remindDigest } from './remind-digest.js';
import { remindOnce } from './remind-once.js';
import { remindStale } from './remind-stale.js';
import { remindSubscription } from './remind-subscription.js';
import type { Reminder } from './reminder.js';
import { MAX_REMINDERS_PER_CHANNEL, type ReminderCommandsDeps } from './reminder-commands-deps.js';
import { conversationName } from './reminder-message.js';
import { simple, tooMany } from './reminder-refusals.js';

/** Creates the ReminderCommands the core calls for remind, remind-once, reminders and forget. */
export function createReminderCommands(deps: ReminderCommandsDeps): ReminderCommands {
  const defaultTz = deps.defaultTz && IANAZone.isValidZone(deps.defaultTz) ? deps.defaultTz : 'UTC';

  return {
    async handle(command: ChannelCommand, context: RequestContext): Promise<Answer> {
      const channel = context.channel;
      if (!channel) {
        return simple(command.kind, 'usage', 'Reminders belong to a channel', [
          'Set reminders from a Slack channel (/caac remind mali) or a Teams conversation with the bot; the terminal has no channel to post to.',
        ]);
      }
      const dataset = deps.dataset();
      const now = deps.clock.now();
      const key = channelKey(channel);
      const here = conversationName(channel);

      switch (command.kind) {
        case 'reminders':
          return listReminders(await deps.records.listByChannel(key), dataset, now, here);
        case 'forget':
          return forgetReminder(deps.records, command.id, key, dataset, here);
        case 'remind':
        case 'remind-once':
        case 'remind-digest':
        case 'remind-stale': {
          // Checked first to answer at once without asking the platform; the store checks again as it adds.
          const existing = await deps.records.listByChannel(key);
          const refused = await cannotRemind(command.kind, context, existing, here);
          if (refused) return refused;
          if (command.kind === 'remind-once') return remindOnce(deps.records, command, context, now, defaultTz);
          const input = { records: deps.records, dataset, now, defaultTz, existing };
          if (command.kind === 'remind-digest') return remindDigest(command, context, input);
          if (command.kind === 'remind-stale') return remindStale(command, context, input);
          return remindSubscription(command, context, {
            records: deps.records,
            dataset,
            now,
            defaultTz,
            existing,
            here,
          });
        }
      }
    },
  };

  /** Why no reminder can be set in the context's channel now, or undefined when one can. */
  async function cannotRemind(
    kind: 'remind' | 'remind-once' | 'remind-digest' | 'remind-stale',
    context: RequestContext,
    existing: Reminder[],
    here: string,
  ): Promise<Answer | undefined> {
    const channel = context.channel!;
    // Changing the channel's digest or notices adds nothing: a full channel may still do it.
    const changes = existing.some((r) => `remind-${r.kind}` === kind && !r.disabled);
    if (existing.length >= MAX_REMINDERS_PER_CHANNEL && !changes)
      return tooMany(kind, context, MAX_REMINDERS_PER_CHANNEL);
    const delivery = deps.deliveries[channel.platform];
    if (!delivery) {
      return simple(kind, 'unavailable', 'Reminders cannot be posted here', [
        `This service does not post to ${channel.platform === 'slack' ? 'Slack' : 'Teams'} proactively; ask its operator to configure it.`,
      ]);
    }
    // Said at once, not discovered on the day: a private channel the bot is not in, a chat it was never added to.
    const can = await delivery.canPost(channel);
    if (!can.ok) {
      return simple(kind, 'unavailable', `I cannot post reminders in ${here}`, [can.reason, `To fix it: ${can.fix}`]);
    }
    return undefined;
  }
}
