// `forget <id>`: removes a reminder of this channel, or says there is none by that id here.
import type { Answer } from '../core/answer.js';
import type { Dataset } from '../dataset/schema.js';
import type { Reminder } from './reminder.js';
import { channelWideName } from './channel-wide-line.js';
import { targetName } from './reminder-message.js';
import type { ReminderRecords } from './reminder-records.js';
import { simple } from './reminder-refusals.js';

/** Removes reminder `rawId` if it belongs to the channel `key`; `here` names the channel in the answer. */
export async function forgetReminder(
  records: ReminderRecords,
  rawId: string,
  key: string,
  dataset: Dataset,
  here: string,
): Promise<Answer> {
  const id = rawId.toLowerCase();
  const existing = await records.get(id);
  // Another channel's reminder is answered like a missing one: ids are not a way to learn about other channels.
  if (!existing || existing.channelKey !== key || !(await records.remove(id, key))) {
    return {
      ...simple('forget', 'no-match', `No reminder ${id} in ${here}`, [
        `\`reminders\` lists the reminders of ${here} with their ids.`,
      ]),
      actions: [{ label: 'List reminders', command: 'reminders', kind: 'command' }],
    };
  }
  return simple('forget', 'answered', `Reminder ${id} removed`, [
    `No more reminders for ${describe(existing, dataset)} from it.`,
  ]);
}

function describe(reminder: Reminder, dataset: Dataset): string {
  if (reminder.kind === 'digest' || reminder.kind === 'stale') return channelWideName(reminder);
  return reminder.kind === 'once' ? `"${reminder.text}"` : targetName(dataset, reminder);
}
