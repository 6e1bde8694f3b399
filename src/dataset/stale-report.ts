// `caac data stale`: what in the dataset needs an editor's attention on a given day.
// - Running missions whose current mandate has expired with no later resolution recorded (the Council almost
//   certainly acted; the dataset does not show it), and running missions with no expiry recorded at all.
// - Areas of a country's facts (listings, figures, …) whose newest as-of date is older than a threshold.
// `now` is injected; dates are compared as calendar days in UTC.
import { asOfOf, currentMandate } from './calendar-events.js';
import type { Country, Dataset, Provenance } from './schema.js';

/** A running mission whose mandate has expired with no renewal recorded, or has no expiry recorded. */
export interface StaleMandate {
  kind: 'expired' | 'no-expiry';
  missionId: string;
  acronym: string;
  countryId: string;
  /** The latest resolution recorded, e.g. "2800 (2025)". */
  resolution?: string;
  /** For 'expired': the day it expired. */
  expired?: string;
  /** Days since it expired (for 'expired'). */
  daysAgo?: number;
  /** The as-of date of the latest decision recorded (its source's date unless set). */
  asOf?: string;
  unverified?: string;
  /** In words: "MINUSCA: expired on 15 November 2026 under 2800 (2025); no renewal recorded in the dataset (as of 13 November 2025)". */
  message: string;
}

/** An area of a country's facts whose newest as-of date is older than the threshold. */
export interface StaleArea {
  countryId: string;
  area: 'listings' | 'figures' | 'recommendations' | 'lead country' | 'action plans' | 'agenda' | 'committee chairs';
  /** The newest as-of date in the area. */
  newest: string;
  ageDays: number;
  facts: number;
  message: string;
}

/** The stale report: mandates first (they drive reminders), then old facts. */
export interface StaleReport {
  /** The day the report is for (YYYY-MM-DD, UTC). */
  today: string;
  maxAgeDays: number;
  mandates: StaleMandate[];
  areas: StaleArea[];
}

const DAY_MS = 86_400_000;

/** Lists expired mandates with no renewal recorded, and fact areas older than `maxAgeDays` (default 365). */
export function staleReport(dataset: Dataset, now: Date, options: { maxAgeDays?: number } = {}): StaleReport {
  const maxAgeDays = options.maxAgeDays ?? 365;
  const today = now.toISOString().slice(0, 10);
  const mandates: StaleMandate[] = [];
  for (const mission of dataset.missions.values()) {
    if (mission.status !== 'active') continue;
    const current = currentMandate(mission);
    const base = { missionId: mission.id, acronym: mission.acronym, countryId: mission.country };
    if (!current?.expires) {
      mandates.push({
        kind: 'no-expiry',
        ...base,
        ...(current ? { resolution: current.resolution, asOf: asOfOf(dataset, current) } : {}),
        ...(current?.unverified ? { unverified: current.unverified } : {}),
        message: current
          ? `${mission.acronym}: no expiry date recorded for ${current.resolution}`
          : `${mission.acronym}: no mandate recorded in the dataset`,
      });
      continue;
    }
    if (current.expires >= today) continue;
    const asOf = asOfOf(dataset, current);
    mandates.push({
      kind: 'expired',
      ...base,
      resolution: current.resolution,
      expired: current.expires,
      daysAgo: daysBetween(current.expires, today),
      asOf,
      ...(current.unverified ? { unverified: current.unverified } : {}),
      message:
        `${mission.acronym}: expired on ${inWords(current.expires)} under ${current.resolution}; ` +
        `no renewal recorded in the dataset (as of ${inWords(asOf)})`,
    });
  }
  mandates.sort(
    (a, b) => (a.expired ?? '9999').localeCompare(b.expired ?? '9999') || a.missionId.localeCompare(b.missionId),
  );

  const areas: StaleArea[] = [];
  for (const country of dataset.countries.values()) {
    for (const [area, facts] of factAreas(dataset, country)) {
      if (facts.length === 0) continue;
      const newest = facts.map((f) => asOfOf(dataset, f)).reduce((a, b) => (lastDay(b) > lastDay(a) ? b : a));
      const ageDays = daysBetween(lastDay(newest), today);
      if (ageDays <= maxAgeDays) continue;
      areas.push({
        countryId: country.id,
        area,
        newest,
        ageDays,
        facts: facts.length,
        message: `${country.name}: ${area} as of ${inWords(newest)} (${describeAge(ageDays)} old)`,
      });
    }
  }
  areas.sort((a, b) => a.countryId.localeCompare(b.countryId) || a.area.localeCompare(b.area));
  return { today, maxAgeDays, mandates, areas };
}

function factAreas(dataset: Dataset, country: Country): Array<[StaleArea['area'], Provenance[]]> {
  const parties = [...dataset.parties.values()].filter((p) => p.country === country.id);
  const regimes = [...dataset.missions.values()].filter((m) => m.country === country.id && m.status === 'active');
  return [
    ['listings', parties.flatMap((p) => [...p.listings, ...p.not_listed])],
    ['figures', country.figures],
    ['recommendations', country.recommendations],
    ['lead country', country.lead_country],
    ['action plans', country.action_plans],
    [
      'agenda',
      [
        ...(country.in_annexes_since ? [country.in_annexes_since] : []),
        ...country.sg_country_reports,
        ...country.working_group_conclusions,
      ],
    ],
    ['committee chairs', regimes.flatMap((m) => m.chairs)],
  ];
}

/** The last day a partial date covers ("2021-06" -> "2021-06-30"). */
function lastDay(date: string): string {
  const [y, m, d] = date.split('-');
  if (d !== undefined) return date;
  if (m !== undefined) return new Date(Date.UTC(Number(y), Number(m), 0)).toISOString().slice(0, 10);
  return `${y}-12-31`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-06" -> "June 2021", keeping the precision of the data. */
function inWords(date: string): string {
  const [y, m, d] = date.split('-');
  if (m === undefined) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

function describeAge(days: number): string {
  if (days >= 730) return `over ${Math.floor(days / 365.25)} years`;
  if (days >= 365) return 'over a year';
  if (days >= 60) return `over ${Math.floor(days / 30.44)} months`;
  return `${days} days`;
}
