// `renewals [country]`: mandate expiries and other dated events, soonest first, with days remaining from the clock.
// Past ones are marked past; an active mission whose last recorded mandate has expired is listed apart, as
// "expired …; no renewal recorded in the dataset", and never as upcoming. Unverified facts carry their caveat.
import type { Country, DatedEvent, Mission } from '../../dataset/schema.js';
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

/** What every part of one renewals answer shares: the context, the country asked about, and the language's words. */
interface Renewing {
  ctx: AnswerContext;
  country: Country | undefined;
  m: ReturnType<typeof messages>;
  date: (d: string) => string;
  daysLeft: (d: number) => string;
}

/** The dated items of one answer, by list, before sorting. */
interface Lists {
  upcoming: Dated[];
  past: Dated[];
  expired: Dated[];
  noExpiry: Item[];
}

/** The renewals list for every country, or one; with `withinDays`, only what falls due in the next N days. */
export function renewals(ctx: AnswerContext, country?: Country, withinDays?: number): Answer {
  return renewalsParts(ctx, country, withinDays).answer;
}

/** The renewals answer, with its parts named: what falls due (its section and count), what expired unrenewed. */
export interface RenewalsParts {
  answer: Answer;
  comingUp: Section;
  due: number;
  expired?: Section;
}

/** renewals(), with the sections a caller picks from (the weekly digest) named rather than found by heading. */
export function renewalsParts(ctx: AnswerContext, country?: Country, withinDays?: number): RenewalsParts {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const r: Renewing = {
    ctx,
    country,
    m,
    date: (d) => formatPartialDate(d, lang),
    daysLeft: (d) => formatDaysLeft(d, lang),
  };
  const lists: Lists = { upcoming: [], past: [], expired: [], noExpiry: [] };
  for (const mission of ctx.dataset.missions.values()) addMission(r, mission, lists);
  for (const event of ctx.dataset.events.values()) addEvent(r, event, lists);
  const { upcoming, past, expired } = lists;
  const semicolon = m('punct.semicolon');
  // Same-day events in the order of their text, so that the list reads the same on every run and platform.
  const byText = (a: Dated, b: Dated) => a.item.text.localeCompare(b.item.text);
  upcoming.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : byText(a, b)));
  past.sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : byText(a, b)));
  // The most recently expired first: the likeliest to have a renewal the dataset has not caught up with yet.
  expired.sort((a, b) => (a.start > b.start ? -1 : a.start < b.start ? 1 : byText(a, b)));
  for (const d of [...upcoming, ...past]) markUnverified(d.item, m('renewals.unverified'), semicolon);
  const { sections, soon, comingUp, expired: expiredSection } = renewalSections(r, lists, withinDays);

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
  const answer: Answer = {
    kind: 'renewals',
    outcome: 'answered',
    title: country ? m('renewals.title', { country: nameOf(country, lang) }) : m('renewals.titleAll'),
    subtitle: m('renewals.subtitle', { date: r.date(todayIn(ctx.now, ctx.zone)), zone: ctx.zone }),
    sections,
    actions,
    summary: next
      ? m('renewals.next', { text: next.item.text, date: next.item.label ?? '', detail: next.item.detail ?? '' })
      : m('renewals.noneSummary'),
  };
  return { answer, comingUp, due: soon.length, ...(expiredSection ? { expired: expiredSection } : {}) };
}

/** The answer's sections: coming up (within the horizon, if any), expired with no renewal, no expiry, recent past. */
function renewalSections(
  { m, country }: Renewing,
  { upcoming, past, expired, noExpiry }: Lists,
  withinDays: number | undefined,
): { sections: Section[]; soon: Dated[]; comingUp: Section; expired?: Section } {
  // Within a horizon (the digest, Workflow Builder's step): what falls due by then, and no past events; what has
  // expired with no renewal recorded stays listed, flagged, since it may be due any day.
  const soon = withinDays === undefined ? upcoming : upcoming.filter((u) => u.days <= withinDays);
  const shownPast = withinDays !== undefined ? [] : country ? past : past.filter((p) => -p.days <= RECENT_PAST_DAYS);

  const comingUp: Section = {
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
  };
  const expiredSection =
    expired.length > 0 ? { heading: m('renewals.expired'), items: expired.map((e) => e.item) } : undefined;
  const sections: Section[] = [comingUp, ...(expiredSection ? [expiredSection] : [])];
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

  return { sections, soon, comingUp, ...(expiredSection ? { expired: expiredSection } : {}) };
}

/** A mission's line, if any: its expiry ahead, its running decision with no expiry, its lapse, or its end. */
function addMission(r: Renewing, mission: Mission, { upcoming, past, expired, noExpiry }: Lists): void {
  const { ctx, country, m, date, daysLeft } = r;
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const semicolon = m('punct.semicolon');
  if (country && mission.country !== country.id) return;
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

/** A dated event's line: past once its date is over, else upcoming (from its start when known to the month only). */
function addEvent(r: Renewing, event: DatedEvent, { upcoming, past }: Lists): void {
  const { ctx, country, m, date, daysLeft } = r;
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const countryId = event.country ?? (event.mission ? dataset.missions.get(event.mission)?.country : undefined);
  if (country && countryId !== country.id) return;
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

/** Says in the line itself, not only in the source list, that a date is not confirmed by a primary source. */
function markUnverified(item: Item, unverified: string, semicolon: string): void {
  if (item.cite?.some((c) => c.unverified))
    item.detail = `${item.detail ? `${item.detail}${semicolon}` : ''}${unverified}`;
}

function countryName(ctx: AnswerContext, mission: Mission): string {
  const country = ctx.dataset.countries.get(mission.country);
  return ` — ${country ? nameOf(country, ctx.lang) : mission.country}`;
}
