// The reminder commands (remind, remind "<text>" at …, reminders, forget), answered from the store and the dataset.
// Every answer is plain text in the Answer model; user text is echoed only through it (renderers escape).
import { DateTime, IANAZone } from 'luxon';
import type { Answer, Item } from '../core/answer.js';
import type { Clock } from '../core/clock.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import type { ReminderCommands, RequestContext } from '../core/ports.js';
import { channelKey } from '../core/ports.js';
import { formatPartialDate } from '../core/format-date.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import { calendarEvents } from '../dataset/calendar-events.js';
import { listEntities, resolveName, shortName } from '../dataset/resolver.js';
import type { Dataset } from '../dataset/schema.js';
import type { Deliveries } from '../core/delivery.js';
import { eventsForTarget, upcomingOccurrences } from './plan-occurrences.js';
import type { Reminder, ReminderTarget, SubscriptionReminder } from './reminder.js';
import {
  conversationName,
  describeSchedule,
  formatInstant,
  stopAction,
  targetCommand,
  targetName,
} from './reminder-message.js';
import type { ReminderRecords } from './reminder-records.js';
import { alreadyReminded, latestFireAt, simple, tooFarAhead, tooMany } from './reminder-refusals.js';

type ReminderCommand = ChannelCommand;

/** What the reminder commands need. */
export interface ReminderCommandsDeps {
  records: ReminderRecords;
  dataset: () => Dataset;
  clock: Clock;
  /** The platforms' deliveries, asked whether they can post to a channel before anything is stored. */
  deliveries: Deliveries;
  /** Zone for reminders that name none (CAAC_DEFAULT_TZ). Default UTC. */
  defaultTz?: string;
}

/** The most reminders one channel may hold, so that a loop in a script cannot fill the store. */
export const MAX_REMINDERS_PER_CHANNEL = 50;

