// The curator notice `remind stale` posts: one row of `caac data stale` (a mandate or regime expired with no renewal
// recorded), naming it, its expiry, the as-of date of the data, and the command that imports the press release.
// Posted only while the row is still on that list: a renewal imported since makes the notice moot (skipped).
import type { Answer, Item } from '../core/answer.js';
import { citeFact } from '../core/cite.js';
import { formatPartialDate } from '../core/format-date.js';
import { scr } from '../core/mission-status.js';
import { missionAcronym } from '../core/names.js';
import { currentMandate } from '../dataset/calendar-events.js';
import type { Dataset } from '../dataset/schema.js';
import { type StaleMandate, staleReport } from '../dataset/stale-report.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/translate.js';
import type { StaleReminder } from './reminder.js';
import { stopAction } from './reminder-message.js';

// The stale list of the dataset last asked about, per UTC day (what `data stale` counts in): notices of one
// morning share it.
let memo: { dataset: Dataset; today: string; mandates: StaleMandate[] } | undefined;

/** The rows `caac data stale` lists as expired with no renewal recorded, on the UTC day of `now`. */
export function expiredUnrenewed(dataset: Dataset, now: Date): StaleMandate[] {
  const today = now.toISOString().slice(0, 10);
  if (memo?.dataset !== dataset || memo.today !== today) {
    const mandates = staleReport(dataset, now).mandates.filter((s) => s.kind === 'expired');
    memo = { dataset, today, mandates };
  }
  return memo.mandates;
}

/** The row and expiry an occurrence key names (`stale:<mission>@<day>`), if it is one. */
export function parseStaleKey(key: string): { missionId: string; expired: string } | undefined {
  const m = /^stale:(.+)@(\d{4}-\d{2}-\d{2})$/.exec(key);
  return m ? { missionId: m[1]!, expired: m[2]! } : undefined;
}

/** The notice for the occurrence `key`, or why it is not to be posted (the row was renewed, or is gone). */
export function staleMessage(input: {
  reminder: StaleReminder;
  key: string;
  dataset: Dataset;
  now: Date;
  lang?: Lang;
}): Answer | string {
  const { reminder, dataset, now } = input;
  const lang = input.lang ?? DEFAULT_LANG;
  const m = messages(lang);
  const named = parseStaleKey(input.key);
  const row = named
    ? expiredUnrenewed(dataset, now).find((s) => s.missionId === named.missionId && s.expired === named.expired)
    : undefined;
  const mission = row ? dataset.missions.get(row.missionId) : undefined;
  const mandate = mission ? currentMandate(mission) : undefined;
  if (!row?.expired || !mission || !mandate) return 'no longer expired without renewal in the dataset';
  const acronym = missionAcronym(mission, lang);
  const measures = mission.kind === 'sanctions-regime' ? 'yes' : 'no';
  const date = formatPartialDate(row.expired, lang);
  const cite = citeFact(dataset, mandate, lang);
  const items: Item[] = [
    {
      label: m('stale.expired'),
      text: m('stale.under', { date, scr: scr(mandate.resolution, lang) }),
      tone: 'warning',
      cite: [cite],
    },
    {
      label: m('stale.asOf'),
      // A missing as-of date is shown as a gap, in words, like every other gap.
      text: row.asOf ? formatPartialDate(row.asOf, lang) : m('date.unknown'),
      detail: m('stale.asOfDetail'),
      ...(row.asOf ? {} : { tone: 'gap' as const }),
      cite: [cite],
    },
    { label: m('stale.import'), text: m('stale.command'), detail: m('stale.commandDetail') },
  ];
  const footer = m('stale.footer', { where: reminder.channel.platform, at: reminder.at, tz: reminder.tz });
  return {
    kind: 'stale',
    outcome: 'answered',
    title: m('stale.title', { acronym, measures, date }),
    sections: [{ items }, { items: [{ text: footer, detail: m('reminder.id', { id: reminder.id }) }] }],
    actions: [
      {
        label: m('reminder.open', { target: acronym }),
        command: mission.acronym.toLowerCase(),
        kind: 'command',
        style: 'primary',
      },
      stopAction(reminder, lang),
    ],
    summary: m('stale.summary', { acronym, date }),
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
}
