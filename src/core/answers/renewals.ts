// `renewals [country]`: mandate expiries and other dated events, soonest first, with days remaining from the clock.
// Past ones are marked past; an active mission whose last recorded mandate has expired is listed apart, as
// "expired …; no renewal recorded in the dataset", and never as upcoming. Unverified facts carry their caveat.
import type { Country, Mission } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
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
import { countryName as nameOf, missionAcronym } from '../names.js';
import { prose, proseOf } from '../prose.js';
import { countryCommand } from './country-facts.js';

/** How long past events stay on the list when no country is named. */
const RECENT_PAST_DAYS = 90;

interface Dated {
  /** First day of the event's date, for sorting. */
  start: string;
  days: number;
  item: Item;
}

/** The renewals list for every country, or one; with `withinDays`, only what falls due in the next N days. */
export function renewals(ctx: AnswerContext, country?: Country, withinDays?: number): Answer {
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const date = (d: string) => formatPartialDate(d, lang);
  const daysLeft = (d: number) => formatDaysLeft(d, lang);
  const semicolon = m('punct.semicolon');
  const upcoming: Dated[] = [];
  const past: Dated[] = [];
  const expired: Dated[] = [];
  const noExpiry: Item[] = [];
  const inScope = (id: string | undefined) => !country || id === country.id;

  for (const mission of dataset.missions.values()) {
    if (!inScope(mission.country)) continue;
    const state = missionStateAt(mission, ctx.now, ctx.zone);
    const where = country ? '' : countryName(ctx, mission);
    const acronym = missionAcronym(mission, lang);
    if (state.phase === 'running' && state.mandate?.expires) {
      const mandate = state.mandate;
      const days = state.daysLeft ?? 0;
      const next = milestonesAhead(ctx, mission, mandate.expires!);
      const measures = mission.kind === 'sanctions-regime' ? 'yes' : 'no';
      upcoming.push({
        start: mandate.expires!,
        days,
        item: {
          label: date(mandate.expires!),
          text: `${m('renewals.expiryTitle', { measures, acronym })} (${scr(mandate.resolution, lang)})${where}`,
          detail: [daysLeft(days), ...next.map((x) => milestoneClause(x, lang))].join(semicolon),
          cite: citeFacts(dataset, [mandate, ...next], lang),
        },
      });
    } else if (state.phase === 'running' && state.mandate && mission.status === 'active') {
      // A running mission or regime whose current decision records no expiry: said, not silently left out.
      const mandate = state.mandate;
      noExpiry.push({
        label: acronym,
        text: `${m('renewals.noExpiryLine', { scr: scr(mandate.resolution, lang) })}${where}`,
        detail: proseOf(mandate, 'unverified', lang) ?? proseOf(mandate, 'summary', lang) ?? '',
        cite: [citeFact(dataset, mandate, lang)],
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
          label: date(mission.end.date),
          text: `${m('punct.colon', { label: acronym, text: prose(mission.end, 'text', lang) })}${where}`,
          detail: daysLeft(state.daysLeft),
          cite: [citeFact(dataset, mission.end, lang)],
        },
      });
    } else if (state.phase === 'ended' && mission.end) {
      const days = daysUntil(ctx.now, mission.end.date, ctx.zone);
      past.push({
        start: mission.end.date,
        days,
        item: {
          label: date(mission.end.date),
          text: `${m('punct.colon', { label: acronym, text: prose(mission.end, 'text', lang) })}${where}`,
          detail: m('renewals.past', { days: daysLeft(days) }),
          tone: 'past',
          cite: [citeFact(dataset, mission.end, lang)],
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
    const eventCountry = countryId ? dataset.countries.get(countryId) : undefined;
    const where = !country && countryId ? ` — ${eventCountry ? nameOf(eventCountry, lang) : countryId}` : '';
    const text = `${prose(event, 'title', lang)}${event.symbol ? ` (${event.symbol})` : ''}${where}`;
    const cite = [citeFact(dataset, event, lang)];
    if (daysToEnd < 0) {
      past.push({
        start,
        days: daysToEnd,
        item: {
          label: date(event.date),
          text,
          detail: m('renewals.past', { days: daysLeft(daysToEnd) }),
          tone: 'past',
          cite,
        },
      });
    } else {
      const detail = precise
        ? daysLeft(daysToStart)
        : daysToStart <= 0
          ? m('renewals.monthOrYear')
          : m('renewals.from', { days: daysLeft(daysToStart) });
      upcoming.push({ start, days: daysToStart, item: { label: date(event.date), text, detail, cite } });
    }
  }

  // Same-day events in the order of their text, so that the list reads the same on every run and platform.
  const byText = (a: Dated, b: Dated) => a.item.text.localeCompare(b.item.text);
  upcoming.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : byText(a, b)));
  past.sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : byText(a, b)));
  // The most recently expired first: the likeliest to have a renewal the dataset has not caught up with yet.
  expired.sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : byText(a, b)));
  for (const d of [...upcoming, ...past]) markUnverified(d.item, m('renewals.unverified'), semicolon);
  // Within a horizon (the digest, Workflow Builder's step): what falls due by then, and no past events; what has
  // expired with no renewal recorded stays listed, flagged, since it may be due any day.
  const soon = withinDays === undefined ? upcoming : upcoming.filter((u) => u.days <= withinDays);
  const shownPast = withinDays !== undefined ? [] : country ? past : past.filter((p) => -p.days <= RECENT_PAST_DAYS);

  const sections: Section[] = [];
  sections.push({
    heading: withinDays === undefined ? m('renewals.comingUp') : m('renewals.comingUpWithin', { days: withinDays }),
    items:
      soon.length > 0
        ? soon.map((u) => u.item)
        : [
            {
              text:
                withinDays === undefined ? m('renewals.nothing') : m('renewals.nothingWithin', { days: withinDays }),
              tone: 'gap',
            },
          ],
  });
  if (expired.length > 0) sections.push({ heading: m('renewals.expired'), items: expired.map((e) => e.item) });
  if (noExpiry.length > 0)
    sections.push({
      heading: m('renewals.noExpiry'),
      items: noExpiry.sort((a, b) => a.label!.localeCompare(b.label!)),
    });
  if (shownPast.length > 0)
    sections.push({
      heading: country ? m('renewals.pastHeading') : m('renewals.pastRecent', { days: RECENT_PAST_DAYS }),
      items: shownPast.map((p) => p.item),
    });

  const actions: Action[] = [];
  if (country) {
    actions.push(
      { label: nameOf(country, lang), command: countryCommand(country) },
      { label: m('action.remindHere'), command: `remind ${countryCommand(country)}` },
    );
  } else {
    actions.push({ label: m('action.help'), command: 'help' });
  }
  const next = soon[0];
  return {
    kind: 'renewals',
    outcome: 'answered',
    title: country ? m('renewals.title', { country: nameOf(country, lang) }) : m('renewals.titleAll'),
    subtitle: m('renewals.subtitle', { date: date(todayIn(ctx.now, ctx.zone)), zone: ctx.zone }),
    sections,
    actions,
    summary: next
      ? m('renewals.next', { text: next.item.text, date: next.item.label ?? '', detail: next.item.detail ?? '' })
      : m('renewals.noneSummary'),
  };
}

/** Says in the line itself, not only in the source list, that a date is not confirmed by a primary source. */
function markUnverified(item: Item, unverified: string, semicolon: string): void {
  if (item.cite?.some((c) => c.unverified))
    item.detail = `${item.detail ? `${item.detail}${semicolon}` : ''}${unverified}`;
}

function countryName(ctx: AnswerContext, mission: Mission): string {
  const country = ctx.dataset.countries.get(mission.country);
  return ` — ${country ? nameOf(country, ctx.lang) : mission.country}`;
}