/** Creates the ReminderCommands the core calls for remind, remind-once, reminders and forget. */
export function createReminderCommands(deps: ReminderCommandsDeps): ReminderCommands {
  const defaultTz = deps.defaultTz && IANAZone.isValidZone(deps.defaultTz) ? deps.defaultTz : 'UTC';

  return {
    async handle(command: ReminderCommand, context: RequestContext): Promise<Answer> {
      const channel = context.channel;
      if (!channel) {
        return simple(command.kind, 'usage', 'Reminders belong to a channel', [
          'Set reminders from a Slack channel (/caac remind mali) or a Teams conversation with the bot; the terminal has no channel to post to.',
        ]);
      }
      const dataset = deps.dataset();
      const now = deps.clock.now();
      const key = channelKey(channel);
      const here = conversationName(channel);

      switch (command.kind) {
        case 'reminders':
          return listReminders(await deps.records.listByChannel(key), dataset, now, here);

        case 'forget': {
          const id = command.id.toLowerCase();
          const existing = await deps.records.get(id);
          if (!existing || existing.channelKey !== key || !(await deps.records.remove(id, key))) {
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

        case 'remind':
        case 'remind-once': {
          // Checked first to answer at once without asking the platform; the store checks again as it adds.
          const existing = await deps.records.listByChannel(key);
          if (existing.length >= MAX_REMINDERS_PER_CHANNEL)
            return tooMany(command.kind, context, MAX_REMINDERS_PER_CHANNEL);
          const delivery = deps.deliveries[channel.platform];
          if (!delivery) {
            return simple(command.kind, 'unavailable', 'Reminders cannot be posted here', [
              `This service does not post to ${channel.platform === 'slack' ? 'Slack' : 'Teams'} proactively; ask its operator to configure it.`,
            ]);
          }
          // Said at once, not discovered on the day: a private channel the bot is not in, a chat it was never added to.
          const can = await delivery.canPost(channel);
          if (!can.ok) {
            return simple(command.kind, 'unavailable', `I cannot post reminders in ${here}`, [
              can.reason,
              `To fix it: ${can.fix}`,
            ]);
          }
          if (command.kind === 'remind-once') return remindOnce(command, context, now);
          return remind(command, context, dataset, now, existing, here);
        }
      }
    },
  };

  async function remindOnce(
    command: Extract<ReminderCommand, { kind: 'remind-once' }>,
    context: RequestContext,
    now: Date,
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
    const added = await deps.records.add(
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

  async function remind(
    command: Extract<ReminderCommand, { kind: 'remind' }>,
    context: RequestContext,
    dataset: Dataset,
    now: Date,
    existing: Reminder[],
    here: string,
  ): Promise<Answer> {
    const resolution = resolveName(dataset, command.target, { kinds: ['country', 'mission'] });
    if (!resolution.ok) {
      const suggestions = resolution.suggestions.length > 0 ? resolution.suggestions : listEntities(dataset, 'country');
      return {
        ...simple('remind', 'no-match', `No country or mission matches "${command.target.slice(0, 80)}"`, [
          `Reminders follow a country's or a mission's dated events. Try one of: ${suggestions.slice(0, 8).map(shortName).join(', ')}.`,
        ]),
        actions: suggestions.slice(0, 3).map((e) => ({
          label: shortName(e),
          command: `remind ${shortName(e).toLowerCase()}`,
          kind: 'command' as const,
        })),
      };
    }
    const target: ReminderTarget = {
      kind: resolution.entity.kind === 'mission' ? 'mission' : 'country',
      id: resolution.entity.id,
    };
    const tz = command.tz ?? defaultTz;
    const same = existing.find(
      (r): r is SubscriptionReminder =>
        r.kind === 'subscription' && !r.disabled && r.target.kind === target.kind && r.target.id === target.id,
    );
    const asked = (r: SubscriptionReminder) =>
      r.at === command.at && r.tz === tz && r.leadDays.join(',') === command.leadDays.join(',');
    // One subscription per channel and target: a second `remind` for it (or one racing this one) changes nothing.
    if (same) return alreadyReminded(same, dataset, context, asked(same));
    const added = await deps.records.add(
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
    if (added.kind === 'exists') return alreadyReminded(added.reminder, dataset, context, asked(added.reminder));
    if (added.kind === 'full' || added.reminder.kind !== 'subscription')
      return tooMany('remind', context, MAX_REMINDERS_PER_CHANNEL);
    const reminder = added.reminder;
    const events = calendarEvents(dataset);
    const upcoming = upcomingOccurrences(reminder, events, now, 5);
    const items: Item[] = upcoming.map((o) => {
      const event = events.find((e) => e.id === o.eventId)!;
      return {
        label: formatInstant(o.dueAt, tz),
        text: `${o.leadDays}d before: ${event.title}`,
        detail: formatEventDate(event),
      };
    });
    if (items.length === 0) {
      const known = eventsForTarget(reminder, events).length;
      items.push({
        text:
          known > 0
            ? 'No reminder falls due from now on: the dated events on record are past or too close.'
            : 'No dated events on record for it now.',
        detail:
          'Reminders follow the dataset: a date added or moved by the editors is picked up without setting this again.',
        tone: 'gap',
      });
    }
    return {
      kind: 'remind',
      outcome: 'answered',
      title: `Reminders set for ${targetName(dataset, reminder)} in ${here}`,
      subtitle: `Reminder ${reminder.id}: ${describeSchedule(reminder)}`,
      sections: [{ heading: 'Next reminders', items }],
      actions: [
        {
          label: `Open the ${targetName(dataset, reminder)} brief`,
          command: targetCommand(dataset, reminder),
          kind: 'command',
        },
        stopAction(reminder),
      ],
      summary: `Reminders set for ${targetName(dataset, reminder)} (${describeSchedule(reminder)}), reminder ${reminder.id}`,
    };
  }

  function listReminders(reminders: Reminder[], dataset: Dataset, now: Date, here: string): Answer {
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
      actions: reminders.slice(0, 5).map(stopAction),
      summary: `${reminders.length} reminder${reminders.length === 1 ? '' : 's'} in ${here}`,
    };
  }
}

function describe(reminder: Reminder, dataset: Dataset): string {
  return reminder.kind === 'once' ? `"${reminder.text}"` : targetName(dataset, reminder);
}

function formatEventDate(event: CalendarEvent): string {
  return event.date.length === 7
    ? `${formatPartialDate(event.date)} (known to the month only)`
    : formatPartialDate(event.date);
}
