// `remind <country|mission> [30d,7d,1d] [at 09:00] [tz …]`: a subscription to the dated events of what it names.
import type { Answer, Item } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import { formatPartialDate } from '../core/format-date.js';
import type { RequestContext } from '../core/ports.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import { listEntities, resolveName, shortName } from '../dataset/resolver.js';
import type { Dataset } from '../dataset/schema.js';
import { eventsForTarget, upcomingOccurrences } from './plan-occurrences.js';
import type { Reminder, ReminderTarget, SubscriptionReminder } from './reminder.js';
import { MAX_REMINDERS_PER_CHANNEL } from './reminder-commands-deps.js';
import { describeSchedule, formatInstant, stopAction, targetCommand, targetName } from './reminder-message.js';
import type { ReminderRecords } from './reminder-records.js';
import { alreadyReminded, simple, tooMany } from './reminder-refusals.js';

type RemindCommand = Extract<ChannelCommand, { kind: 'remind' }>;

/** What a subscription is set with, beyond the command: the channel's reminders so far and where "here" is. */
export interface RemindInput {
  records: ReminderRecords;
  dataset: Dataset;
  now: Date;
  defaultTz: string;
  existing: Reminder[];
  here: string;
}

/** Sets a subscription in the context's channel (which the caller has checked exists and can be posted to). */
export async function remindSubscription(
  command: RemindCommand,
  context: RequestContext,
  input: RemindInput,
): Promise<Answer> {
  const { records, dataset, now, existing } = input;
  const resolution = resolveName(dataset, command.target, { kinds: ['country', 'mission'] });
  if (!resolution.ok) return noTarget(command.target, resolution.suggestions, dataset);
  const target: ReminderTarget = {
    kind: resolution.entity.kind === 'mission' ? 'mission' : 'country',
    id: resolution.entity.id,
  };
  const tz = command.tz ?? input.defaultTz;
  const same = existing.find(
    (r): r is SubscriptionReminder =>
      r.kind === 'subscription' && !r.disabled && r.target.kind === target.kind && r.target.id === target.id,
  );
  const asked = (r: SubscriptionReminder) =>
    r.at === command.at && r.tz === tz && r.leadDays.join(',') === command.leadDays.join(',');
  // One subscription per channel and target: a second `remind` for it (or one racing this one) changes nothing.
  if (same) return alreadyReminded(same, dataset, context, asked(same));
  const added = await records.add(
    {
      kind: 'subscription',
      channel: context.channel!,
      target,
      leadDays: command.leadDays,
      at: command.at,
      tz,
      ...(context.userId ? { createdBy: context.userId } : {}),
    },
    now,
    { maxPerChannel: MAX_REMINDERS_PER_CHANNEL },
  );
  if (added.kind === 'exists' && added.reminder.kind === 'subscription')
    return alreadyReminded(added.reminder, dataset, context, asked(added.reminder));
  if (added.kind !== 'added' || added.reminder.kind !== 'subscription')
    return tooMany('remind', context, MAX_REMINDERS_PER_CHANNEL);
  return subscriptionSet(added.reminder, dataset, now, input.here);
}

/** Nothing in the dataset is a country or mission by that name: say so, with names to try. */
function noTarget(asked: string, found: ReturnType<typeof listEntities>, dataset: Dataset): Answer {
  const suggestions = found.length > 0 ? found : listEntities(dataset, 'country');
  return {
    ...simple('remind', 'no-match', `No country or mission matches "${asked.slice(0, 80)}"`, [
      `Reminders follow a country's or a mission's dated events. Try one of: ${suggestions.slice(0, 8).map(shortName).join(', ')}.`,
    ]),
    actions: suggestions.slice(0, 3).map((e) => ({
      label: shortName(e),
      command: `remind ${shortName(e).toLowerCase()}`,
      kind: 'command' as const,
    })),
  };
}

/** The answer to a subscription just set: its schedule and the next reminders it will post. */
function subscriptionSet(reminder: SubscriptionReminder, dataset: Dataset, now: Date, here: string): Answer {
  const name = targetName(dataset, reminder);
  return {
    kind: 'remind',
    outcome: 'answered',
    title: `Reminders set for ${name} in ${here}`,
    subtitle: `Reminder ${reminder.id}: ${describeSchedule(reminder)}`,
    sections: [{ heading: 'Next reminders', items: nextReminders(reminder, dataset, now) }],
    actions: [
      { label: `Open the ${name} brief`, command: targetCommand(dataset, reminder), kind: 'command' },
      stopAction(reminder),
    ],
    summary: `Reminders set for ${name} (${describeSchedule(reminder)}), reminder ${reminder.id}`,
  };
}

/** The next five reminders a subscription will post, or a gap saying why there are none. */
function nextReminders(reminder: SubscriptionReminder, dataset: Dataset, now: Date): Item[] {
  const events = calendarEvents(dataset);
  const items: Item[] = upcomingOccurrences(reminder, events, now, 5).map((o) => {
    const event = events.find((e) => e.id === o.eventId)!;
    return {
      label: formatInstant(o.dueAt, reminder.tz),
      text: `${o.leadDays}d before: ${event.title}`,
      detail: formatEventDate(event),
    };
  });
  if (items.length > 0) return items;
  const known = eventsForTarget(reminder, events).length;
  return [
    {
      text:
        known > 0
          ? 'No reminder falls due from now on: the dated events on record are past or too close.'
          : 'No dated events on record for it now.',
      detail:
        'Reminders follow the dataset: a date added or moved by the editors is picked up without setting this again.',
      tone: 'gap',
    },
  ];
}

function formatEventDate(event: CalendarEvent): string {
  return event.date.length === 7
    ? `${formatPartialDate(event.date)} (known to the month only)`
    : formatPartialDate(event.date);
}
