// `forget <id>`: removes a reminder of this channel, or says there is none by that id here.
import type { Answer } from '../core/answer.js';
import type { Dataset } from '../dataset/schema.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { ReminderHere } from './reminder-here.js';
import { targetName } from './reminder-message.js';
import type { ReminderRecords } from './reminder-records.js';
import { simple } from './reminder-refusals.js';

/** Removes reminder `rawId` if it belongs to the channel `here.key`. */
export async function forgetReminder(
  records: ReminderRecords,
  rawId: string,
  dataset: Dataset,
  here: ReminderHere,
): Promise<Answer> {
  const { key, platform, lang } = here;
  const id = rawId.toLowerCase();
  const existing = await records.get(id);
  // Another channel's reminder is answered like a missing one: ids are not a way to learn about other channels.
  if (!existing || existing.channelKey !== key || !(await records.remove(id, key))) {
    return {
      ...simple('forget', 'no-match', t(lang, 'replies.forget.none', { id, platform }), [
        t(lang, 'replies.forget.hint', { platform }),
      ]),
      actions: [listAction(lang)],
    };
  }
  // A digest and curator notices are named by the message itself.
  const what =
    existing.kind === 'once'
      ? existing.text
      : existing.kind === 'subscription'
        ? targetName(dataset, existing, lang)
        : '';
  return simple('forget', 'answered', t(lang, 'replies.forget.title', { id }), [
    t(lang, 'replies.forget.detail', { kind: existing.kind, what }),
  ]);
}

/** The "List reminders" button. */
export function listAction(lang: Lang): Answer['actions'][number] {
  return { label: t(lang, 'replies.list.action'), command: 'reminders', kind: 'command' };
}
