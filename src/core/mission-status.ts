// Where a mission or sanctions regime stands at a given moment, read from its record: the mandate in force then,
// the days left, an expiry with no renewal recorded, or its end. Computed from "now", so `--now 2021-06-01` shows
// MINUSMA's 2021 mandate running and today's clock shows the mission closed.
import { sortedMandates } from '../dataset/calendar-events.js';
import type { Mandate, Mission, Provenance } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { Item } from './answer.js';
import type { AnswerContext } from './answer-context.js';
import { citeFact, citeFacts } from './cite.js';
import { daysUntil, formatDaysLeft, formatPartialDate, partialDateEnd, partialDateStart } from './format-date.js';
import { missionAcronym, missionName } from './names.js';
import { prose } from './prose.js';

/** A mission's state at one moment. */
export type MissionState =
  /** Nothing in the record was adopted yet at that moment. */
  | { phase: 'not-yet' }
  /** A mandate (or the measures) in force; `daysLeft` absent when open-ended. */
  | { phase: 'running'; mandate: Mandate | undefined; daysLeft?: number }
  /** The last recorded mandate has expired and no later one is recorded: never shown as upcoming. */
  | { phase: 'expired'; mandate: Mandate; daysAgo: number }
  /** The mandate has ended and the recorded end (withdrawal, liquidation) is still ahead. */
  | { phase: 'ending'; mandate: Mandate | undefined; daysLeft: number }
  /** The mission or regime has ended, per the record. */
  | { phase: 'ended'; mandate: Mandate | undefined };

/** The state of a mission at `now` (counted in `zone`). */
export function missionStateAt(mission: Mission, now: Date, zone: string): MissionState {
  const all = sortedMandates(mission);
  // Mandates adopted after "now" were not known then; undated ones are always counted.
  const known = all.filter((m) => !m.adopted || daysUntil(now, m.adopted, zone) <= 0);
  const mandate = known.at(-1);
  if (all.length > 0 && known.length === 0) return { phase: 'not-yet' };
  const end = mission.end;
  if (end && daysUntil(now, end.date, zone) <= 0) return { phase: 'ended', mandate };
  if (!mandate?.expires) return { phase: 'running', mandate };
  const days = daysUntil(now, mandate.expires, zone);
  if (days >= 0) return { phase: 'running', mandate, daysLeft: days };
  const endKnown = end && daysUntil(now, partialDateStart(end.as_of ?? mandate.expires), zone) <= 0;
  if (end && endKnown) return { phase: 'ending', mandate, daysLeft: daysUntil(now, end.date, zone) };
  return { phase: 'expired', mandate, daysAgo: -days };
}

/** "SCR 2531 (2020)", "résolution 2531 (2020)". */
export function scr(resolution: string, lang: Lang = DEFAULT_LANG): string {
  return t(lang, 'scr', { resolution });
}

/** The sourced milestones from today up to a mandate's expiry ("up for renewal in June", "the final extension"). */
export function milestonesAhead(ctx: AnswerContext, mission: Mission, expires: string): Mission['milestones'] {
  // Partial dates compare as text: "2021-06" sorts before "2021-06-30", so a month-only milestone of the expiry's
  // month counts.
  return mission.milestones.filter(
    (x) => daysUntil(ctx.now, partialDateEnd(x.date), ctx.zone) >= 0 && x.date <= expires,
  );
}

