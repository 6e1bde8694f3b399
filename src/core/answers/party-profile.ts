// A listed party (`caac mnla`, `group ansar dine`): full name, other names, coalition, listing history by report
// year with codes in words (consecutive years with the same codes grouped; years the data says nothing about shown
// as "not in this dataset", never as "not listed"), persistent-perpetrator and action-plan status.
import type { Listing, Party, ViolationCode } from '../../dataset/schema.js';
import type { Action, Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact, citeFacts } from '../cite.js';
import { formatPartialDate } from '../format-date.js';
import {
  actionPlansOf,
  coalitionsOf,
  lastPublishedReportYear,
  membersOf,
  partyFullName,
  partyMarkers,
  partyShortName,
  spellCodes,
} from '../party-facts.js';
import { countryCommand, dataAgeLine } from './country-brief.js';

/** The answer about one party. */
export function partyProfile(ctx: AnswerContext, party: Party, note?: string): Answer {
  const { dataset } = ctx;
  const country = dataset.countries.get(party.country);
  const countryName = country?.name ?? party.country;
  const sections: Section[] = [];

  const names = [...party.acronyms.slice(1), ...party.other_names];
  const about: Item[] = [];
  if (names.length > 0) about.push({ label: 'Also known as', text: names.join('; ') });
  for (const w of party.within) {
    const coalition = dataset.parties.get(w.party);
    if (coalition) about.push({ label: 'Part of', text: partyFullName(coalition), cite: [citeFact(dataset, w)] });
  }
  const members = membersOf(dataset, party);
  if (members.length > 0) {
    about.push({
      label: 'Members',
      text: members.map(partyFullName).join('; '),
      cite: citeFacts(
        dataset,
        members.flatMap((m) => m.within.filter((w) => w.party === party.id)),
      ),
    });
  }
  if (party.description) about.push({ text: party.description.text, cite: [citeFact(dataset, party.description)] });
  if (about.length > 0) sections.push({ items: about });

  sections.push({ heading: 'Listed in the annexes (annual report: violations)', items: listingHistory(ctx, party) });

  const status: Item[] = [];
  const reference = dataset.reference;
  if (party.persistent_perpetrator) {
    status.push({
      label: `${reference.markers.persistent_perpetrator.symbol} Persistent perpetrator`,
      text: party.persistent_perpetrator.value ? 'yes: in the annexes for at least five years' : 'no',
      cite: [citeFact(dataset, party.persistent_perpetrator)],
    });
  }
  const plans = actionPlansOf(dataset, party);
  if (party.action_plan_marker || plans.length > 0) {
    const plan = plans.map((a) => `${a.text} (${formatPartialDate(a.date)})`).join('; ');
    const marker = party.action_plan_marker;
    status.push({
      label: `${reference.markers.action_plan.symbol} Action plan`,
      text: plan || (marker?.value ? 'concluded an action plan with the UN' : 'none recorded'),
      cite: citeFacts(dataset, [...(marker ? [marker] : []), ...plans]),
    });
  }
  if (status.length > 0) sections.push({ heading: 'Status', items: status });

  const actions: Action[] = [];
  if (country) actions.push({ label: country.name, command: countryCommand(country) });
  for (const c of coalitionsOf(dataset, party))
    actions.push({ label: partyShortName(c), command: partyShortName(c).toLowerCase() });
  actions.push({ label: 'Codes', command: 'codes' });
  if (country) actions.push({ label: 'Recommendations', command: `recs ${countryCommand(country)}` });

  const marks = partyMarkers(reference, party);
  return {
    kind: 'party',
    outcome: 'answered',
    title: `${partyFullName(party)} — ${countryName}`,
    subtitle: [
      note,
      party.kind === 'coalition'
        ? 'a coalition of armed groups'
        : party.kind === 'government-forces'
          ? 'government forces'
          : 'armed group',
      marks ? `markers ${marks}` : undefined,
      party.listings.length + party.not_listed.length > 0
        ? dataAgeLine(ctx, [...party.listings, ...party.not_listed], 'listing data')
        : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    sections,
    actions,
    summary: `${partyFullName(party)} (${countryName}): listing history`,
  };
}

/** Listing history items: runs of years with the same codes, explicit "not listed" years, and gaps. */
export function listingHistory(ctx: AnswerContext, party: Party): Item[] {
  const { dataset } = ctx;
  // Reports not yet out at "now" are not shown (the CLI's --now looks at the data as of a past day).
  const maxYear = lastPublishedReportYear(ctx.now);
  const byYear = new Map<number, { listing?: Listing; notListed?: Party['not_listed'][number] }>();
  for (const l of party.listings) if (l.report_year <= maxYear) byYear.set(l.report_year, { listing: l });
  for (const n of party.not_listed)
    if (n.report_year <= maxYear && !byYear.has(n.report_year)) byYear.set(n.report_year, { notListed: n });
  if (byYear.size === 0) return [{ text: 'no annual-report listing in this dataset', tone: 'gap' }];

  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0]!;
  const last = Math.max(years.at(-1)!, maxYear);
  const items: Item[] = [];
  let run: { from: number; to: number; key: string; listings: Listing[]; notListed: Party['not_listed'] } | undefined;
  const flush = () => {
    if (!run) return;
    const span = run.from === run.to ? `${run.from}` : `${run.from}–${run.to}`;
    if (run.key === 'gap') items.push({ label: span, text: 'not in this dataset', tone: 'gap' });
    else if (run.key === 'not-listed')
      items.push({ label: span, text: 'not listed', tone: 'past', cite: citeFacts(dataset, run.notListed) });
    else {
      const l = run.listings[0]!;
      const as = [...new Set(run.listings.map((x) => x.listed_as).filter(Boolean))];
      const item: Item = {
        label: span,
        text: spellCodes(dataset.reference, l.codes),
        cite: citeFacts(dataset, run.listings),
      };
      const notes = [...new Set(run.listings.map((x) => x.note).filter((n): n is string => Boolean(n)))];
      const detail = [...(as.length > 0 ? [`listed as ${as.join('; ')}`] : []), ...notes.map((n) => `note: ${n}`)];
      if (detail.length > 0) item.detail = detail.join('; ');
      items.push(item);
    }
    run = undefined;
  };
  for (let y = first; y <= last; y++) {
    const entry = byYear.get(y);
    // Years are grouped only when they say the same thing on the same footing: an unverified year stays on its own,
    // so that its caveat is not read as applying to the whole run.
    const key = entry?.listing
      ? `${codesKey(entry.listing.codes)}|${entry.listing.listed_as ?? ''}|${entry.listing.source}|${entry.listing.unverified ?? ''}`
      : entry?.notListed
        ? 'not-listed'
        : 'gap';
    if (run && run.key === key && run.to === y - 1) {
      run.to = y;
    } else {
      flush();
      run = { from: y, to: y, key, listings: [], notListed: [] };
    }
    if (entry?.listing) run.listings.push(entry.listing);
    if (entry?.notListed) run.notListed.push(entry.notListed);
  }
  flush();
  return items;
}

function codesKey(codes: readonly ViolationCode[]): string {
  return [...new Set(codes)].sort().join(',');
}
