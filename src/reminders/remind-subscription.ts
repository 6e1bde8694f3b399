// `remind <country|mission> [30d,7d,1d] [at 09:00] [tz …]`: a subscription to the dated events of what it names.
import type { Answer, Item } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import { formatPartialDate } from '../core/format-date.js';
import type { RequestContext } from '../core/ports.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import { listEntities, resolveName, shortName } from '../dataset/resolver.js';
import type { Dataset } from '../dataset/schema.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import { eventsForTarget, upcomingOccurrences } from './plan-occurrences.js';
import type { Reminder, ReminderTarget, SubscriptionReminder } from './reminder.js';
import { MAX_REMINDERS_PER_CHANNEL } from './reminder-commands-deps.js';
import type { ReminderHere } from './reminder-here.js';
import {
  describeSchedule,
  eventTitleIn,
  formatInstant,
  stopAction,
  targetCommand,
  targetName,
} from './reminder-message.js';
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
  here: ReminderHere;
}

/** Sets a subscription in the context's channel (which the caller has checked exists and can be posted to). */
export async function remindSubscription(
  command: RemindCommand,
  context: RequestContext,
  input: RemindInput,
): Promise<Answer> {
  const { records, dataset, now, existing } = input;
  const resolution = resolveName(dataset, command.target, { kinds: ['country', 'mission'] });
  if (!resolution.ok) return noTarget(command.target, resolution.suggestions, dataset, input.here.lang);
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
function noTarget(asked: string, found: ReturnType<typeof listEntities>, dataset: Dataset, lang: Lang): Answer {
  const suggestions = found.length > 0 ? found : listEntities(dataset, 'country');
  const names = suggestions.slice(0, 8).map(shortName).join(', ');
  return {
    ...simple('remind', 'no-match', t(lang, 'replies.remind.noMatch', { asked: asked.slice(0, 80) }), [
      t(lang, 'replies.remind.noMatchHint', { names }),
    ]),
    actions: suggestions.slice(0, 3).map((e) => ({
      label: shortName(e),
      command: `remind ${shortName(e).toLowerCase()}`,
      kind: 'command' as const,
    })),
  };
}

/** The answer to a subscription just set: its schedule and the next reminders it will post. */
function subscriptionSet(reminder: SubscriptionReminder, dataset: Dataset, now: Date, here: ReminderHere): Answer {
  const { lang, platform } = here;
  const target = targetName(dataset, reminder, lang);
  const schedule = describeSchedule(reminder, lang);
  const { id } = reminder;
  return {
    kind: 'remind',
    outcome: 'answered',
    title: t(lang, 'replies.remind.title', { target, platform }),
    subtitle: t(lang, 'replies.remind.subtitle', { id, schedule }),
    sections: [{ heading: t(lang, 'replies.remind.next'), items: nextReminders(reminder, dataset, now, lang) }],
    actions: [
      { label: t(lang, 'reminder.open', { target }), command: targetCommand(dataset, reminder), kind: 'command' },
      stopAction(reminder, lang),
    ],
    summary: t(lang, 'replies.remind.summary', { target, schedule, id }),
  };
}

/** The next five reminders a subscription will post, or a gap saying why there are none. */
function nextReminders(reminder: SubscriptionReminder, dataset: Dataset, now: Date, lang: Lang): Item[] {
  const events = calendarEvents(dataset);
  const items: Item[] = upcomingOccurrences(reminder, events, now, 5).map((o) => {
    const event = events.find((e) => e.id === o.eventId)!;
    return {
      label: formatInstant(o.dueAt, reminder.tz, lang),
      text: t(lang, 'replies.remind.before', { days: o.leadDays ?? 0, title: eventTitleIn(dataset, event, lang) }),
      detail: formatEventDate(event, lang),
    };
  });
  if (items.length > 0) return items;
  const known = eventsForTarget(reminder, events).length;
  return [
    {
      text: t(lang, known > 0 ? 'replies.remind.tooLate' : 'replies.remind.noEvents'),
      detail: t(lang, 'replies.remind.followsData'),
      tone: 'gap',
    },
  ];
}

function formatEventDate(event: CalendarEvent, lang: Lang): string {
  const date = formatPartialDate(event.date, lang);
  return event.date.length === 7 ? t(lang, 'replies.remind.monthOnly', { date }) : date;
}
