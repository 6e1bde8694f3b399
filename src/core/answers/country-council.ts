// The Council part of a country brief: lead country, sanctions committee chairs, the Secretary-General's country
// reports and the Working Group's conclusions, each with its as-of date and source.
import type { Country, Mission, Provenance } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact, citeFacts } from '../cite.js';
import { missionStateAt } from '../mission-status.js';
import { countryName } from '../names.js';
import { currentStatement } from './country-facts.js';
import { nameIn, prose } from '../prose.js';

/** "as of June 2021", "situation en juin 2021": the as-of date of a fact, for Council lines. */
function asOfLine(ctx: AnswerContext, fact: Provenance): string {
  const lang = ctx.lang ?? DEFAULT_LANG;
  const cite = citeFact(ctx.dataset, fact, lang);
  return messages(lang)('date.asOf', { date: cite.asOf, precision: cite.precision ?? 'none' });
}

/** "2374 Sanctions Committee", "Comité 2374": the committee's short name, from its resolution where it has one. */
function committeeLabel(ctx: AnswerContext, mission: Mission): string {
  const number = /resolution (\d{3,4})\b/i.exec(mission.committee ?? '')?.[1];
  if (number) return messages(ctx.lang ?? DEFAULT_LANG)('brief.committee', { number });
  return mission.other_names.find((n) => /committee/i.test(n)) ?? mission.committee ?? mission.acronym;
}

/** The Council section of a brief, or undefined when the dataset holds none of it. */
export function councilSection(ctx: AnswerContext, country: Country): Section | undefined {
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const items: Item[] = [];
  const lead = currentStatement(ctx, country.lead_country);
  if (lead)
    items.push({
      label: m('brief.leadCountry'),
      text: nameIn(lead, 'value', lang),
      detail: asOfLine(ctx, lead),
      cite: [citeFact(dataset, lead, lang)],
    });
  for (const mission of dataset.missions.values()) {
    if (mission.country !== country.id || mission.chairs.length === 0) continue;
    const chair = currentStatement(ctx, mission.chairs);
    if (!chair) continue;
    const ended = missionStateAt(mission, ctx.now, ctx.zone).phase === 'ended';
    items.push({
      label: m('brief.chair', { committee: committeeLabel(ctx, mission) }),
      text: ended ? m('brief.chairEnded', { chair: nameIn(chair, 'value', lang) }) : nameIn(chair, 'value', lang),
      detail: `${asOfLine(ctx, chair)}${chair.note ? ` (${prose(chair, 'note', lang)})` : ''}`,
      tone: ended ? 'past' : 'normal',
      cite: [citeFact(dataset, chair, lang)],
    });
  }
  if (country.sg_country_reports.length > 0) {
    items.push({
      label: m('brief.sgReports', { country: countryName(country, lang) }),
      text: [...new Set(country.sg_country_reports.map((r) => r.year))].sort().join(', '),
      cite: citeFacts(dataset, country.sg_country_reports, lang),
    });
  }
  if (country.working_group_conclusions.length > 0) {
    items.push({
      label: m('brief.wgConclusions'),
      text: [...new Set(country.working_group_conclusions.map((r) => r.year))].sort().join(', '),
      cite: citeFacts(dataset, country.working_group_conclusions, lang),
    });
  }
  return items.length > 0 ? { heading: m('brief.council'), items } : undefined;
}
