// `renewals [country]`: mandate expiries and other dated events, soonest first, with days remaining from the clock.
// Past ones are marked past; an active mission whose last recorded mandate has expired is listed apart, as
// "expired …; no renewal recorded in the dataset", and never as upcoming. Unverified facts carry their caveat.
import { expiryTitle } from '../../dataset/calendar-events.js';
import type { Country, Mission } from '../../dataset/schema.js';
import type { Action, Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact, citeFacts } from '../cite.js';
import {
  daysUntil,
  formatDaysLeft,
  formatPartialDate,
  partialDateEnd,
  partialDateStart,
  todayIn,
} from '../format-date.js';
import { milestoneClause, milestonesAhead, missionStateAt, missionStatusItem, scr } from '../mission-status.js';
import { countryCommand } from './country-brief.js';

/** How long past events stay on the list when no country is named. */
const RECENT_PAST_DAYS = 90;

interface Dated {
  /** First day of the event's date, for sorting. */
  start: string;
  days: number;
  item: Item;
}

/** The renewals list for every country, or one. */
export function renewals(ctx: AnswerContext, country?: Country): Answer {
  const { dataset } = ctx;
  const upcoming: Dated[] = [];
  const past: Dated[] = [];
  const expired: Dated[] = [];
  const inScope = (id: string | undefined) => !country || id === country.id;

  for (const mission of dataset.missions.values()) {
    if (!inScope(mission.country)) continue;
    const state = missionStateAt(mission, ctx.now, ctx.zone);
    const where = country ? '' : countryName(ctx, mission);
    if (state.phase === 'running' && state.mandate?.expires) {
      const m = state.mandate;
      const days = state.daysLeft ?? 0;
      const next = milestonesAhead(ctx, mission, m.expires!);
      upcoming.push({
        start: m.expires!,
        days,
        item: {
          label: formatPartialDate(m.expires!),
          text: `${expiryTitle(mission)} (${scr(m.resolution)})${where}`,
          detail: [formatDaysLeft(days), ...next.map(milestoneClause)].join('; '),
          cite: citeFacts(dataset, [m, ...next]),
        },
      });
    } else if (state.phase === 'expired') {
      const item = missionStatusItem(ctx, mission);
      if (item)
        expired.push({
          start: state.mandate.expires!,
          days: -state.daysAgo,
          item: { ...item, text: `${item.text}${where}` },
        });
    } else if (state.phase === 'ending' && mission.end) {
      upcoming.push({
        start: mission.end.date,
        days: state.daysLeft,
        item: {
          label: formatPartialDate(mission.end.date),
          text: `${mission.acronym}: ${mission.end.text}${where}`,
          detail: formatDaysLeft(state.daysLeft),
          cite: [citeFact(dataset, mission.end)],
        },
      });
    } else if (state.phase === 'ended' && mission.end) {
      const days = daysUntil(ctx.now, mission.end.date, ctx.zone);
      past.push({
        start: mission.end.date,
        days,
        item: {
          label: formatPartialDate(mission.end.date),
          text: `${mission.acronym}: ${mission.end.text}${where}`,
          detail: `past, ${formatDaysLeft(days)}`,
          tone: 'past',
          cite: [citeFact(dataset, mission.end)],
        },
      });
    }
  }

  for (const event of dataset.events.values()) {
    const countryId = event.country ?? (event.mission ? dataset.missions.get(event.mission)?.country : undefined);
    if (country && countryId !== country.id) continue;
    const start = partialDateStart(event.date);
    const daysToStart = daysUntil(ctx.now, start, ctx.zone);
    const daysToEnd = daysUntil(ctx.now, partialDateEnd(event.date), ctx.zone);
    const precise = event.date.length === 10;
    const text = `${event.title}${event.symbol ? ` (${event.symbol})` : ''}${!country && countryId ? ` — ${dataset.countries.get(countryId)?.name ?? countryId}` : ''}`;
    const cite = [citeFact(dataset, event)];
    if (daysToEnd < 0) {
      past.push({
        start,
        days: daysToEnd,
        item: {
          label: formatPartialDate(event.date),
          text,
          detail: `past, ${formatDaysLeft(daysToEnd)}`,
          tone: 'past',
          cite,
        },
      });
    } else {
      const detail = precise
        ? formatDaysLeft(daysToStart)
        : daysToStart <= 0
          ? 'this month or year; day not recorded'
          : `from ${formatDaysLeft(daysToStart)}; day not recorded`;
      upcoming.push({ start, days: daysToStart, item: { label: formatPartialDate(event.date), text, detail, cite } });
    }
  }

  // Same-day events in the order of their text, so that the list reads the same on every run and platform.
  const byText = (a: Dated, b: Dated) => a.item.text.localeCompare(b.item.text);
  upcoming.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : byText(a, b)));
  past.sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : byText(a, b)));
  // The most recently expired first: the likeliest to have a renewal the dataset has not caught up with yet.
  expired.sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : byText(a, b)));
  for (const d of [...upcoming, ...past]) markUnverified(d.item);
  const shownPast = country ? past : past.filter((p) => -p.days <= RECENT_PAST_DAYS);

  const sections: Section[] = [];
  sections.push({
    heading: 'Coming up',
    items:
      upcoming.length > 0 ? upcoming.map((u) => u.item) : [{ text: 'Nothing upcoming in the dataset.', tone: 'gap' }],
  });
  if (expired.length > 0) sections.push({ heading: 'Expired, no renewal recorded', items: expired.map((e) => e.item) });
  if (shownPast.length > 0)
    sections.push({
      heading: country ? 'Past' : `Past (last ${RECENT_PAST_DAYS} days)`,
      items: shownPast.map((p) => p.item),
    });

  const actions: Action[] = [];
  if (country) {
    actions.push(
      { label: country.name, command: countryCommand(country) },
      { label: 'Remind here', command: `remind ${countryCommand(country)}` },
    );
  } else {
    actions.push({ label: 'Help', command: 'help' });
  }
  const next = upcoming[0];
  return {
    kind: 'renewals',
    outcome: 'answered',
    title: country ? `Renewals and dated events — ${country.name}` : 'Renewals and dated events',
    subtitle: `as of ${formatPartialDate(todayIn(ctx.now, ctx.zone))} (${ctx.zone}), soonest first`,
    sections,
    actions,
    summary: next
      ? `Next: ${next.item.text}, ${next.item.label} (${next.item.detail})`
      : 'No upcoming dated events in the dataset',
  };
}

/** Says in the line itself, not only in the source list, that a date is not confirmed by a primary source. */
function markUnverified(item: Item): void {
  if (item.cite?.some((c) => c.unverified)) item.detail = `${item.detail ? `${item.detail}; ` : ''}unverified`;
}

function countryName(ctx: AnswerContext, mission: Mission): string {
  return ` — ${ctx.dataset.countries.get(mission.country)?.name ?? mission.country}`;
}
