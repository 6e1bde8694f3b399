// A listed party (`caac mnla`, `group ansar dine`): full name, other names, coalition, listing history by report
// year with codes in words (consecutive years with the same codes grouped; years the data says nothing about shown
// as "not in this dataset", never as "not listed"), persistent-perpetrator and action-plan status.
import type { ActionPlan, Listing, Party, ViolationCode } from '../../dataset/schema.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Action, Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact, citeFacts } from '../cite.js';
import { formatPartialDate } from '../format-date.js';
import { countryName as nameOf } from '../names.js';
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
import { countryCommand, dataAgeLine } from './country-facts.js';
import { nameIn, prose } from '../prose.js';

/** The answer about one party. */
export function partyProfile(ctx: AnswerContext, party: Party, note?: string): Answer {
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const country = dataset.countries.get(party.country);
  const countryName = country ? nameOf(country, lang) : party.country;
  const sections: Section[] = [];

  const names = [...party.acronyms.slice(1), ...party.other_names];
  const about: Item[] = [];
  if (names.length > 0) about.push({ label: m('party.alsoKnownAs'), text: names.join('; ') });
  for (const w of party.within) {
    const coalition = dataset.parties.get(w.party);
    if (coalition)
      about.push({ label: m('party.partOf'), text: partyFullName(coalition), cite: [citeFact(dataset, w, lang)] });
  }
  const members = membersOf(dataset, party);
  if (members.length > 0) {
    about.push({
      label: m('party.members'),
      text: members.map(partyFullName).join('; '),
      cite: citeFacts(
        dataset,
        members.flatMap((x) => x.within.filter((w) => w.party === party.id)),
        lang,
      ),
    });
  }
  if (party.description)
    about.push({ text: prose(party.description, 'text', lang), cite: [citeFact(dataset, party.description, lang)] });
  if (about.length > 0) sections.push({ items: about });

  sections.push({ heading: m('party.listedHeading'), items: listingHistory(ctx, party) });

  const status: Item[] = [];
  const reference = dataset.reference;
  if (party.persistent_perpetrator) {
    status.push({
      label: m('party.persistent', { symbol: reference.markers.persistent_perpetrator.symbol }),
      text: party.persistent_perpetrator.value ? m('party.persistentYes') : m('party.no'),
      cite: [citeFact(dataset, party.persistent_perpetrator, lang)],
    });
  }
  const plans = actionPlansOf(dataset, party);
  if (party.action_plan_marker || plans.length > 0) {
    const plan = plans.map((a) => planText(a, lang)).join(m('punct.semicolon'));
    const marker = party.action_plan_marker;
    status.push({
      label: m('party.actionPlan', { symbol: reference.markers.action_plan.symbol }),
      text: plan || (marker?.value ? m('party.actionPlanConcluded') : m('party.noneRecorded')),
      cite: citeFacts(dataset, [...(marker ? [marker] : []), ...plans], lang),
    });
  }
  if (status.length > 0) sections.push({ heading: m('party.status'), items: status });

  const actions: Action[] = [];
  if (country) actions.push({ label: countryName, command: countryCommand(country) });
  for (const c of coalitionsOf(dataset, party))
    actions.push({ label: partyShortName(c), command: partyShortName(c).toLowerCase() });
  actions.push({ label: m('action.codes'), command: 'codes' });
  if (country) actions.push({ label: m('action.recommendations'), command: `recs ${countryCommand(country)}` });

  const marks = partyMarkers(reference, party);
  return {
    kind: 'party',
    outcome: 'answered',
    title: m('party.title', { party: partyFullName(party), country: countryName }),
    subtitle: [
      note,
      m('party.kind', { kind: party.kind === 'government-forces' ? 'government' : party.kind }),
      marks ? m('party.markers', { marks }) : undefined,
      party.listings.length + party.not_listed.length > 0
        ? dataAgeLine(ctx, [...party.listings, ...party.not_listed], 'listing')
        : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    sections,
    actions,
    summary: m('party.summary', { party: partyFullName(party), country: countryName }),
  };
}

/** Listing history items: runs of years with the same codes, explicit "not listed" years, and gaps. */
export function listingHistory(ctx: AnswerContext, party: Party): Item[] {
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  // Reports not yet out at "now" are not shown (the CLI's --now looks at the data as of a past day).
  const maxYear = lastPublishedReportYear(ctx.now);
  const byYear = new Map<number, { listing?: Listing; notListed?: Party['not_listed'][number] }>();
  for (const l of party.listings) if (l.report_year <= maxYear) byYear.set(l.report_year, { listing: l });
  for (const n of party.not_listed)
    if (n.report_year <= maxYear && !byYear.has(n.report_year)) byYear.set(n.report_year, { notListed: n });
  if (byYear.size === 0) return [{ text: m('party.noListing'), tone: 'gap' }];

  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0]!;
  const last = Math.max(years.at(-1)!, maxYear);
  const items: Item[] = [];
  let run: { from: number; to: number; key: string; listings: Listing[]; notListed: Party['not_listed'] } | undefined;
  const flush = () => {
    if (!run) return;
    const span = run.from === run.to ? `${run.from}` : `${run.from}–${run.to}`;
    if (run.key === 'gap') items.push({ label: span, text: m('party.notInDataset'), tone: 'gap' });
    else if (run.key === 'not-listed')
      items.push({
        label: span,
        text: m('party.notListed'),
        tone: 'past',
        cite: citeFacts(dataset, run.notListed, lang),
      });
    else {
      const l = run.listings[0]!;
      const as = [...new Set(run.listings.filter((x) => x.listed_as).map((x) => nameIn(x, 'listed_as', lang)))];
      const item: Item = {
        label: span,
        text: spellCodes(dataset.reference, l.codes, true, lang),
        cite: citeFacts(dataset, run.listings, lang),
      };
      const notes = [...new Set(run.listings.filter((x) => x.note).map((x) => prose(x, 'note', lang)))];
      const detail = [
        ...(as.length > 0 ? [m('party.listedAs', { names: as.join('; ') })] : []),
        ...notes.map((note) => m('party.note', { note })),
      ];
      if (detail.length > 0) item.detail = detail.join(m('punct.semicolon'));
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

// An action plan in a party's status: "CMA …, action plan to end … (March 2017)".
function planText(plan: ActionPlan, lang: Lang): string {
  return `${prose(plan, 'text', lang)} (${formatPartialDate(plan.date, lang)})`;
}
