// calendarEvents and currentMandate on small hand-written datasets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarEvents, currentMandate, sortedMandates } from '../../src/dataset/calendar-events.js';
import { formatProblem, loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';
import type { Dataset } from '../../src/dataset/schema.js';

const minimal = path.resolve(import.meta.dirname, '../fixtures/minimal');

function datasetWith(country: string, events = 'events: []\n'): Dataset {
  const result = loadDatasetFromFiles([
    { path: 'reference.yaml', role: 'reference', text: readFileSync(path.join(minimal, 'reference.yaml'), 'utf8') },
    { path: 'sources.yaml', role: 'sources', text: readFileSync(path.join(minimal, 'sources/sources.yaml'), 'utf8') },
    { path: 'c.yaml', role: 'country', text: country },
    { path: 'e.yaml', role: 'events', text: events },
  ]);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}

const country = `
country: { id: x, name: X }
missions:
  - id: alpha
    kind: peace-operation
    acronym: ALPHA
    name: Alpha Mission
    country: x
    status: active
    mandates:
      # out of order on purpose: the latest by adoption date is current
      - { resolution: 3002 (2025), adopted: "2025-06-29", expires: "2026-06-30", source: src-two, unverified: not seen }
      - { resolution: 3001 (2024), adopted: "2024-06-28", expires: "2025-06-30", source: src-one, as_of: "2024-07" }
      - { resolution: 3000 (2023), expires: "2024-06-30", source: src-one }
  - id: beta
    kind: sanctions-regime
    acronym: Beta sanctions (99)
    name: Beta regime
    country: x
    status: active
    mandates:
      - { resolution: 3003 (2025), adopted: "2025-01-01", source: src-one }
  - id: gamma
    kind: political-mission
    acronym: GAMMA
    name: Gamma Office
    country: x
    status: closed
    mandates:
      - { resolution: 3004 (2022), adopted: "2022-01-01", expires: "2023-01-01", source: src-one }
    end: { date: "2022-12-31", text: withdrawal completed, source: src-two }
`;

describe('currentMandate', () => {
  it('is the latest by adoption date; a mandate with no adoption date sorts first', () => {
    const d = datasetWith(country);
    const alpha = d.missions.get('alpha')!;
    expect(currentMandate(alpha)?.resolution).toBe('3002 (2025)');
    expect(sortedMandates(alpha).map((m) => m.resolution)).toEqual(['3000 (2023)', '3001 (2024)', '3002 (2025)']);
  });
});

describe('calendarEvents', () => {
  it('derives expiries of active missions and ends of closed ones, and keeps editor events with their precision', () => {
    const d = datasetWith(
      country,
      'events:\n  - { id: debate, date: "2026-06", kind: open-debate, title: Open debate, source: src-one, symbol: S/2026/1 }\n',
    );
    expect(calendarEvents(d)).toEqual([
      {
        id: 'gamma-end',
        kind: 'mission-end',
        date: '2022-12-31',
        title: 'GAMMA: withdrawal completed',
        countryId: 'x',
        missionId: 'gamma',
        source: 'src-two',
        asOf: '2021-06-30',
      },
      {
        id: 'debate',
        kind: 'open-debate',
        date: '2026-06',
        title: 'Open debate',
        resolution: 'S/2026/1',
        source: 'src-one',
        asOf: '2021-06',
      },
      {
        id: 'alpha-mandate-expiry',
        kind: 'mandate-expiry',
        date: '2026-06-30',
        title: "ALPHA's mandate expires",
        countryId: 'x',
        missionId: 'alpha',
        resolution: '3002 (2025)',
        adopted: '2025-06-29',
        source: 'src-two',
        asOf: '2021-06-30',
        unverified: 'not seen',
      },
    ]);
  });

  it('gives a sanctions regime words of its own, and nothing when no expiry is recorded', () => {
    const d = datasetWith(
      country.replace(
        '{ resolution: 3003 (2025), adopted: "2025-01-01", source: src-one }',
        '{ resolution: 3003 (2025), adopted: "2025-01-01", expires: "2026-01-31", source: src-one }',
      ),
    );
    expect(calendarEvents(d).find((e) => e.id === 'beta-mandate-expiry')?.title).toBe(
      'Beta sanctions (99): measures expire',
    );
    expect(calendarEvents(datasetWith(country)).find((e) => e.id === 'beta-mandate-expiry')).toBeUndefined();
  });

  it('an editor event may not take the id of a derived event', () => {
    const result = loadDatasetFromFiles([
      { path: 'reference.yaml', role: 'reference', text: readFileSync(path.join(minimal, 'reference.yaml'), 'utf8') },
      { path: 'sources.yaml', role: 'sources', text: readFileSync(path.join(minimal, 'sources/sources.yaml'), 'utf8') },
      { path: 'c.yaml', role: 'country', text: country },
      {
        path: 'e.yaml',
        role: 'events',
        text: 'events:\n  - { id: alpha-mandate-expiry, date: "2026", kind: other, title: T, source: src-one }\n',
      },
    ]);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'e.yaml:2: events[0].id: is reserved for the events derived from the mission',
    ]);
  });
});