/** A milestone's text, in the answer's language, as a clause after "29 days left; …". */
export function milestoneClause(milestone: Mission['milestones'][number], lang: Lang = DEFAULT_LANG): string {
  const text = prose(milestone, 'text', lang, (s) => s.replace(/\.$/, ''));
  return /^(The|A|An|La|Le|Les|Un|Une) /.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** One line on a mission for a brief or the renewals list, with its citations; undefined before it existed. */
export function missionStatusItem(ctx: AnswerContext, mission: Mission): Item | undefined {
  const state = missionStateAt(mission, ctx.now, ctx.zone);
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const label = missionAcronym(mission, lang);
  const measures = mission.kind === 'sanctions-regime' ? 'yes' : 'no';
  const date = (d: string) => formatPartialDate(d, lang);
  const res = (r: string) => scr(r, lang);
  const clause = (x: Mission['milestones'][number]) => milestoneClause(x, lang);
  const under = (m: Mandate) => t(lang, 'mission.under', { measures, scr: res(m.resolution) });
  const cite = (m: Mandate | undefined) => (m ? [citeFact(dataset, m, lang)] : []);
  // A mandate and its milestones or end often share one source (the meeting that adopted and ended it): cited once.
  const citeAll = (m: Mandate | undefined, ...facts: Provenance[]) =>
    citeFacts(dataset, m ? [m, ...facts] : facts, lang);
  const semicolon = t(lang, 'punct.semicolon');
  switch (state.phase) {
    case 'not-yet':
      return undefined;
    case 'running': {
      const m = state.mandate;
      if (!m)
        return {
          label,
          text: t(lang, 'mission.statusOnly', { name: missionName(mission, lang), status: mission.status }),
          cite: [],
        };
      if (!m.expires) return { label, text: t(lang, 'mission.noExpiry', { under: under(m) }), cite: cite(m) };
      const next = milestonesAhead(ctx, mission, m.expires);
      return {
        label,
        text: t(lang, 'mission.runsTo', { under: under(m), measures, date: date(m.expires) }),
        detail: [formatDaysLeft(state.daysLeft ?? 0, lang), ...next.map(clause)].join(semicolon),
        cite: citeAll(m, ...next),
      };
    }
    case 'expired': {
      const m = state.mandate;
      // A later extension known only from an unverified report is not a recorded renewal, but it is not hidden either.
      const reported = mission.milestones.filter(
        (x) =>
          x.unverified &&
          (!m.adopted || x.date > m.adopted) &&
          daysUntil(ctx.now, partialDateStart(x.date), ctx.zone) <= 0,
      );
      // "as of" says how far the record goes, so nobody reads the gap as a fact about the Council.
      const first = cite(m)[0];
      const values = { under: under(m), measures, date: date(m.expires!) };
      return {
        label,
        text: first
          ? t(lang, 'mission.expiredAsOf', {
              ...values,
              asOf: t(lang, 'date.asOf', { date: first.asOf, precision: first.precision ?? 'none' }),
            })
          : t(lang, 'mission.expired', values),
        detail: [
          formatDaysLeft(-state.daysAgo, lang),
          ...reported.map((x) => t(lang, 'mission.unverifiedReport', { date: date(x.date), text: clause(x) })),
        ].join(semicolon),
        tone: 'warning',
        cite: citeAll(m, ...reported),
      };
    }
    case 'ending': {
      const m = state.mandate;
      const end = mission.end!;
      const ended = m?.expires
        ? t(lang, 'mission.mandateEnded', { date: date(m.expires), scr: res(m.resolution) })
        : '';
      return {
        label,
        text: t(lang, 'mission.endBy', { ended, text: prose(end, 'text', lang), date: date(end.date) }),
        detail: formatDaysLeft(state.daysLeft, lang),
        cite: citeAll(m, end),
      };
    }
    case 'ended':
      return endedItem(ctx, mission, state.mandate, label);
  }
}

/** "closed 31 December 2023: withdrawal completed; mandate ended 30 June 2023 (SCR 2690 (2023))". */
function endedItem(ctx: AnswerContext, mission: Mission, m: Mandate | undefined, label: string): Item {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const { dataset } = ctx;
  const end = mission.end!;
  const measures = mission.kind === 'sanctions-regime' ? 'yes' : 'no';
  // A mandate and its end often share one source (the meeting that adopted and ended it): cited once.
  const cite = citeFacts(dataset, m ? [m, end] : [end], lang);
  if (end.unverified) {
    // A planned end that no source confirms happened is not stated as "closed".
    const under = end.resolution ? t(lang, 'mission.endUnder', { scr: scr(end.resolution, lang) }) : '';
    return {
      label,
      text: t(lang, 'mission.endUnconfirmed', {
        text: prose(end, 'text', lang),
        date: formatPartialDate(end.date, lang),
        under,
        measures,
      }),
      tone: 'warning',
      cite,
    };
  }
  const parts = [
    `${prose(end, 'text', lang)}${end.resolution && end.resolution !== m?.resolution ? ` (${scr(end.resolution, lang)})` : ''}`,
  ];
  if (m?.expires && m.expires < end.date)
    parts.push(
      t(lang, 'mission.ranTo', {
        measures,
        date: formatPartialDate(m.expires, lang),
        scr: scr(m.resolution, lang),
      }),
    );
  else if (m) parts.push(t(lang, 'mission.lastRenewal', { measures, scr: scr(m.resolution, lang) }));
  return {
    label,
    text: t(lang, 'mission.ended', {
      status: mission.status,
      measures,
      date: formatPartialDate(end.date, lang),
      parts: parts.join(t(lang, 'punct.semicolon')),
    }),
    tone: 'past',
    cite,
  };
}
