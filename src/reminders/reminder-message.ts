// The message a channel receives when a reminder fires, as a platform-neutral Answer (the Slack and Teams adapters
// render it): what is coming and when, with the date's precision and the days remaining, the source and as-of, and
// two actions: open the brief, stop these reminders.
import { DateTime } from 'luxon';
import type { Action, Answer, Item } from '../core/answer.js';
import { citeFact } from '../core/cite.js';
import { daysUntil, formatPartialDate, formatRelativeDays } from '../core/format-date.js';
import { scr } from '../core/mission-status.js';
import { countryName, missionAcronym } from '../core/names.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang, LOCALES } from '../i18n/lang.js';
import { type MessageId, messages, t } from '../i18n/translate.js';
import { anchorDay } from './plan-occurrences.js';
import type { OneOffReminder, Reminder, SubscriptionReminder } from './reminder.js';

/** "13 December 2026, 09:00 Europe/Paris" ("13 décembre 2026, 09:00 Europe/Paris"): an instant as read in that zone. */
export function formatInstant(at: Date, tz: string, lang: Lang = DEFAULT_LANG): string {
  return `${DateTime.fromJSDate(at, { zone: tz }).setLocale(LOCALES[lang]).toFormat('d LLLL yyyy, HH:mm')} ${tz}`;
}

/** "Mali" or "MINUSMA": the name of what a subscription follows, from the current dataset (the id if it is gone). */
export function targetName(dataset: Dataset, reminder: SubscriptionReminder, lang: Lang = DEFAULT_LANG): string {
  const { kind, id } = reminder.target;
  const country = kind === 'country' ? dataset.countries.get(id) : undefined;
  const mission = kind === 'mission' ? dataset.missions.get(id) : undefined;
  return country ? countryName(country, lang) : mission ? missionAcronym(mission, lang) : id;
}

/** The command that opens the brief of a subscription's target ("mali", "minusma"). */
export function targetCommand(dataset: Dataset, reminder: SubscriptionReminder): string {
  const { kind, id } = reminder.target;
  if (kind === 'mission') return dataset.missions.get(id)?.acronym.toLowerCase() ?? id;
  const name = dataset.countries.get(id)?.name;
  return name && name.length <= 24 ? name.toLowerCase() : id;
}

/** "30d, 7d, 1d at 09:00 Europe/Paris": how a subscription is set, in the words of the command. */
export function describeSchedule(reminder: SubscriptionReminder, lang: Lang = DEFAULT_LANG): string {
  const leads = reminder.leadDays.map((d) => `${d}d`).join(', ');
  return t(lang, 'reminder.schedule', { leads, at: reminder.at, tz: reminder.tz });
}

/** The reminder a subscription posts for one event. */
export function reminderMessage(input: {
  reminder: SubscriptionReminder;
  event: CalendarEvent;
  dataset: Dataset;
  now: Date;
  /** The channel's language (`lang fr`); English when absent. */
  lang?: Lang;
}): Answer {
  const { reminder, event, dataset, now } = input;
  const lang = input.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const day = anchorDay(event.date) ?? event.date;
  const monthOnly = event.date.length === 7;
  const days = daysUntil(now, day, reminder.tz);
  const when = formatPartialDate(event.date, lang);
  const relative = formatRelativeDays(days, lang);
  const eventTitle = eventTitleIn(dataset, event, lang);
  const title = monthOnly
    ? m('reminder.titleMonth', { title: eventTitle, when, away: m('reminder.away', { days }) })
    : m('reminder.title', { title: eventTitle, relative, when });
  const eventCountry = event.countryId ? dataset.countries.get(event.countryId) : undefined;
  const country = eventCountry ? countryName(eventCountry, lang) : undefined;
  const named = event.resolution && /^\d/.test(event.resolution) ? scr(event.resolution, lang) : event.resolution;
  const resolution =
    named && event.adopted
      ? m('reminder.adopted', { resolution: named, date: formatPartialDate(event.adopted, lang) })
      : named;
  const cite = citeFact(
    dataset,
    { source: event.source, as_of: event.asOf, ...(event.unverified ? { unverified: event.unverified } : {}) },
    lang,
  );
  const items: Item[] = [
    {
      label: m('reminder.when'),
      text: when,
      detail: monthOnly ? m('reminder.monthOnly', { day: formatPartialDate(day, lang), relative }) : relative,
      cite: [cite],
    },
  ];
  if (resolution) items.push({ label: m('reminder.resolution'), text: resolution, cite: [cite] });
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
            text: m('reminder.footer', {
              target: targetName(dataset, reminder, lang),
              where: reminder.channel.platform,
              schedule: describeSchedule(reminder, lang),
            }),
            detail: m('reminder.id', { id: reminder.id }),
          },
        ],
      },
    ],
    actions: [
      {
        label: m('reminder.open', { target: targetName(dataset, reminder, lang) }),
        command: targetCommand(dataset, reminder),
        kind: 'command',
        style: 'primary',
      },
      stopAction(reminder, lang),
    ],
    summary: monthOnly
      ? m('reminder.summaryMonth', { title: eventTitle, when })
      : m('reminder.summary', { title: eventTitle, relative, when }),
    ...(input.lang ? { lang } : {}),
  };
}

/** An event's title in the channel's language: a mandate expiry is the core's words; editors' events stay as written. */
export function eventTitleIn(dataset: Dataset, event: CalendarEvent, lang: Lang): string {
  const mission = event.missionId ? dataset.missions.get(event.missionId) : undefined;
  if (lang === DEFAULT_LANG || event.kind !== 'mandate-expiry' || !mission) return event.title;
  const measures = mission.kind === 'sanctions-regime' ? 'yes' : 'no';
  return t(lang, 'renewals.expiryTitle', { measures, acronym: missionAcronym(mission, lang) });
}

/** The message a one-off posts: the text as the user wrote it (renderers escape it). */
export function oneOffMessage(reminder: OneOffReminder, lang: Lang = DEFAULT_LANG): Answer {
  const m = messages(lang);
  return {
    kind: 'reminder',
    outcome: 'answered',
    title: `⏰ ${reminder.text}`,
    subtitle: m('reminder.setFor', { instant: formatInstant(reminder.fireAt, reminder.tz, lang) }),
    sections: [],
    // Nothing to stop: a one-off is posted once, and this is that once.
    actions: [],
    summary: m('reminder.oneOffSummary', { text: reminder.text }),
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
}

const STOP_LABEL = {
  once: 'reminder.cancel',
  subscription: 'reminder.stop',
  digest: 'digest.stop',
  stale: 'stale.stop',
} as const satisfies Record<Reminder['kind'], MessageId>;

/** The "Stop these reminders" action (a `forget` of this reminder). */
export function stopAction(reminder: Reminder, lang: Lang = DEFAULT_LANG): Action {
  return {
    label: t(lang, STOP_LABEL[reminder.kind]),
    command: `forget ${reminder.id}`,
    kind: 'forget',
    style: 'danger',
  };
}
