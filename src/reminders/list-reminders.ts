// `reminders`: the reminders of this channel, each with its id and when it next posts.
import type { Answer, Item } from '../core/answer.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import { channelWideLine } from './channel-wide-line.js';
import { upcomingOccurrences } from './plan-occurrences.js';
import type { Reminder } from './reminder.js';
import type { ReminderHere } from './reminder-here.js';
import { describeSchedule, eventTitleIn, formatInstant, stopAction, targetName } from './reminder-message.js';
import { simple } from './reminder-refusals.js';

/** The answer listing a channel's reminders. */
export function listReminders(reminders: Reminder[], dataset: Dataset, now: Date, here: ReminderHere): Answer {
  const { platform, lang } = here;
  if (reminders.length === 0) {
    return {
      ...simple('reminders', 'answered', t(lang, 'replies.list.none', { platform }), [t(lang, 'replies.list.try')]),
      actions: [{ label: t(lang, 'action.help'), command: 'help', kind: 'command' }],
    };
  }
  const events = calendarEvents(dataset);
  const items: Item[] = reminders.map((r) => {
    if (r.kind === 'digest' || r.kind === 'stale') return channelWideLine(r, dataset, events, now, lang);
    return {
      label: r.id,
      text:
        r.kind === 'once'
          ? t(lang, 'replies.list.once', { text: r.text, instant: formatInstant(r.fireAt, r.tz, lang) })
          : t(lang, 'replies.list.subscription', {
              target: targetName(dataset, r, lang),
              schedule: describeSchedule(r, lang),
            }),
      detail: nextPost(r, dataset, events, now, lang),
      tone: r.disabled ? 'warning' : 'normal',
    };
  });
  const count = reminders.length;
  return {
    kind: 'reminders',
    outcome: 'answered',
    title: t(lang, 'replies.list.title', { platform, count }),
    sections: [{ items }],
    actions: reminders.slice(0, 5).map((r) => stopAction(r, lang)),
    summary: t(lang, 'replies.list.summary', { platform, count }),
  };
}

/** When a reminder posts next, or why it will not. */
function nextPost(r: Reminder, dataset: Dataset, events: CalendarEvent[], now: Date, lang: Lang): string {
  if (r.disabled) return t(lang, 'replies.list.disabled', { reason: r.disabled.reason });
  const next = upcomingOccurrences(r, events, now, 1)[0];
  if (!next) return t(lang, r.kind === 'once' ? 'replies.list.posted' : 'replies.list.nothingAhead');
  const instant = formatInstant(next.dueAt, r.tz, lang);
  if (!next.eventId) return t(lang, 'replies.list.next', { instant });
  const event = events.find((e) => e.id === next.eventId);
  const title = event ? eventTitleIn(dataset, event, lang) : next.eventId;
  return t(lang, 'replies.list.nextBefore', { instant, days: next.leadDays ?? 0, title });
}
