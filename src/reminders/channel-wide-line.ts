// How `reminders` shows a channel's digest and curator notices, in the channel's language.
import type { Item } from '../core/answer.js';
import { missionAcronym } from '../core/names.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/translate.js';
import { describeDigest } from './digest-message.js';
import { upcomingOccurrences } from './plan-occurrences.js';
import type { ChannelWideReminder } from './reminder.js';
import { formatInstant } from './reminder-message.js';

/** The line `reminders` shows for a digest or curator notices: what it is, and when it next posts. */
export function channelWideLine(
  reminder: ChannelWideReminder,
  dataset: Dataset,
  events: readonly CalendarEvent[],
  now: Date,
  lang: Lang = DEFAULT_LANG,
): Item {
  const m = messages(lang);
  const next = reminder.disabled ? undefined : upcomingOccurrences(reminder, events, now, 1)[0];
  const when = next ? formatInstant(next.dueAt, reminder.tz, lang) : undefined;
  const line = (text: string, detail: string): Item => ({
    label: reminder.id,
    text,
    detail: reminder.disabled ? m('replies.list.disabled', { reason: reminder.disabled.reason }) : detail,
    tone: reminder.disabled ? 'warning' : 'normal',
  });
  if (reminder.kind === 'digest')
    return line(
      m('digest.listed', { schedule: describeDigest(dataset, reminder, lang) }),
      when ? m('digest.nextAt', { instant: when }) : '',
    );
  const missionId = next?.eventId ? events.find((e) => e.id === next.eventId)?.missionId : undefined;
  const mission = missionId ? dataset.missions.get(missionId) : undefined;
  return line(
    m('stale.listed', { at: reminder.at, tz: reminder.tz }),
    when && mission
      ? m('stale.nextAt', { instant: when, acronym: missionAcronym(mission, lang) })
      : m('stale.noneAhead'),
  );
}
