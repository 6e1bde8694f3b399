// Where a mission or sanctions regime stands at a given moment, read from its record: the mandate in force then,
// the days left, an expiry with no renewal recorded, or its end. Computed from "now", so `--now 2021-06-01` shows
// MINUSMA's 2021 mandate running and today's clock shows the mission closed.
import { sortedMandates } from '../dataset/calendar-events.js';
import type { Mandate, Mission } from '../dataset/schema.js';
import type { Item } from './answer.js';
import type { AnswerContext } from './answer-context.js';
import { citeFact } from './cite.js';
import { daysUntil, formatDaysLeft, formatPartialDate, partialDateStart } from './format-date.js';

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

/** One line on a mission for a brief or the renewals list, with its citations; undefined before it existed. */
export function missionStatusItem(ctx: AnswerContext, mission: Mission): Item | undefined {
  const state = missionStateAt(mission, ctx.now, ctx.zone);
  const { dataset } = ctx;
  const name = mission.acronym;
  const measures = mission.kind === 'sanctions-regime';
  const cite = (m: Mandate | undefined) => (m ? [citeFact(dataset, m)] : []);
  switch (state.phase) {
    case 'not-yet':
      return undefined;
    case 'running': {
      const m = state.mandate;
      if (!m) return { label: name, text: `${mission.name}: ${mission.status}`, cite: [] };
      const under = `${measures ? 'measures' : 'mandate'} under ${scr(m.resolution)}`;
      if (!m.expires) return { label: name, text: `${under}, no expiry date recorded`, cite: cite(m) };
      return {
        label: name,
        text: `${under} ${measures ? 'run' : 'runs'} to ${formatPartialDate(m.expires)}`,
        detail: formatDaysLeft(state.daysLeft ?? 0),
        cite: cite(m),
      };
    }
    case 'expired': {
      const m = state.mandate;
      return {
        label: name,
        text: `${measures ? 'measures' : 'mandate'} under ${scr(m.resolution)} expired on ${formatPartialDate(m.expires!)}; no renewal recorded in the dataset`,
        detail: formatDaysLeft(-state.daysAgo),
        tone: 'warning',
        cite: cite(m),
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
        cite: [...cite(m), citeFact(dataset, end)],
      };
    }
    case 'ended': {
      const m = state.mandate;
      const end = mission.end!;
      // "closed 31 December 2023: withdrawal completed; mandate ended 30 June 2023 (SCR 2690 (2023))"
      const parts = [`${end.text}${end.resolution && end.resolution !== m?.resolution ? ` (${scr(end.resolution)})` : ''}`];
      if (m?.expires && m.expires < end.date) parts.push(`${measures ? 'measures ran to' : 'mandate ended'} ${formatPartialDate(m.expires)} (${scr(m.resolution)})`);
      else if (m) parts.push(`last ${measures ? 'renewal' : 'mandate'} ${scr(m.resolution)}`);
      return {
        label: name,
        text: `${mission.status} ${formatPartialDate(end.date)}: ${parts.join('; ')}`,
        tone: 'past',
        cite: [...cite(m), citeFact(dataset, end)],
      };
    }
  }
}

