// `remind "<text>" at <ISO 8601>`: a one-off reminder, posted once at that instant.
import { DateTime } from 'luxon';
import type { Answer } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import type { RequestContext } from '../core/ports.js';
import { MAX_REMINDERS_PER_CHANNEL } from './reminder-commands-deps.js';
import { formatInstant, stopAction } from './reminder-message.js';
import type { ReminderRecords } from './reminder-records.js';
import { latestFireAt, simple, tooFarAhead, tooMany } from './reminder-refusals.js';

/** Sets a one-off reminder in the context's channel (which the caller has checked exists and can be posted to). */
export async function remindOnce(
  records: ReminderRecords,
  command: Extract<ChannelCommand, { kind: 'remind-once' }>,
  context: RequestContext,
  now: Date,
  defaultTz: string,
): Promise<Answer> {
  const at = DateTime.fromISO(command.at, { zone: defaultTz });
  if (!at.isValid) {
    return simple('remind-once', 'usage', 'That date-time is not valid', [
      'Write it in ISO 8601, e.g. 2026-12-03T09:30:00+01:00.',
    ]);
  }
  if (at.toMillis() <= now.getTime()) {
    return simple('remind-once', 'usage', 'That time has passed', [
      `It is now ${formatInstant(now, defaultTz)}; give a time in the future.`,
    ]);
  }
  if (at.toMillis() > latestFireAt(now).getTime()) return tooFarAhead(context, now, defaultTz);
  const added = await records.add(
    {
      kind: 'once',
      channel: context.channel!,
      text: command.text,
      fireAt: at.toJSDate(),
      tz: defaultTz,
      ...(context.userId ? { createdBy: context.userId } : {}),
    },
    now,
    { maxPerChannel: MAX_REMINDERS_PER_CHANNEL },
  );
  if (added.kind !== 'added' || added.reminder.kind !== 'once')
    return tooMany('remind-once', context, MAX_REMINDERS_PER_CHANNEL);
  const reminder = added.reminder;
  return {
    kind: 'remind-once',
    outcome: 'answered',
    title: `Reminder ${reminder.id} set`,
    sections: [
      {
        items: [
          {
            label: formatInstant(reminder.fireAt, reminder.tz),
            text: reminder.text,
            detail: `reminder ${reminder.id}`,
          },
        ],
      },
    ],
    actions: [stopAction(reminder), { label: 'List reminders', command: 'reminders', kind: 'command' }],
    summary: `Reminder ${reminder.id} set for ${formatInstant(reminder.fireAt, reminder.tz)}`,
  };
}
