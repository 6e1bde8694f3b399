// Where a mission or sanctions regime stands at a given moment, read from its record: the mandate in force then,
// the days left, an expiry with no renewal recorded, or its end. Computed from "now", so `--now 2021-06-01` shows
// MINUSMA's 2021 mandate running and today's clock shows the mission closed.
import { sortedMandates } from '../dataset/calendar-events.js';
import type { Mandate, Mission, Provenance } from '../dataset/schema.js';
import type { Item } from './answer.js';
import type { AnswerContext } from './answer-context.js';
import { citeFact, citeFacts } from './cite.js';
import { daysUntil, formatDaysLeft, formatPartialDate, partialDateEnd, partialDateStart } from './format-date.js';

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

/** "SCR 2531 (2020)". */
export function scr(resolution: string): string {
  return `SCR ${resolution}`;
}

/** The sourced milestones from today up to a mandate's expiry ("up for renewal in June", "the final extension"). */
export function milestonesAhead(ctx: AnswerContext, mission: Mission, expires: string): Mission['milestones'] {
  // Partial dates compare as text: "2021-06" sorts before "2021-06-30", so a month-only milestone of the expiry's
  // month counts.
  return mission.milestones.filter(
    (x) => daysUntil(ctx.now, partialDateEnd(x.date), ctx.zone) >= 0 && x.date <= expires,
  );
}

/** A milestone's text as a clause after "29 days left; …". */
export function milestoneClause(milestone: Mission['milestones'][number]): string {
  const text = milestone.text.replace(/\.$/, '');
  return /^(The|A|An) /.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** One line on a mission for a brief or the renewals list, with its citations; undefined before it existed. */
export function missionStatusItem(ctx: AnswerContext, mission: Mission): Item | undefined {
  const state = missionStateAt(mission, ctx.now, ctx.zone);
  const { dataset } = ctx;
  const name = mission.acronym;
  const measures = mission.kind === 'sanctions-regime';
  const cite = (m: Mandate | undefined) => (m ? [citeFact(dataset, m)] : []);
  // A mandate and its milestones or end often share one source (the meeting that adopted and ended it): cited once.
  const citeAll = (m: Mandate | undefined, ...facts: Provenance[]) => citeFacts(dataset, m ? [m, ...facts] : facts);
  switch (state.phase) {
    case 'not-yet':
      return undefined;
    case 'running': {
      const m = state.mandate;
      if (!m) return { label: name, text: `${mission.name}: ${mission.status}`, cite: [] };
      const under = `${measures ? 'measures' : 'mandate'} under ${scr(m.resolution)}`;
      if (!m.expires) return { label: name, text: `${under}, no expiry date recorded`, cite: cite(m) };
      const next = milestonesAhead(ctx, mission, m.expires);
      return {
        label: name,
        text: `${under} ${measures ? 'run' : 'runs'} to ${formatPartialDate(m.expires)}`,
        detail: [formatDaysLeft(state.daysLeft ?? 0), ...next.map(milestoneClause)].join('; '),
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
      const asOf = cite(m)[0]?.asOf;
      return {
        label: name,
        text: `${measures ? 'measures' : 'mandate'} under ${scr(m.resolution)} expired on ${formatPartialDate(m.expires!)}; no renewal recorded in the dataset${asOf ? ` (as of ${asOf})` : ''}`,
        detail: [
          formatDaysLeft(-state.daysAgo),
          ...reported.map((x) => `unverified, ${formatPartialDate(x.date)}: ${milestoneClause(x)}`),
        ].join('; '),
        tone: 'warning',
        cite: citeAll(m, ...reported),
      };
    }
    case 'ending': {
      const m = state.mandate;
      const end = mission.end!;
      const ended = m?.expires ? `mandate ended ${formatPartialDate(m.expires)} (${scr(m.resolution)}); ` : '';
      return {
        label: name,
        text: `${ended}${end.text} by ${formatPartialDate(end.date)}`,
        detail: formatDaysLeft(state.daysLeft),
        cite: citeAll(m, end),
      };
    }
    case 'ended': {
      const m = state.mandate;
      const end = mission.end!;
      if (end.unverified) {
        // A planned end that no source confirms happened is not stated as "closed".
        return {
          label: name,
          text: `${end.text}: ${formatPartialDate(end.date)}${end.resolution ? ` under ${scr(end.resolution)}` : ''}; that it ${measures ? 'ended' : 'closed'} is not confirmed in the dataset`,
          tone: 'warning',
          cite: citeAll(m, end),
        };
      }
      // "closed 31 December 2023: withdrawal completed; mandate ended 30 June 2023 (SCR 2690 (2023))"
      const parts = [
        `${end.text}${end.resolution && end.resolution !== m?.resolution ? ` (${scr(end.resolution)})` : ''}`,
      ];
      if (m?.expires && m.expires < end.date)
        parts.push(
          `${measures ? 'measures ran to' : 'mandate ended'} ${formatPartialDate(m.expires)} (${scr(m.resolution)})`,
        );
      else if (m) parts.push(`last ${measures ? 'renewal' : 'mandate'} ${scr(m.resolution)}`);
      return {
        label: name,
        text: `${mission.status} ${formatPartialDate(end.date)}: ${parts.join('; ')}`,
        tone: 'past',
        cite: citeAll(m, end),
      };
    }
  }
}
