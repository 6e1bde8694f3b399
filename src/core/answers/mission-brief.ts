// A mission or sanctions regime looked up by name (`caac minusma`): where it stands now, its mandates, its end.
import { sortedMandates } from '../../dataset/calendar-events.js';
import type { Mission } from '../../dataset/schema.js';
import type { Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';
import { daysUntil, formatPartialDate } from '../format-date.js';
import { missionStatusItem, scr } from '../mission-status.js';
import { countryCommand, dataAgeLine } from './country-brief.js';

/** The answer about one mission. */
export function missionBrief(ctx: AnswerContext, mission: Mission, note?: string): Answer {
  const { dataset } = ctx;
  const country = dataset.countries.get(mission.country);
  const sections: Section[] = [];
  const status = missionStatusItem(ctx, mission);
  sections.push({ heading: 'Now', items: [status ?? { text: 'not yet established at this date', tone: 'gap' }] });
  if (mission.child_protection)
    sections.push({
      heading: 'Child protection',
      items: [{ text: mission.child_protection.text, cite: [citeFact(dataset, mission.child_protection)] }],
    });
  const known = sortedMandates(mission).filter((m) => !m.adopted || daysUntil(ctx.now, m.adopted, ctx.zone) <= 0);
  if (known.length > 0) {
    sections.push({
      heading: 'Mandates',
      items: known.reverse().map(
        (m): Item => ({
          label: scr(m.resolution),
          text:
            [
              m.adopted ? `adopted ${formatPartialDate(m.adopted)}` : undefined,
              m.expires ? `to ${formatPartialDate(m.expires)}` : undefined,
              m.summary,
            ]
              .filter(Boolean)
              .join('; ') || 'no dates recorded',
          cite: [citeFact(dataset, m)],
        }),
      ),
    });
  }
  const milestones: Item[] = mission.milestones
    .filter((x) => daysUntil(ctx.now, x.date, ctx.zone) <= 0)
    .map((x) => ({
      label: formatPartialDate(x.date),
      text: `${x.text}${x.resolution && !x.text.includes(x.resolution) ? ` (${scr(x.resolution)})` : ''}`,
      cite: [citeFact(dataset, x)],
    }));
  if (milestones.length > 0) sections.push({ heading: 'Milestones', items: milestones });
  return {
    kind: 'mission',
    outcome: 'answered',
    title: `${mission.acronym} — ${mission.name}`,
    subtitle: [
      note,
      country?.name,
      mission.committee,
      dataAgeLine(ctx, [...mission.mandates, ...mission.milestones, ...(mission.end ? [mission.end] : [])]),
    ]
      .filter(Boolean)
      .join(' · '),
    sections,
    actions: country
      ? [
          { label: country.name, command: countryCommand(country) },
          { label: 'Renewals', command: `renewals ${countryCommand(country)}` },
          { label: 'Remind here', command: `remind ${mission.acronym.toLowerCase()}` },
        ]
      : [{ label: 'Renewals', command: 'renewals' }],
    summary: `${mission.acronym}: ${status?.text ?? 'not yet established'}`,
  };
}
