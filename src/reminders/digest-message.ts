// The message a weekly digest posts: the core's renewals answer within the digest's horizon (every mandate expiry and
// dated event in the next N days, soonest first, with days left and sources; what expired with no renewal recorded
// flagged), for the digest's countries or all, written in the channel's language and rendered like every answer.
// It is not rebuilt here: `renewals … within Nd` is the one place that decides what falls due.
import type { Action, Answer, Section } from '../core/answer.js';
import type { AnswerContext } from '../core/answer-context.js';
import { type RenewalsParts, renewalsParts } from '../core/answers/renewals.js';
import { countryName } from '../core/names.js';
import type { Country, Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { messages, t } from '../i18n/translate.js';
import type { DigestReminder } from './reminder.js';
import { stopAction } from './reminder-message.js';

const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A digest's message, and whether its week has anything to say (something falls due, or expired unrenewed). */
export interface DigestPost {
  answer: Answer;
  due: number;
  expired: number;
  /** False for a week with nothing to say: not posted unless the digest asked for `always`. */
  hasNews: boolean;
}

/** The countries a digest follows that the dataset still has, in the order given. */
export function digestCountries(dataset: Dataset, digest: Pick<DigestReminder, 'countries'>): Country[] {
  return digest.countries.flatMap((id) => {
    const country = dataset.countries.get(id);
    return country ? [country] : [];
  });
}

/** "Mali, Democratic Republic of the Congo" or "all countries", in the channel's language (an id if it is gone). */
export function digestScope(dataset: Dataset, digest: Pick<DigestReminder, 'countries'>, lang: Lang): string {
  if (digest.countries.length === 0) return t(lang, 'digest.allCountries');
  // A country no longer in the dataset is named by its id rather than silently dropped.
  return digest.countries
    .map((id) => {
      const country = dataset.countries.get(id);
      return country ? countryName(country, lang) : id;
    })
    .join(', ');
}

/** "Mondays at 09:00 Europe/Paris, the next 30 days, all countries": how a digest is set. */
export function describeDigest(dataset: Dataset, digest: DigestReminder, lang: Lang = DEFAULT_LANG): string {
  return t(lang, 'digest.schedule', {
    day: DAY_KEYS[digest.weekday - 1] ?? 'mon',
    at: digest.at,
    tz: digest.tz,
    days: digest.withinDays,
    scope: digestScope(dataset, digest, lang),
    always: digest.always ? 'yes' : 'no',
  });
}

/** The renewals answer within the digest's horizon, for its countries (the dataset seen through them) or all. */
function renewalsWithin(ctx: AnswerContext, digest: DigestReminder): RenewalsParts {
  const countries = digestCountries(ctx.dataset, digest);
  if (countries.length === 1) return renewalsParts(ctx, countries[0], digest.withinDays);
  if (digest.countries.length === 0) return renewalsParts(ctx, undefined, digest.withinDays);
  // Several countries: the all-countries list (each line naming its country) over only their missions and events.
  const ids = new Set(countries.map((c) => c.id));
  const { dataset } = ctx;
  const missions = new Map([...dataset.missions].filter(([, m]) => ids.has(m.country)));
  const events = new Map(
    [...dataset.events].filter(([, e]) => {
      const country = e.country ?? (e.mission ? dataset.missions.get(e.mission)?.country : undefined);
      return country !== undefined && ids.has(country);
    }),
  );
  return renewalsParts({ ...ctx, dataset: { ...dataset, missions, events } }, undefined, digest.withinDays);
}

/** The digest of the week, as of `now`. */
export function digestMessage(input: { digest: DigestReminder; dataset: Dataset; now: Date; lang?: Lang }): DigestPost {
  const { digest, dataset, now } = input;
  const lang = input.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const {
    answer: listed,
    comingUp,
    due,
    expired: expiredSection,
  } = renewalsWithin({ dataset, now, zone: digest.tz, lang }, digest);
  // What falls due (a gap line when nothing does) and what expired unrenewed; the section of regimes with no expiry
  // recorded is left out: it never changes week to week.
  const expired = expiredSection?.items.length ?? 0;
  const sections: Section[] = [
    comingUp,
    ...(expiredSection ? [expiredSection] : []),
    {
      items: [
        {
          text: m('digest.footer', { where: digest.channel.platform, schedule: describeDigest(dataset, digest, lang) }),
          detail: m('digest.id', { id: digest.id }),
        },
      ],
    },
  ];
  const actions: Action[] = [
    { label: m('digest.allRenewals'), command: `renewals within ${digest.withinDays}d`, kind: 'command' },
    stopAction(digest, lang),
  ];
  const answer: Answer = {
    kind: 'digest',
    outcome: 'answered',
    title: m('digest.title', { days: digest.withinDays }),
    subtitle: `${digestScope(dataset, digest, lang)} · ${listed.subtitle ?? ''}`,
    sections,
    actions,
    summary: m('digest.summary', { due, expired, days: digest.withinDays }),
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
  return { answer, due, expired, hasNews: due > 0 || expired > 0 };
}
