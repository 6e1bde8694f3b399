// The country brief (`caac mali`): agenda listing, listed parties with codes in words and markers, action plans,
// missions relative to "now", latest figures, Council facts and the data's age, each fact with its source.
import type { Country, Mission, Party, Provenance } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Action, Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact, citeFacts } from '../cite.js';
import { comparePartialDates, daysUntil, formatPartialDate, partialDateStart } from '../format-date.js';
import { missionStatusItem } from '../mission-status.js';
import { countryName } from '../names.js';
import {
  lastPublishedReportYear,
  latestReportYear,
  listingFor,
  partiesOf,
  partyMarkers,
  partyShortName,
  spellCodes,
} from '../party-facts.js';
import { councilSection } from './country-council.js';
import { countryCommand, dataAgeLine, figureItem, latestFigures } from './country-facts.js';
import { nameIn, prose } from '../prose.js';

/** The brief on one country. */
export function countryBrief(ctx: AnswerContext, country: Country, note?: string): Answer {
  const { dataset } = ctx;
  const m = messages(ctx.lang ?? DEFAULT_LANG);
  const name = countryName(country, ctx.lang);
  const parties = partiesOf(dataset, country);
  const listingFacts: Provenance[] = parties.flatMap((p) => [...p.listings, ...p.not_listed]);
  const sections: Section[] = [];

  const year = latestReportYear(parties, lastPublishedReportYear(ctx.now));
  if (year !== undefined) sections.push(listedPartiesSection(ctx, country, parties, year));
  const plans = actionPlansSection(ctx, country);
  if (plans) sections.push(plans);
  const missions = missionsSection(ctx, country);
  if (missions) sections.push(missions);
  const figures = figuresSection(ctx, country);
  if (figures) sections.push(figures);
  const council = councilSection(ctx, country);
  if (council) sections.push(council);
  const gaps = gapsOf(ctx, country, parties);
  if (gaps.length > 0) sections.push(gapsSection(ctx, country, gaps));

  const subtitleParts: string[] = [];
  if (note) subtitleParts.push(note);
  if (country.in_annexes_since)
    subtitleParts.push(m('brief.inAnnexesSince', { year: String(country.in_annexes_since.year) }));
  // Absent annex data is a gap, not a fact: "not in the annexes" would read as "not listed" (DATA.md).
  else if (gaps.length > 0)
    subtitleParts.push(m('gap.notYet', { what: capitalize(gaps.map((g) => g.what).join(', ')) }));
  subtitleParts.push(
    dataAgeLine(
      ctx,
      listingFacts.length > 0 ? listingFacts : allFacts(ctx, country),
      listingFacts.length > 0 ? 'listing' : 'data',
    ),
  );

  // The party whose profile says most (an action plan, an affiliation) is the one offered next.
  const first = parties.find((p) => p.action_plan_marker?.value) ?? parties[0];
  const cmd = countryCommand(country);
  const sourcesFirst = gaps.length > 0 && !hasListings(parties);
  const actions: Action[] = [
    // With the brief mostly gaps, the sources of what it does hold come first.
    ...(sourcesFirst ? [{ label: m('action.sources'), command: `sources ${cmd}` }] : []),
    ...(country.recommendations.length > 0 ? [{ label: m('action.recommendations'), command: `recs ${cmd}` }] : []),
    ...(country.figures.length > 0 ? [{ label: m('action.figures'), command: `figures ${cmd}` }] : []),
    ...(sourcesFirst ? [] : [{ label: m('action.sources'), command: `sources ${cmd}` }]),
    ...(first ? [{ label: partyShortName(first), command: partyShortName(first).toLowerCase() }] : []),
    { label: m('action.renewals'), command: `renewals ${cmd}` },
    { label: m('action.remindHere'), command: `remind ${cmd}` },
  ];
  return {
    kind: 'country',
    outcome: 'answered',
    title: m('brief.title', { country: name }),
    subtitle: subtitleParts.join(' · '),
    sections,
    actions,
    summary: m('brief.summary', { country: name }),
  };
}

/** A kind of fact the dataset does not hold for a country yet, and where it is published. */
interface Gap {
  what: string;
  line: string;
}

function hasListings(parties: readonly Party[]): boolean {
  return parties.some((p) => p.listings.length > 0 || p.not_listed.length > 0);
}

/** What the brief cannot say for this country, in the brief's order. */
function gapsOf(ctx: AnswerContext, country: Country, parties: readonly Party[]): Gap[] {
  const m = messages(ctx.lang ?? DEFAULT_LANG);
  const gaps: Gap[] = [];
  if (!country.in_annexes_since && !hasListings(parties))
    gaps.push({ what: m('gap.annexListings'), line: m('gap.annexListings.line') });
  if (country.figures.length === 0) gaps.push({ what: m('gap.figures'), line: m('gap.figures.line') });
  if (country.recommendations.length === 0)
    gaps.push({ what: m('gap.recommendations'), line: m('gap.recommendations.line') });
  return gaps;
}

