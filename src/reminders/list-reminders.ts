// `reminders`: the reminders of this channel, each with its id and when it next posts.
import type { Answer, Item } from '../core/answer.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import { channelWideLine } from './channel-wide-line.js';
import { upcomingOccurrences } from './plan-occurrences.js';
import type { Reminder } from './reminder.js';
import { describeSchedule, formatInstant, stopAction, targetName } from './reminder-message.js';
import { simple } from './reminder-refusals.js';

/** The answer listing a channel's reminders; `here` names the channel. */
export function listReminders(reminders: Reminder[], dataset: Dataset, now: Date, here: string): Answer {
  if (reminders.length === 0) {
    return {
      ...simple('reminders', 'answered', `No reminders in ${here}`, [
        'Try: remind mali, or remind "Mali consultations" at 2026-12-03T09:30:00+01:00',
      ]),
      actions: [{ label: 'Help', command: 'help', kind: 'command' }],
    };
  }
  const events = calendarEvents(dataset);
  const items: Item[] = reminders.map((r) => {
    if (r.kind === 'digest' || r.kind === 'stale') return channelWideLine(r, dataset, events, now);
    const next = r.disabled ? undefined : upcomingOccurrences(r, events, now, 1)[0];
    const nextText = r.disabled
      ? `disabled: ${r.disabled.reason}`
      : next
        ? `next: ${formatInstant(next.dueAt, r.tz)}${next.eventId ? ` (${next.leadDays}d before ${events.find((e) => e.id === next.eventId)?.title ?? next.eventId})` : ''}`
        : r.kind === 'once'
          ? 'posted'
          : 'no upcoming dated event on record';
    return {
      label: r.id,
      text:
        r.kind === 'once'
          ? `"${r.text}" at ${formatInstant(r.fireAt, r.tz)}`
          : `${targetName(dataset, r)}: ${describeSchedule(r)}`,
      detail: nextText,
      tone: r.disabled ? 'warning' : 'normal',
    };
  });
  return {
    kind: 'reminders',
    outcome: 'answered',
    title: `Reminders in ${here} (${reminders.length})`,
    sections: [{ items }],
    actions: reminders.slice(0, 5).map((r) => stopAction(r)),
    summary: `${reminders.length} reminder${reminders.length === 1 ? '' : 's'} in ${here}`,
  };
}
