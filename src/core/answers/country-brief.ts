// The country brief (`caac mali`): agenda listing, listed parties with codes in words and markers, action plans,
// missions relative to "now", latest figures, Council facts and the data's age, each fact with its source.
import { asOfOf } from '../../dataset/calendar-events.js';
import { countryCommandName } from '../../dataset/resolver.js';
import type { Country, DatedValue, Figure, Mission, Party, Provenance } from '../../dataset/schema.js';
import type { Action, Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact, citeFacts } from '../cite.js';
import { comparePartialDates, daysUntil, formatDataAge, formatPartialDate, partialDateStart } from '../format-date.js';
import { missionStateAt, missionStatusItem } from '../mission-status.js';
import {
  lastPublishedReportYear,
  latestReportYear,
  listingFor,
  partiesOf,
  partyMarkers,
  partyShortName,
  spellCodes,
} from '../party-facts.js';

/** The brief on one country. */
export function countryBrief(ctx: AnswerContext, country: Country, note?: string): Answer {
  const { dataset } = ctx;
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
  const gaps = gapsOf(country, parties);
  if (gaps.length > 0) sections.push(gapsSection(ctx, country, gaps));

  const subtitleParts: string[] = [];
  if (note) subtitleParts.push(note);
  if (country.in_annexes_since)
    subtitleParts.push(`In the Secretary-General's annexes since ${country.in_annexes_since.year}`);
  // Absent annex data is a gap, not a fact: "not in the annexes" would read as "not listed" (DATA.md).
  else if (gaps.length > 0)
    subtitleParts.push(`${capitalize(gaps.map((g) => g.what).join(', '))}: not yet in this dataset`);
  subtitleParts.push(
    dataAgeLine(
      ctx,
      listingFacts.length > 0 ? listingFacts : allFacts(ctx, country),
      listingFacts.length > 0 ? 'listing data' : 'data',
    ),
  );

  // The party whose profile says most (an action plan, an affiliation) is the one offered next.
  const first = parties.find((p) => p.action_plan_marker?.value) ?? parties[0];
  const cmd = countryCommand(country);
  const actions: Action[] = [
    // With the brief mostly gaps, the sources of what it does hold come first.
    ...(gaps.length > 0 && !hasListings(parties) ? [{ label: 'Sources', command: `sources ${cmd}` }] : []),
    ...(country.recommendations.length > 0 ? [{ label: `Recommendations`, command: `recs ${cmd}` }] : []),
    ...(country.figures.length > 0 ? [{ label: 'Figures', command: `figures ${cmd}` }] : []),
    ...(gaps.length > 0 && !hasListings(parties) ? [] : [{ label: 'Sources', command: `sources ${cmd}` }]),
    ...(first ? [{ label: partyShortName(first), command: partyShortName(first).toLowerCase() }] : []),
    { label: 'Renewals', command: `renewals ${cmd}` },
    { label: 'Remind here', command: `remind ${cmd}` },
  ];
  return {
    kind: 'country',
    outcome: 'answered',
    title: `${country.name} — children and armed conflict`,
    subtitle: subtitleParts.join(' · '),
    sections,
    actions,
    summary: `${country.name}: children and armed conflict brief`,
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
function gapsOf(country: Country, parties: readonly Party[]): Gap[] {
  const gaps: Gap[] = [];
  if (!country.in_annexes_since && !hasListings(parties)) {
    gaps.push({
      what: 'annex listings',
      line: "whether parties are listed in the Secretary-General's annexes, for which violations, and any action plans",
    });
  }
  if (country.figures.length === 0)
    gaps.push({ what: 'figures', line: 'verified figures on grave violations against children' });
  if (country.recommendations.length === 0)
    gaps.push({ what: 'recommendations', line: 'recommendations to the Security Council' });
  return gaps;
}

function gapsSection(ctx: AnswerContext, country: Country, gaps: readonly Gap[]): Section {
  const items: Item[] = gaps.map((g) => ({
    label: capitalize(g.what),
    text: `${g.line}: not yet in this dataset`,
    tone: 'gap',
  }));
  // Point at where the missing facts are published: the newest annual report the dataset knows by its symbol.
  const report = [...ctx.dataset.events.values()]
    .filter((e) => e.kind === 'report' && e.symbol && daysUntil(ctx.now, partialDateStart(e.date), ctx.zone) <= 0)
    .sort((a, b) => comparePartialDates(a.date, b.date))
    .at(-1);
  const annual = report
    ? `the Secretary-General's annual report on children and armed conflict (the newest in this dataset: ${report.symbol}, ${formatPartialDate(report.date)})`
    : "the Secretary-General's annual report on children and armed conflict";
  items.push({
    label: 'Where to look',
    text: `${annual} and its annexes; the Secretary-General's reports on ${country.name}`,
    ...(report ? { cite: [citeFact(ctx.dataset, report)] } : {}),
  });
  return { heading: 'Not yet in this dataset', items };
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The command text that shows a country ("mali", "drc"). */
export function countryCommand(country: Country): string {
  return countryCommandName(country);
}

/** "listing data as of June 2021 (Watchlist, …), over 5 years old": the newest as-of among the facts, and its age. */
export function dataAgeLine(ctx: AnswerContext, facts: readonly Provenance[], what = 'data'): string {
  // Facts dated after "now" (the CLI's --now in the past) do not count.
  const dated = facts
    .map((f) => ({ f, asOf: asOfOf(ctx.dataset, f) }))
    .filter((x) => x.asOf !== '' && daysUntil(ctx.now, partialDateStart(x.asOf), ctx.zone) <= 0);
  if (dated.length === 0) return `${what}: no as-of date recorded`;
  const newest = dated.reduce((a, b) => (comparePartialDates(b.asOf, a.asOf) > 0 ? b : a));
  const cite = citeFact(ctx.dataset, newest.f);
  const age = formatDataAge(ctx.now, newest.asOf);
  return `${what} as of ${formatPartialDate(newest.asOf)} (${cite.label})${age ? `, ${age}` : ''}`;
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
  const reference = dataset.reference;
  const items: Item[] = [];
  for (const party of parties) {
    const listing = listingFor(party, year);
    if (!listing) continue;
    const marks = partyMarkers(reference, party);
    const within = party.within
      .map((w) => dataset.parties.get(w.party))
      .filter((p): p is Party => p !== undefined)
      .map((p) => `within the ${partyShortName(p)}`);
    const flags = [party.persistent_perpetrator, party.action_plan_marker].filter(
      (f): f is NonNullable<typeof f> => f?.value === true,
    );
    const item: Item = {
      label: `${listing.listed_as ?? partyShortName(party)}${marks ? ` ${marks}` : ''}`,
      text: spellCodes(reference, listing.codes, false),
      cite: citeFacts(dataset, [listing, ...flags]),
    };
    if (within.length > 0) item.detail = within.join(', ');
    items.push(item);
  }
  for (const party of parties) {
    const not = party.not_listed.find((n) => n.report_year === year);
    if (not)
      items.push({
        label: partyShortName(party),
        text: `not listed in the ${year} report`,
        tone: 'past',
        cite: [citeFact(dataset, not)],
      });
  }
  const legend = markerLegend(ctx, country, parties);
  if (legend) items.push(legend);
  return { heading: `Listed parties (${year} annual report)`, items };
}

function markerLegend(ctx: AnswerContext, country: Country, parties: readonly Party[]): Item | undefined {
  const { reference } = ctx.dataset;
  const parts: string[] = [];
  if (parties.some((p) => p.action_plan_marker?.value)) {
    const plans = country.action_plans.map(
      (a) => `${a.parties.map((id) => partyName(ctx, id)).join(', ')}: ${formatPartialDate(a.date)}`,
    );
    parts.push(
      `${reference.markers.action_plan.symbol} concluded an action plan with the UN${plans.length > 0 ? ` (${plans.join('; ')})` : ''}`,
    );
  }
  if (parties.some((p) => p.persistent_perpetrator?.value))
    parts.push(
      `${reference.markers.persistent_perpetrator.symbol} persistent perpetrator (in the annexes for at least five years)`,
    );
  if (parts.length === 0) return undefined;
  const item: Item = { text: parts.join('   ') };
  if (reference.source) item.cite = [citeFact(ctx.dataset, { source: reference.source })];
  return item;
}

function partyName(ctx: AnswerContext, id: string): string {
  const p = ctx.dataset.parties.get(id);
  return p ? partyShortName(p) : id;
}

function actionPlansSection(ctx: AnswerContext, country: Country): Section | undefined {
  if (country.action_plans.length === 0) return undefined;
  const items = [...country.action_plans]
    .sort((a, b) => comparePartialDates(a.date, b.date))
    .map((a): Item => ({ label: formatPartialDate(a.date), text: a.text, cite: [citeFact(ctx.dataset, a)] }));
  return { heading: 'Action plans with the UN', items };
}

function missionsSection(ctx: AnswerContext, country: Country): Section | undefined {
  const missions = [...ctx.dataset.missions.values()].filter((m) => m.country === country.id).sort(missionOrder);
  const items = missions.map((m) => missionStatusItem(ctx, m)).filter((i): i is Item => i !== undefined);
  if (items.length === 0) return undefined;
  return { heading: missions.length === 1 ? 'Mission' : 'Missions and sanctions', items };
}

function missionOrder(a: Mission, b: Mission): number {
  const rank = (m: Mission) =>
    m.kind === 'peace-operation' ? 0 : m.kind === 'political-mission' ? 1 : m.kind === 'other' ? 2 : 3;
  return rank(a) - rank(b) || a.acronym.localeCompare(b.acronym);
}

/** The newest figure per metric, newest first; figures dated after "now" are left out. */
export function latestFigures(ctx: AnswerContext, country: Country): Figure[] {
  const byMetric = new Map<string, Figure>();
  for (const f of country.figures) {
    const asOf = asOfOf(ctx.dataset, f);
    if (asOf && daysUntil(ctx.now, partialDateStart(asOf), ctx.zone) > 0) continue;
    const seen = byMetric.get(f.metric);
    if (!seen || comparePartialDates(asOfOf(ctx.dataset, seen), asOf) < 0) byMetric.set(f.metric, f);
  }
  return [...byMetric.values()];
}

/** One figure as an item: "236" "grave violations verified" "January–March 2021". */
export function figureItem(ctx: AnswerContext, f: Figure): Item {
  return {
    label: `${f.value.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`,
    text: f.metric,
    detail: f.note ? `${f.period} (${f.note})` : f.period,
    cite: [citeFact(ctx.dataset, f)],
  };
}

function figuresSection(ctx: AnswerContext, country: Country): Section | undefined {
  const figures = latestFigures(ctx, country);
  if (figures.length === 0) return undefined;
  const sources = [...new Set(figures.map((f) => f.source))];
  const only = sources.length === 1 ? ctx.dataset.sources.get(sources[0]!) : undefined;
  const from = only
    ? ` (${only.symbol ? `${only.title.includes(only.symbol) ? only.title : `${only.title}, ${only.symbol}`}` : only.title})`
    : '';
  return { heading: `Latest verified figures${from}`, items: figures.map((f) => figureItem(ctx, f)) };
}

/** The statement current at "now": the newest one dated on or before it (undated count as oldest). */
export function currentStatement(ctx: AnswerContext, values: readonly DatedValue[]): DatedValue | undefined {
  const dated = values
    .map((v) => ({ v, asOf: asOfOf(ctx.dataset, v) }))
    .filter((x) => !x.asOf || daysUntil(ctx.now, partialDateStart(x.asOf), ctx.zone) <= 0)
    .sort((a, b) => comparePartialDates(a.asOf, b.asOf));
  return dated.at(-1)?.v;
}

function councilSection(ctx: AnswerContext, country: Country): Section | undefined {
  const { dataset } = ctx;
  const items: Item[] = [];
  const lead = currentStatement(ctx, country.lead_country);
  if (lead)
    items.push({
      label: 'Lead country',
      text: lead.value,
      detail: `as of ${formatPartialDate(asOfOf(dataset, lead))}`,
      cite: [citeFact(dataset, lead)],
    });
  for (const m of dataset.missions.values()) {
    if (m.country !== country.id || m.chairs.length === 0) continue;
    const chair = currentStatement(ctx, m.chairs);
    if (!chair) continue;
    const committee = m.other_names.find((n) => /committee/i.test(n)) ?? m.committee ?? `${m.acronym} committee`;
    const ended = missionStateAt(m, ctx.now, ctx.zone).phase === 'ended';
    items.push({
      label: `${committee} chair`,
      text: ended ? `${chair.value} (last recorded; the regime has ended)` : chair.value,
      detail: `as of ${formatPartialDate(asOfOf(dataset, chair))}${chair.note ? ` (${chair.note})` : ''}`,
      tone: ended ? 'past' : 'normal',
      cite: [citeFact(dataset, chair)],
    });
  }
  if (country.sg_country_reports.length > 0) {
    items.push({
      label: `SG reports on CAAC in ${country.name}`,
      text: [...new Set(country.sg_country_reports.map((r) => r.year))].sort().join(', '),
      cite: citeFacts(dataset, country.sg_country_reports),
    });
  }
  if (country.working_group_conclusions.length > 0) {
    items.push({
      label: 'Working Group conclusions',
      text: [...new Set(country.working_group_conclusions.map((r) => r.year))].sort().join(', '),
      cite: citeFacts(dataset, country.working_group_conclusions),
    });
  }
  return items.length > 0 ? { heading: 'Council', items } : undefined;
}
