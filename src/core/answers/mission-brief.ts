// A mission or sanctions regime looked up by name (`caac minusma`): where it stands now, its mandates, its end.
import { sortedMandates } from '../../dataset/calendar-events.js';
import type { Mission } from '../../dataset/schema.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer, Item, Section } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { citeFact } from '../cite.js';
import { daysUntil, formatPartialDate } from '../format-date.js';
import { missionStatusItem, scr } from '../mission-status.js';
import { committeeName, countryName, missionAcronym, missionName } from '../names.js';
import { countryCommand, dataAgeLine } from './country-facts.js';
import { prose, proseOf } from '../prose.js';

/** The answer about one mission. */
export function missionBrief(ctx: AnswerContext, mission: Mission, note?: string): Answer {
  const { dataset } = ctx;
  const lang = ctx.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const date = (d: string) => formatPartialDate(d, lang);
  const country = dataset.countries.get(mission.country);
  const acronym = missionAcronym(mission, lang);
  const sections: Section[] = [];
  const status = missionStatusItem(ctx, mission);
  sections.push({ heading: m('missionBrief.now'), items: [status ?? { text: m('missionBrief.notYet'), tone: 'gap' }] });
  if (mission.child_protection)
    sections.push({
      heading: m('missionBrief.childProtection'),
      items: [
        {
          text: prose(mission.child_protection, 'text', lang),
          cite: [citeFact(dataset, mission.child_protection, lang)],
        },
      ],
    });
  const known = sortedMandates(mission).filter((x) => !x.adopted || daysUntil(ctx.now, x.adopted, ctx.zone) <= 0);
  if (known.length > 0) {
    sections.push({
      heading: m('missionBrief.mandates'),
      items: known.reverse().map(
        (x): Item => ({
          label: scr(x.resolution, lang),
          text:
            [
              x.adopted ? m('missionBrief.adopted', { date: date(x.adopted) }) : undefined,
              x.expires ? m('missionBrief.to', { date: date(x.expires) }) : undefined,
              proseOf(x, 'summary', lang),
            ]
              .filter(Boolean)
              .join(m('punct.semicolon')) || m('missionBrief.noDates'),
          cite: [citeFact(dataset, x, lang)],
        }),
      ),
    });
  }
  const milestones: Item[] = mission.milestones
    .filter((x) => daysUntil(ctx.now, x.date, ctx.zone) <= 0)
    .map((x) => {
      const text = prose(x, 'text', lang);
      const res = x.resolution && !x.text.includes(x.resolution) ? ` (${scr(x.resolution, lang)})` : '';
      return { label: date(x.date), text: `${text}${res}`, cite: [citeFact(dataset, x, lang)] };
    });
  if (milestones.length > 0) sections.push({ heading: m('missionBrief.milestones'), items: milestones });
  return {
    kind: 'mission',
    outcome: 'answered',
    title: `${acronym} — ${missionName(mission, lang)}`,
    subtitle: [
      note,
      country ? countryName(country, lang) : undefined,
      committeeName(mission, lang),
      dataAgeLine(ctx, [...mission.mandates, ...mission.milestones, ...(mission.end ? [mission.end] : [])]),
    ]
      .filter(Boolean)
      .join(' · '),
    sections,
    actions: country
      ? [
          { label: countryName(country, lang), command: countryCommand(country) },
          { label: m('action.renewals'), command: `renewals ${countryCommand(country)}` },
          { label: m('action.remindHere'), command: `remind ${mission.acronym.toLowerCase()}` },
        ]
      : [{ label: m('action.renewals'), command: 'renewals' }],
    summary: m('punct.colon', { label: acronym, text: status?.text ?? m('missionBrief.notYetShort') }),
  };
}
