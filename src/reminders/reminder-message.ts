// The message a channel receives when a reminder fires, as a platform-neutral Answer (the Slack and Teams adapters
// render it): what is coming and when, with the date's precision and the days remaining, the source and as-of, and
// two actions: open the brief, stop these reminders.
import { DateTime } from 'luxon';
import type { Action, Answer, Item } from '../core/answer.js';
import { citeFact } from '../core/cite.js';
import { daysUntil, formatPartialDate, formatRelativeDays } from '../core/format-date.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import type { Dataset } from '../dataset/schema.js';
import { anchorDay } from './plan-occurrences.js';
import type { OneOffReminder, Reminder, SubscriptionReminder } from './reminder.js';

/** "13 December 2026, 09:00 Europe/Paris": an instant as people in that zone read it. */
export function formatInstant(at: Date, tz: string): string {
  return `${DateTime.fromJSDate(at, { zone: tz }).toFormat('d LLLL yyyy, HH:mm')} ${tz}`;
}

/** "Mali" or "MINUSMA": the name of what a subscription follows, from the current dataset (the id if it is gone). */
export function targetName(dataset: Dataset, reminder: SubscriptionReminder): string {
  const { kind, id } = reminder.target;
  return (kind === 'country' ? dataset.countries.get(id)?.name : dataset.missions.get(id)?.acronym) ?? id;
}

/** The command that opens the brief of a subscription's target ("mali", "minusma"). */
export function targetCommand(dataset: Dataset, reminder: SubscriptionReminder): string {
  const { kind, id } = reminder.target;
  if (kind === 'mission') return dataset.missions.get(id)?.acronym.toLowerCase() ?? id;
  const name = dataset.countries.get(id)?.name;
  return name && name.length <= 24 ? name.toLowerCase() : id;
}

/** "this channel" in Slack, "this conversation" in Teams (a channel, a group chat or a one-to-one chat). */
export function conversationName(channel: { platform: 'slack' | 'teams' }): string {
  // A Teams ChannelRef may be a chat as well as a channel, and Teams users call both a conversation.
  return channel.platform === 'teams' ? 'this conversation' : 'this channel';
}

/** "30d, 7d, 1d at 09:00 Europe/Paris": how a subscription is set, in the words of the command. */
export function describeSchedule(reminder: SubscriptionReminder): string {
  return `${reminder.leadDays.map((d) => `${d}d`).join(', ')} at ${reminder.at} ${reminder.tz}`;
}

/** The reminder a subscription posts for one event. */
export function reminderMessage(input: {
  reminder: SubscriptionReminder;
  event: CalendarEvent;
  dataset: Dataset;
  now: Date;
}): Answer {
  const { reminder, event, dataset, now } = input;
  const day = anchorDay(event.date) ?? event.date;
  const monthOnly = event.date.length === 7;
  const days = daysUntil(now, day, reminder.tz);
  const when = formatPartialDate(event.date);
  const relative = formatRelativeDays(days);
  const title = monthOnly
    ? `⏰ ${event.title} — ${when} (about ${relative.replace(/^in /, '')} away)`
    : `⏰ ${event.title} ${relative} — ${when}`;
  const country = event.countryId ? dataset.countries.get(event.countryId)?.name : undefined;
  const resolution = event.resolution
    ? `${/^\d/.test(event.resolution) ? `SCR ${event.resolution}` : event.resolution}${event.adopted ? `, adopted ${formatPartialDate(event.adopted)}` : ''}`
    : undefined;
  const cite = citeFact(dataset, {
    source: event.source,
    as_of: event.asOf,
    ...(event.unverified ? { unverified: event.unverified } : {}),
  });
  const items: Item[] = [
    {
      label: 'When',
      text: when,
      detail: monthOnly ? `known to the month only; counted from ${formatPartialDate(day)}: ${relative}` : relative,
      cite: [cite],
    },
  ];
  if (resolution) items.push({ label: 'Resolution', text: resolution, cite: [cite] });
  const subtitle = [country, resolution].filter(Boolean).join(' · ');
  return {
    kind: 'reminder',
    outcome: 'answered',
    title,
    ...(subtitle ? { subtitle } : {}),
    sections: [
      { items },
      {
        items: [
          {
            text: `Reminders for ${targetName(dataset, reminder)} in ${conversationName(reminder.channel)}: ${describeSchedule(reminder)}`,
            detail: `reminder ${reminder.id}`,
          },
        ],
      },
    ],
    actions: [
      {
        label: `Open the ${targetName(dataset, reminder)} brief`,
        command: targetCommand(dataset, reminder),
        kind: 'command',
        style: 'primary',
      },
      stopAction(reminder),
    ],
    summary: monthOnly ? `${event.title} — ${when}` : `${event.title} ${relative} — ${when}`,
  };
}

/** The message a one-off posts: the text as the user wrote it (renderers escape it). */
export function oneOffMessage(reminder: OneOffReminder): Answer {
  return {
    kind: 'reminder',
    outcome: 'answered',
    title: `⏰ ${reminder.text}`,
    subtitle: `Reminder set for ${formatInstant(reminder.fireAt, reminder.tz)}`,
    sections: [],
    // Nothing to stop: a one-off is posted once, and this is that once.
    actions: [],
    summary: `Reminder: ${reminder.text}`,
  };
}

/** The "Stop these reminders" action (a `forget` of this reminder). */
export function stopAction(reminder: Reminder): Action {
  return {
    label: reminder.kind === 'once' ? 'Cancel this reminder' : 'Stop these reminders',
    command: `forget ${reminder.id}`,
    kind: 'forget',
    style: 'danger',
  };
}
