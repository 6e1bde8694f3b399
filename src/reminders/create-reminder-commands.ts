// The reminder commands (remind, remind "<text>" at …, reminders, forget), answered from the store and the dataset.
// Every answer is plain text in the Answer model, in the context's language; user text is echoed only through it
// (renderers escape). Each command's answer lives in its own file; this one checks what they share: a channel, room
// for one more, a delivery that can post there.
import { IANAZone } from 'luxon';
import type { Answer } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import type { ReminderCommands, RequestContext } from '../core/ports.js';
import { channelKey } from '../core/ports.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import { cannotPostLines } from './cannot-post-lines.js';
import { forgetReminder } from './forget-reminder.js';
import { listReminders } from './list-reminders.js';
import { remindDigest } from './remind-digest.js';
import { remindOnce } from './remind-once.js';
import { remindStale } from './remind-stale.js';
import { remindSubscription } from './remind-subscription.js';
import type { Reminder } from './reminder.js';
import { MAX_REMINDERS_PER_CHANNEL, type ReminderCommandsDeps } from './reminder-commands-deps.js';
import type { ReminderHere } from './reminder-here.js';
import { simple, tooMany } from './reminder-refusals.js';

/** Creates the ReminderCommands the core calls for remind, remind-once, reminders and forget. */
export function createReminderCommands(deps: ReminderCommandsDeps): ReminderCommands {
  const defaultTz = deps.defaultTz && IANAZone.isValidZone(deps.defaultTz) ? deps.defaultTz : 'UTC';

  return {
    async handle(command: ChannelCommand, context: RequestContext): Promise<Answer> {
      const channel = context.channel;
      const lang = context.lang ?? DEFAULT_LANG;
      if (!channel) {
        return simple(command.kind, 'usage', t(lang, 'replies.noChannel.title'), [t(lang, 'replies.noChannel.detail')]);
      }
      const dataset = deps.dataset();
      const now = deps.clock.now();
      const here: ReminderHere = { key: channelKey(channel), platform: channel.platform, lang };

      switch (command.kind) {
        case 'reminders':
          return listReminders(await deps.records.listByChannel(here.key), dataset, now, here);
        case 'forget':
          return forgetReminder(deps.records, command.id, dataset, here);
        case 'remind':
        case 'remind-once':
        case 'remind-digest':
        case 'remind-stale': {
          // Checked first to answer at once without asking the platform; the store checks again as it adds.
          const existing = await deps.records.listByChannel(here.key);
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
    here: ReminderHere,
  ): Promise<Answer | undefined> {
    const channel = context.channel!;
    const { platform, lang } = here;
    // Changing the channel's digest or notices adds nothing: a full channel may still do it.
    const changes = existing.some((r) => `remind-${r.kind}` === kind && !r.disabled);
    if (existing.length >= MAX_REMINDERS_PER_CHANNEL && !changes)
      return tooMany(kind, context, MAX_REMINDERS_PER_CHANNEL);
    const delivery = deps.deliveries[channel.platform];
    if (!delivery) {
      return simple(kind, 'unavailable', t(lang, 'replies.cannotPost.title'), [
        t(lang, 'replies.cannotPost.detail', { platform }),
      ]);
    }
    // Said at once, not discovered on the day: a private channel the bot is not in, a chat it was never added to.
    const can = await delivery.canPost(channel);
    if (!can.ok) {
      return simple(
        kind,
        'unavailable',
        t(lang, 'replies.cannotPostHere.title', { platform }),
        cannotPostLines(can, lang),
      );
    }
    return undefined;
  }
}
