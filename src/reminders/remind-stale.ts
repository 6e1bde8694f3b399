// `remind stale [at HH:MM] [tz Area/City]`: a channel's curator notices, one set per channel; asked again, it changes
// their time (same id). The answer lists what is stale today, which no notice will announce (notices are for the
// expiries still to come), so that a curator starts from the whole list.
import type { Answer, Item } from '../core/answer.js';
import { citeFact } from '../core/cite.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import { formatPartialDate } from '../core/format-date.js';
import { scr } from '../core/mission-status.js';
import { missionAcronym } from '../core/names.js';
import type { RequestContext } from '../core/ports.js';
import { currentMandate } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/translate.js';
import type { ChannelWideInput } from './remind-digest.js';
import type { NewStale, StaleReminder } from './reminder.js';
import { MAX_REMINDERS_PER_CHANNEL } from './reminder-commands-deps.js';
import { stopAction } from './reminder-message.js';
import { tooMany } from './reminder-refusals.js';
import { setChannelWide } from './set-channel-wide.js';
import { expiredUnrenewed } from './stale-message.js';

type StaleCommand = Extract<ChannelCommand, { kind: 'remind-stale' }>;

/** Sets or changes the curator notices of the context's channel (which the caller has checked can be posted to). */
export async function remindStale(
  command: StaleCommand,
  context: RequestContext,
  input: ChannelWideInput,
): Promise<Answer> {
  const { dataset, now } = input;
  const settings: NewStale = {
    channel: context.channel!,
    at: command.at,
    tz: command.tz ?? input.defaultTz,
    ...(context.userId ? { createdBy: context.userId } : {}),
  };
  const set = await setChannelWide(input, { kind: 'stale', ...settings });
  if (set?.reminder.kind !== 'stale') return tooMany('remind-stale', context, MAX_REMINDERS_PER_CHANNEL);
  return staleSet(set.reminder, set.changed, dataset, now, context);
}

/** The answer to notices set or changed: when they post, and what is stale already. */
function staleSet(
  reminder: StaleReminder,
  changed: boolean,
  dataset: Dataset,
  now: Date,
  context: RequestContext,
): Answer {
  const lang = context.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const title = m(changed ? 'stale.updated' : 'stale.set', { where: reminder.channel.platform });
  const already = staleNow(dataset, now, lang);
  return {
    kind: 'remind-stale',
    outcome: 'answered',
    title,
    subtitle: m('reminder.id', { id: reminder.id }),
    sections: [
      { items: [{ text: m('stale.setDetail', { at: reminder.at, tz: reminder.tz }) }] },
      {
        heading: m('stale.nowHeading'),
        items: already.length > 0 ? already : [{ text: m('stale.nowNone'), tone: 'gap' }],
      },
    ],
    actions: [stopAction(reminder, lang)],
    summary: `${title}: ${m('stale.listed', { at: reminder.at, tz: reminder.tz })}`,
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
}

/** The rows `data stale` lists today as expired with no renewal recorded, most recent first, sourced. */
function staleNow(dataset: Dataset, now: Date, lang: Lang): Item[] {
  const m = messages(lang);
  return [...expiredUnrenewed(dataset, now)].reverse().flatMap((row) => {
    const mission = dataset.missions.get(row.missionId);
    const mandate = mission ? currentMandate(mission) : undefined;
    if (!mission || !mandate || !row.expired) return [];
    return [
      {
        label: missionAcronym(mission, lang),
        text: m('stale.under', { date: formatPartialDate(row.expired, lang), scr: scr(mandate.resolution, lang) }),
        ...(row.asOf ? { detail: `${m('stale.asOf')} ${formatPartialDate(row.asOf, lang)}` } : {}),
        tone: 'warning' as const,
        cite: [citeFact(dataset, mandate, lang)],
      },
    ];
  });
}