function gapsSection(ctx: AnswerContext, country: Country, gaps: readonly Gap[]): Section {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const items: Item[] = gaps.map((g) => ({
    label: capitalize(g.what),
    text: m('gap.notYet', { what: g.line }),
    tone: 'gap',
  }));
  // Point at where the missing facts are published: the newest annual report the dataset knows by its symbol.
  const report = [...ctx.dataset.events.values()]
    .filter((e) => e.kind === 'report' && e.symbol && daysUntil(ctx.now, partialDateStart(e.date), ctx.zone) <= 0)
    .sort((a, b) => comparePartialDates(a.date, b.date))
    .at(-1);
  const annual = report
    ? m('gap.annualReportNewest', { symbol: report.symbol ?? '', date: formatPartialDate(report.date, lang) })
    : m('gap.annualReport');
  items.push({
    label: m('gap.whereToLook'),
    text: m('gap.whereText', { annual, country: countryName(country, lang) }),
    ...(report ? { cite: [citeFact(ctx.dataset, report, lang)] } : {}),
  });
  return { heading: m('gap.heading'), items };
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function allFacts(ctx: AnswerContext, country: Country): Provenance[] {
  const missions = [...ctx.dataset.missions.values()].filter((m) => m.country === country.id);
  return [
    ...missions.flatMap((m) => [...m.mandates, ...m.chairs, ...(m.end ? [m.end] : [])]),
    ...(country.in_annexes_since ? [country.in_annexes_since] : []),
    ...country.figures,
    ...country.recommendations,
    ...country.lead_country,
    ...country.summaries,
  ];
}

function listedPartiesSection(ctx: AnswerContext, country: Country, parties: readonly Party[], year: number): Section {
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const reference = dataset.reference;
  const items: Item[] = [];
  for (const party of parties) {
    const listing = listingFor(party, year);
    if (!listing) continue;
    const marks = partyMarkers(reference, party);
    const within = party.within
      .map((w) => dataset.parties.get(w.party))
      .filter((p): p is Party => p !== undefined)
      .map((p) => m('brief.within', { party: partyShortName(p) }));
    const flags = [party.persistent_perpetrator, party.action_plan_marker].filter(
      (f): f is NonNullable<typeof f> => f?.value === true,
    );
    const item: Item = {
      label: `${listing.listed_as ? nameIn(listing, 'listed_as', lang) : partyShortName(party)}${marks ? ` ${marks}` : ''}`,
      text: spellCodes(reference, listing.codes, false, lang),
      cite: citeFacts(dataset, [listing, ...flags], lang),
    };
    if (within.length > 0) item.detail = within.join(', ');
    items.push(item);
  }
  for (const party of parties) {
    const not = party.not_listed.find((n) => n.report_year === year);
    if (not)
      items.push({
        label: partyShortName(party),
        text: m('brief.notListedIn', { year: String(year) }),
        tone: 'past',
        cite: [citeFact(dataset, not, lang)],
      });
  }
  const legend = markerLegend(ctx, country, parties);
  if (legend) items.push(legend);
  return { heading: m('brief.listedParties', { year: String(year) }), items };
}

function markerLegend(ctx: AnswerContext, country: Country, parties: readonly Party[]): Item | undefined {
  const { reference } = ctx.dataset;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const parts: string[] = [];
  if (parties.some((p) => p.action_plan_marker?.value)) {
    const symbol = reference.markers.action_plan.symbol;
    const plans = country.action_plans.map((a) =>
      m('punct.colon', {
        label: a.parties.map((id) => partyName(ctx, id)).join(', '),
        text: formatPartialDate(a.date, lang),
      }),
    );
    parts.push(
      plans.length > 0
        ? m('brief.legend.actionPlanWith', { symbol, plans: plans.join(m('punct.semicolon')) })
        : m('brief.legend.actionPlan', { symbol }),
    );
  }
  if (parties.some((p) => p.persistent_perpetrator?.value))
    parts.push(m('brief.legend.persistent', { symbol: reference.markers.persistent_perpetrator.symbol }));
  if (parts.length === 0) return undefined;
  const item: Item = { text: parts.join('   ') };
  if (reference.source) item.cite = [citeFact(ctx.dataset, { source: reference.source }, lang)];
  return item;
}

function partyName(ctx: AnswerContext, id: string): string {
  const p = ctx.dataset.parties.get(id);
  return p ? partyShortName(p) : id;
}

function actionPlansSection(ctx: AnswerContext, country: Country): Section | undefined {
  if (country.action_plans.length === 0) return undefined;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const items = [...country.action_plans]
    .sort((a, b) => comparePartialDates(a.date, b.date))
    .map(
      (a): Item => ({
        label: formatPartialDate(a.date, lang),
        text: prose(a, 'text', lang),
        cite: [citeFact(ctx.dataset, a, lang)],
      }),
    );
  return { heading: messages(lang)('brief.actionPlans'), items };
}

function missionsSection(ctx: AnswerContext, country: Country): Section | undefined {
  const missions = [...ctx.dataset.missions.values()].filter((m) => m.country === country.id).sort(missionOrder);
  const items = missions.map((m) => missionStatusItem(ctx, m)).filter((i): i is Item => i !== undefined);
  if (items.length === 0) return undefined;
  return { heading: messages(ctx.lang ?? DEFAULT_LANG)('brief.missions', { count: missions.length }), items };
}

function missionOrder(a: Mission, b: Mission): number {
  const rank = (m: Mission) =>
    m.kind === 'peace-operation' ? 0 : m.kind === 'political-mission' ? 1 : m.kind === 'other' ? 2 : 3;
  return rank(a) - rank(b) || a.acronym.localeCompare(b.acronym);
}

function figuresSection(ctx: AnswerContext, country: Country): Section | undefined {
  const m = messages(ctx.lang ?? DEFAULT_LANG);
  const figures = latestFigures(ctx, country);
  if (figures.length === 0) return undefined;
  const sources = [...new Set(figures.map((f) => f.source))];
  const only = sources.length === 1 ? ctx.dataset.sources.get(sources[0]!) : undefined;
  const heading = only
    ? m('brief.latestFiguresFrom', {
        source: only.symbol && !only.title.includes(only.symbol) ? `${only.title}, ${only.symbol}` : only.title,
      })
    : m('brief.latestFigures');
  return { heading, items: figures.map((f) => figureItem(ctx, f)) };
}
