// `remind "<text>" at <ISO 8601>`: a one-off reminder, posted once at that instant.
import { DateTime } from 'luxon';
import type { Answer } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import type { RequestContext } from '../core/ports.js';
import { t } from '../i18n/translate.js';
import { listAction } from './forget-reminder.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
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
  const lang = context.lang ?? DEFAULT_LANG;
  const at = DateTime.fromISO(command.at, { zone: defaultTz });
  if (!at.isValid) {
    return simple('remind-once', 'usage', t(lang, 'replies.once.invalid'), [t(lang, 'replies.once.invalidHint')]);
  }
  if (at.toMillis() <= now.getTime()) {
    return simple('remind-once', 'usage', t(lang, 'replies.once.past'), [
      t(lang, 'replies.once.pastHint', { instant: formatInstant(now, defaultTz, lang) }),
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
  const { id, fireAt, tz, text } = added.reminder;
  const instant = formatInstant(fireAt, tz, lang);
  return {
    kind: 'remind-once',
    outcome: 'answered',
    title: t(lang, 'replies.once.title', { id }),
    sections: [{ items: [{ label: instant, text, detail: t(lang, 'reminder.id', { id }) }] }],
    actions: [stopAction(added.reminder, lang), listAction(lang)],
    summary: t(lang, 'replies.once.summary', { id, instant }),
  };
}
