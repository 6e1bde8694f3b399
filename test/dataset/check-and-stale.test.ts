// `caac data check` and `caac data stale`, on data/ and on the fixtures.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/dataset/check-dataset.js';
import { defaultDataDir, formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { staleReport } from '../../src/dataset/stale-report.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

describe('checkDataset', () => {
  it('summarises a valid dataset, and warns about sources no fact uses', async () => {
    const result = await checkDataset(path.join(fixtures, 'minimal'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counts).toEqual({ sources: 2, countries: 1, parties: 2, missions: 1, events: 1 });
    expect(result.summary).toMatch(
      /: 4 files, 1 countries, 2 parties, 1 missions and regimes, 1 events, 2 sources \(version [0-9a-f]{12}\)$/,
    );
    expect(result.warnings).toEqual([]);
  });

  it('passes on data/, with every source used', async () => {
    const result = await checkDataset(defaultDataDir());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.warnings).toEqual([]);
  });

  it('lists the problems of a broken dataset', async () => {
    const result = await checkDataset(path.join(fixtures, 'broken/many-problems'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(4);
    expect(result.summary).toMatch(/^4 problems in /);
  });
});

describe('staleReport on data/', () => {
  let dataset: Dataset;
  beforeAll(async () => {
    const result = await loadDataset(defaultDataDir());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    dataset = result.dataset;
  });

  it('on 28 November 2026 lists the mandates that expired with no renewal recorded, oldest first', () => {
    const report = staleReport(dataset, new Date('2026-11-28T12:00:00Z'));
    const expired = report.mandates.filter((m) => m.kind === 'expired');
    expect(expired.map((m) => `${m.expired} ${m.missionId}`)).toEqual([
      '2026-03-17 unama',
      '2026-04-30 unmiss',
      '2026-05-31 south-sudan-sanctions-2206',
      '2026-06-30 undof',
      '2026-07-01 drc-sanctions-1533',
      '2026-07-31 car-sanctions-2127',
      '2026-10-31 unsmil',
      '2026-10-31 unvmc',
      '2026-11-15 minusca',
      '2026-11-15 unisfa',
    ]);
    expect(expired.find((m) => m.missionId === 'minusca')?.message).toBe(
      'MINUSCA: expired on 15 November 2026 under 2800 (2025); no renewal recorded in the dataset (as of 13 November 2025)',
    );
    expect(expired.find((m) => m.missionId === 'minusca')?.daysAgo).toBe(13);
    // MONUSCO runs to 20 December 2026: not stale.
    expect(report.mandates.find((m) => m.missionId === 'monusco')).toBeUndefined();
    // Running missions with no expiry recorded are listed too, with their uncertainty.
    const noExpiry = report.mandates.filter((m) => m.kind === 'no-expiry').map((m) => m.missionId);
    // Al-Shabaab: 2806 (2025) runs to 30 November 2026 (issue 11), so it is neither expired nor undated.
    expect(noExpiry.sort()).toEqual(['haiti-gsf', 'haiti-sanctions-2653', 'sudan-sanctions-1591']);
  });

  it('on 1 June 2021 has no expired mandate and nothing old for Mali', () => {
    const report = staleReport(dataset, new Date('2021-06-01T00:00:00Z'));
    expect(report.mandates.filter((m) => m.kind === 'expired' && m.countryId === 'mali')).toEqual([]);
    expect(report.areas.filter((a) => a.countryId === 'mali')).toEqual([]);
  });

  it('says how old the Mali listings are on 28 November 2026', () => {
    const report = staleReport(dataset, new Date('2026-11-28T00:00:00Z'), { maxAgeDays: 365 });
    const listings = report.areas.find((a) => a.countryId === 'mali' && a.area === 'listings');
    expect(listings).toMatchObject({ newest: '2021-06', facts: 19 });
    expect(listings?.message).toBe('Mali: listings as of June 2021 (over 5 years old)');
    expect(staleReport(dataset, new Date('2026-11-28T00:00:00Z'), { maxAgeDays: 10_000 }).areas).toEqual([]);
  });
});
