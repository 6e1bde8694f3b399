// Every record of the reference table (test/fixtures/un-mandates-2026-03.yaml, a copy of
// ../shared/reference/un-mandates-2026-03.yaml) against what data/ encodes: resolution, adoption, expiry and
// status, one test per record, so that a typo in the data fails CI. Unverified rows must be encoded with their
// uncertainty (`unverified:`), never as plain fact.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { calendarEvents, currentMandate } from '../../src/dataset/calendar-events.js';
import { defaultDataDir, formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';
import type { Dataset, Mission } from '../../src/dataset/schema.js';

interface Row {
  record_type: string;
  status: 'active' | 'check' | 'superseded' | 'closed' | 'event';
  mission: string;
  country: string;
  resolution: string | null;
  adopted: string | null;
  expires: string | null;
  confidence: 'verified' | 'unverified';
}

const rows = parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/un-mandates-2026-03.yaml'), 'utf8'),
) as Row[];

/** The table's mission names -> mission ids in data/. */
const missionIds: Record<string, string> = {
  MONUSCO: 'monusco',
  MINUSCA: 'minusca',
  UNMISS: 'unmiss',
  UNISFA: 'unisfa',
  UNAMA: 'unama',
  UNSMIL: 'unsmil',
  UNVMC: 'unvmc',
  BINUH: 'binuh',
  UNTMIS: 'untmis',
  AUSSOM: 'aussom',
  UNMHA: 'unmha',
  UNIFIL: 'unifil',
  UNDOF: 'undof',
  UNFICYP: 'unficyp',
  UNAMI: 'unami',
  UNITAMS: 'unitams',
  MINUSMA: 'minusma',
  'GSF/UNSOH': 'haiti-gsf',
  '2374 Mali sanctions': 'mali-sanctions-2374',
  '1533 DRC sanctions': 'drc-sanctions-1533',
  '2127 CAR sanctions': 'car-sanctions-2127',
  '2206 South Sudan sanctions': 'south-sudan-sanctions-2206',
  '1591 Sudan sanctions': 'sudan-sanctions-1591',
  '2713 Al-Shabaab sanctions': 'al-shabaab-sanctions-2713',
  '2653 Haiti sanctions': 'haiti-sanctions-2653',
};

/** The table's country names that are not a country's name or other name in data/. */
const countryIds: Record<string, string> = { 'Syria/Israel (Golan)': 'syria' };

/**
 * Rows whose expiry is deliberately not the mandate's `expires`, with the reason:
 * - UNTMIS: the row joins 2753 (2024) and the closure date set by 2809 (2025); the date sits on 2809.
 * - 1591 and 2653: the expiry is inferred in the table ("about"), so data/ leaves it out and says so in `unverified`.
 */
const expiryElsewhere: Record<string, { resolution: string; expires: string | undefined }> = {
  'S/RES/2753 (2024); closure date set by S/RES/2809 (2025)': { resolution: '2809 (2025)', expires: '2026-10-31' },
  'S/RES/2791 (2025)': { resolution: '2791 (2025)', expires: undefined },
};

/**
 * Rows the public record has since completed (issue 11, checked against the UN's press release): the table had no
 * resolution number for the Al-Shabaab renewal of 12 December 2025; it is 2806 (2025).
 */
const correctedSince: Record<string, { resolution: string; adopted: string; expires: string }> = {
  '2713 Al-Shabaab sanctions': { resolution: '2806 (2025)', adopted: '2025-12-12', expires: '2026-11-30' },
};

let dataset: Dataset;
beforeAll(async () => {
  const result = await loadDataset(defaultDataDir());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  dataset = result.dataset;
});

function missionOf(row: Row): Mission {
  const id = missionIds[row.mission];
  expect(id, `no mission id for "${row.mission}"`).toBeDefined();
  const mission = dataset.missions.get(id!);
  expect(mission, `mission ${id} is not in data/`).toBeDefined();
  return mission!;
}

/** "S/RES/2808 (2025)" -> "2808 (2025)"; the UNTMIS row names two resolutions, of which the first is the record. */
function resolutionOf(row: Row): string | null {
  if (row.resolution === null) return null;
  return /S\/RES\/(\d+ \(\d{4}\))/.exec(row.resolution)![1]!;
}

const label = (row: Row) =>
  `${row.record_type} ${row.mission} ${row.resolution ?? row.adopted ?? row.expires} (${row.confidence})`;

describe('the reference table', () => {
  it('is the 49-record copy this test was written for', () => {
    expect(rows).toHaveLength(49);
  });
});

