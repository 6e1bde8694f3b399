// `remind digest …` and `remind stale`: a channel's weekly digest and its curator notices, one of each per channel.
// Asked again, the command changes the one the channel has (same id) to what it now says, options left out taking
// their defaults: the command states the whole setting, as `reminders` shows it.
import type { Answer, Item } from '../core/answer.js';
import type { ChannelCommand } from '../core/commands/command-registry.js';
import type { RequestContext } from '../core/ports.js';
import { listEntities, resolveName, shortName } from '../dataset/resolver.js';
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { messages } from '../i18n/translate.js';
import { describeDigest, digestMessage } from './digest-message.js';
import { planDigest } from './plan-digest.js';
import type { DigestReminder, NewDigest, Reminder, Weekday } from './reminder.js';
import { setChannelWide } from './set-channel-wide.js';
import { MAX_REMINDERS_PER_CHANNEL } from './reminder-commands-deps.js';
import { formatInstant, stopAction } from './reminder-message.js';
import type { ReminderRecords } from './reminder-records.js';
import { simple, tooMany } from './reminder-refusals.js';

type DigestCommand = Extract<ChannelCommand, { kind: 'remind-digest' }>;

/** What a digest or curator notices are set with, beyond the command. */
export interface ChannelWideInput {
  records: ReminderRecords;
  dataset: Dataset;
  now: Date;
  defaultTz: string;
  /** The channel's reminders so far. */
  existing: Reminder[];
}

/** Sets or changes the digest of the context's channel (which the caller has checked can be posted to). */
export async function remindDigest(
  command: DigestCommand,
  context: RequestContext,
  input: ChannelWideInput,
): Promise<Answer> {
  const { dataset, now } = input;
  const countries = resolveCountries(dataset, command.countries);
  if ('miss' in countries) return noCountry(countries.miss, countries.suggestions, context);
  const settings: NewDigest = {
    channel: context.channel!,
    weekday: command.weekday as Weekday,
    at: command.at,
    tz: command.tz ?? input.defaultTz,
    withinDays: command.withinDays,
    countries: countries.ids,
    always: command.always,
    ...(context.userId ? { createdBy: context.userId } : {}),
  };
  const set = await setChannelWide(input, { kind: 'digest', ...settings });
  if (set?.reminder.kind !== 'digest') return tooMany('remind-digest', context, MAX_REMINDERS_PER_CHANNEL);
  const { reminder, changed } = set;
  return digestSet(reminder, changed, dataset, now, context);
}

/** The country ids for the names typed (a name may be several countries written with spaces), or the first miss. */
function resolveCountries(
  dataset: Dataset,
  names: readonly string[],
): { ids: string[] } | { miss: string; suggestions: string[] } {
  const ids: string[] = [];
  for (const name of names) {
    const found = resolveName(dataset, name, { kinds: ['country'] });
    if (found.ok && found.confidence === 'exact') {
      ids.push(found.entity.id);
      continue;
    }
    // "mali drc": the longest run of words that names a country exactly, then the rest.
    const words = name.split(' ');
    const split: string[] = [];
    let i = 0;
    while (i < words.length) {
      let j = words.length;
      for (; j > i; j--) {
        const part = resolveName(dataset, words.slice(i, j).join(' '), { kinds: ['country'] });
        if (part.ok && part.confidence === 'exact') {
          split.push(part.entity.id);
          break;
        }
      }
      if (j === i) break;
      i = j;
    }
    if (i === words.length && split.length > 1) ids.push(...split);
    else if (found.ok) ids.push(found.entity.id);
    else {
      const suggestions = found.suggestions.length > 0 ? found.suggestions : listEntities(dataset, 'country');
      return { miss: name, suggestions: suggestions.slice(0, 8).map(shortName) };
    }
  }
  return { ids: [...new Set(ids)] };
}

/** No country by that name: say so, with names to try. */
function noCountry(asked: string, suggestions: string[], context: RequestContext): Answer {
  const m = messages(context.lang ?? DEFAULT_LANG);
  return {
    ...simple('remind-digest', 'no-match', m('digest.noCountry', { text: asked.slice(0, 80) }), [
      m('digest.noCountryDetail', { list: suggestions.join(', ') }),
    ]),
    actions: suggestions.slice(0, 3).map((name) => ({
      label: name,
      command: `remind digest ${name.toLowerCase()}`,
      kind: 'command' as const,
    })),
    ...(context.lang && context.lang !== DEFAULT_LANG ? { lang: context.lang } : {}),
  };
}

/** The answer to a digest set or changed: its schedule, its next week, and what it would say today. */
function digestSet(
  reminder: DigestReminder,
  changed: boolean,
  dataset: Dataset,
  now: Date,
  context: RequestContext,
): Answer {
  const lang = context.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const where = reminder.channel.platform;
  const title = m(changed ? 'digest.updated' : 'digest.set', { where });
  const schedule = describeDigest(dataset, reminder, lang);
  const [next] = planDigest(reminder, new Date(now.getTime() + 1), new Date(now.getTime() + 8 * 86_400_000));
  const today = digestMessage({ digest: reminder, dataset, now, lang });
  const items: Item[] = [
    ...(next
      ? [{ label: m('digest.next'), text: formatInstant(next.dueAt, reminder.tz, lang), detail: schedule }]
      : []),
    { text: m('digest.today', { due: today.due, expired: today.expired }) },
    { text: m(reminder.always ? 'digest.always' : 'digest.quiet'), detail: m('digest.change', { id: reminder.id }) },
  ];
  return {
    kind: 'remind-digest',
    outcome: 'answered',
    title,
    subtitle: m('digest.id', { id: reminder.id }),
    sections: [{ items }],
    actions: [
      { label: m('digest.allRenewals'), command: `renewals within ${reminder.withinDays}d`, kind: 'command' },
      stopAction(reminder, lang),
    ],
    summary: `${title}: ${schedule}`,
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
}
