// The answers of `remind` that set nothing: the channel already has that subscription, holds too many reminders, or
// the date is too far ahead. Through the message catalogue, in the answer's language.
import { DateTime } from 'luxon';
import type { Answer } from '../core/answer.js';
import type { RequestContext } from '../core/ports.js';
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { SubscriptionReminder } from './reminder.js';
import { describeSchedule, stopAction, targetName } from './reminder-message.js';

/** How far ahead a one-off may be set: a year 9999 is a typo, not a plan. */
export const MAX_YEARS_AHEAD = 5;

/** A plain answer: a title and lines of text. */
export function simple(kind: string, outcome: Answer['outcome'], title: string, lines: string[]): Answer {
  return { kind, outcome, title, sections: [{ items: lines.map((text) => ({ text })) }], actions: [], summary: title };
}

/**
 * The channel already has a subscription to this target (found before adding, or by the store when another
 * request added it a moment earlier). `sameSchedule`: the request asked for exactly it.
 */
export function alreadyReminded(
  same: SubscriptionReminder,
  dataset: Dataset,
  context: RequestContext,
  sameSchedule: boolean,
): Answer {
  const lang = context.lang ?? DEFAULT_LANG;
  const platform = context.channel?.platform ?? 'slack';
  const title = t(lang, 'reminders.already.title', { platform, target: targetName(dataset, same, lang) });
  const lines = [t(lang, 'reminders.already.existing', { id: same.id, schedule: describeSchedule(same, lang) })];
  if (!sameSchedule) lines.push(t(lang, 'reminders.already.change', { id: same.id }));
  return { ...simple('remind', 'answered', title, lines), actions: [stopAction(same, lang)] };
}

/** The channel holds as many reminders as it may. */
export function tooMany(kind: string, context: RequestContext, max: number): Answer {
  const lang = context.lang ?? DEFAULT_LANG;
  const platform = context.channel?.platform ?? 'slack';
  return simple(kind, 'usage', t(lang, 'reminders.full.title', { platform }), [
    t(lang, 'reminders.full.detail', { max }),
  ]);
}

/** The latest instant a one-off may be set for, from now. */
export function latestFireAt(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ years: MAX_YEARS_AHEAD }).toJSDate();
}

/** A one-off set further ahead than MAX_YEARS_AHEAD. */
export function tooFarAhead(context: RequestContext, now: Date, tz: string): Answer {
  const lang = context.lang ?? DEFAULT_LANG;
  const limit = DateTime.fromJSDate(latestFireAt(now), { zone: tz }).setLocale(lang).toFormat('d LLLL yyyy');
  return simple('remind-once', 'usage', t(lang, 'reminders.tooFar.title'), [
    t(lang, 'reminders.tooFar.detail', { years: MAX_YEARS_AHEAD, limit }),
  ]);
}