describe.each(rows.filter((r) => r.record_type !== 'caac_annual_report').map((r) => [label(r), r] as const))(
  '%s',
  (_, row) => {
    it('is encoded with the same resolution, dates and status', () => {
      const mission = missionOf(row);
      const country = dataset.countries.get(mission.country)!;
      const countryNames = [country.name, ...country.other_names];
      if (countryIds[row.country]) expect(mission.country).toBe(countryIds[row.country]);
      else expect(countryNames).toContain(row.country);

      // Status: active and check rows are running missions (a "check" mandate has expired with no renewal recorded).
      if (row.status === 'active' || row.status === 'check') expect(mission.status).toBe('active');
      if (
        row.record_type !== 'minusma_history' &&
        row.record_type !== 'mali_sanctions_history' &&
        row.status === 'closed'
      ) {
        expect(['closed', 'ended']).toContain(mission.status);
      }
      if (row.record_type === 'minusma_history') expect(mission.status).toBe('closed');
      if (row.record_type === 'mali_sanctions_history') expect(mission.status).toBe('ended');

      const resolution = resolutionOf(row);
      const corrected = correctedSince[row.mission];
      if (resolution === null && corrected) {
        // The number the table lacked was found later (issue 11): the decision is now a mandate record.
        expect(mission.mandates.find((m) => m.resolution === corrected.resolution)).toMatchObject(corrected);
        return;
      }
      if (resolution === null) {
        // No resolution number: a dated milestone or an end, never a mandate record.
        const milestone = mission.milestones.find((m) => m.date === row.adopted);
        expect(milestone, `a milestone dated ${row.adopted}`).toBeDefined();
        if (row.confidence === 'unverified') expect(milestone!.unverified).toBeTruthy();
        if (row.record_type === 'mali_sanctions_history') expect(mission.end?.date).toBe(row.expires);
        if (row.expires && row.record_type === 'sanctions') {
          const event = [...dataset.events.values()].find((e) => e.mission === mission.id && e.date === row.expires);
          expect(event, `an event on ${row.expires}`).toBeDefined();
          expect(event!.unverified).toBeTruthy();
        }
        return;
      }

      const mandate = mission.mandates.find((m) => m.resolution === resolution);
      expect(mandate, `mandate ${resolution} of ${mission.id}`).toBeDefined();
      expect(mandate!.adopted ?? null).toBe(row.adopted);
      const elsewhere = expiryElsewhere[row.resolution!];
      if (elsewhere) {
        const other = mission.mandates.find((m) => m.resolution === elsewhere.resolution);
        expect(other?.expires).toBe(elsewhere.expires);
        if (elsewhere.expires === undefined) expect(other?.unverified).toBeTruthy();
      } else {
        expect(mandate!.expires ?? null).toBe(row.expires);
      }
      if (row.confidence === 'unverified') expect(mandate!.unverified, 'an unverified row must say so').toBeTruthy();

      // The latest decision of a running mission is its current mandate.
      if (row.status === 'active' || row.status === 'check') {
        expect(currentMandate(mission)?.resolution).toBe(elsewhere?.resolution ?? resolution);
      }
      if (row.status === 'superseded') expect(currentMandate(mission)?.resolution).toBe(resolution);
      expect(dataset.sources.has(mandate!.source)).toBe(true);
    });
  },
);

describe.each(rows.filter((r) => r.record_type === 'caac_annual_report').map((r) => [label(r), r] as const))(
  '%s',
  (_, row) => {
    it('is encoded as editor events with the same symbol and dates', () => {
      const events = [...dataset.events.values()];
      const debate = events.find((e) => e.kind === 'open-debate' && e.date === row.expires);
      expect(debate, `an open debate on ${row.expires}`).toBeDefined();
      expect(debate!.country).toBeUndefined();
      expect(debate!.symbol ?? null).toBe(row.resolution?.replace('–', '-') ?? null);
      if (row.confidence === 'unverified') expect(debate!.unverified).toBeTruthy();
      if (row.adopted) {
        const report = events.find((e) => e.kind === 'report' && e.date === row.adopted);
        expect(report, `a report on ${row.adopted}`).toBeDefined();
        expect(report!.symbol ?? null).toBe(row.resolution);
      }
    });
  },
);

describe('the calendar', () => {
  it('lists, after 28 November 2026, the mandates still running, soonest first', () => {
    const upcoming = calendarEvents(dataset).filter((e) => e.date > '2026-11-28' && e.kind === 'mandate-expiry');
    expect(upcoming.map((e) => `${e.date} ${e.missionId}`)).toEqual([
      '2026-11-30 al-shabaab-sanctions-2713',
      '2026-12-20 monusco',
      '2026-12-31 aussom',
      '2026-12-31 unifil',
      '2027-01-31 binuh',
      '2027-01-31 unficyp',
    ]);
    expect(upcoming[1]).toMatchObject({
      id: 'monusco-mandate-expiry',
      title: "MONUSCO's mandate expires",
      countryId: 'democratic-republic-of-the-congo',
      resolution: '2808 (2025)',
      adopted: '2025-12-19',
      source: 'un-press-sc-16260-copy',
      asOf: '2025-12-19',
    });
  });

  it('has no mandate expiry for closed missions, and their ends instead', () => {
    const events = calendarEvents(dataset);
    expect(events.find((e) => e.id === 'minusma-mandate-expiry')).toBeUndefined();
    expect(events.find((e) => e.id === 'minusma-end')).toMatchObject({
      date: '2023-12-31',
      title: 'MINUSMA: withdrawal deadline (liquidation from 1 January 2024)',
    });
    expect(events.find((e) => e.id === 'mali-sanctions-2374-end')?.date).toBe('2023-08-31');
  });

  it('is sorted by date, with unique ids', () => {
    const events = calendarEvents(dataset);
    const dates = events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});
