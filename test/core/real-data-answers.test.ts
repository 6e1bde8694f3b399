// Answers on the real dataset, read as a user would: a brief whose annex data is missing says so as a
// gap, the renewals list of issue 6, the EXAMPLES lines ("up for renewal in June", the next party), and a miss.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Item } from '../../src/core/answer.js';
import { fixedClock } from '../../src/core/clock.js';
import { createCore } from '../../src/core/create-core.js';
import { parseCommand } from '../../src/core/parse-command.js';
import type { RequestContext } from '../../src/core/ports.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';
import { realDataset } from '../support/real-dataset.js';

let real: Dataset;
beforeAll(async () => {
  real = await realDataset();
});

const cli: RequestContext = { platform: 'cli' };
const ask = (text: string, now: string): Promise<Answer> =>
  createCore({ dataset: () => real, clock: fixedClock(new Date(now)) }).answer(parseCommand(text), cli);
const items = (a: Answer, heading: string): Item[] => a.sections.find((s) => s.heading === heading)?.items ?? [];

describe('a brief for a situation whose annex listings are not in the dataset', () => {
  it('says what it holds and what it does not, without reading as "not listed"', async () => {
    const a = await ask('drc', '2026-11-28T12:00:00Z');
    expect(a.subtitle).toMatch(/^Annex listings, figures, recommendations: not yet in this dataset · data as of /);
    const plain = answerToPlainText(a);
    expect(plain).not.toMatch(/not in the Secretary-General's annexes/i);
    expect(plain).not.toMatch(/not listed/i);
    // What it holds: the mission, with its source.
    expect(items(a, 'Missions and sanctions')[0]).toMatchObject({
      label: 'MONUSCO',
      text: 'mandate under SCR 2808 (2025) runs to 20 December 2026',
    });
    // What it does not, each as a gap, and where those facts are published, with a source.
    const gaps = items(a, 'Not yet in this dataset');
    expect(gaps.filter((i) => i.tone === 'gap').map((i) => i.label)).toEqual([
      'Annex listings',
      'Figures',
      'Recommendations',
    ]);
    const where = gaps.find((i) => i.label === 'Where to look')!;
    expect(where.text).toContain('A/78/842-S/2024/384');
    expect(where.cite?.length).toBe(1);
    // The sources behind what it holds are the first next step.
    expect(a.actions[0]).toEqual({ label: 'Sources', command: 'sources drc' });
  });

  it('leaves the Mali brief, which has its annex data, without a gap section', async () => {
    const a = await ask('mali', '2026-11-28T12:00:00Z');
    expect(a.subtitle).toMatch(/^In the Secretary-General's annexes since 2013/);
    expect(a.sections.map((s) => s.heading)).not.toContain('Not yet in this dataset');
  });

  it('points to the newest report known on the chosen day, not a later one', async () => {
    const a = await ask('drc', '2023-12-01T12:00:00Z');
    const where = items(a, 'Not yet in this dataset').find((i) => i.label === 'Where to look')!;
    expect(where.text).toContain('A/77/895-S/2023/363');
  });
});

describe('renewals on 28 November 2026 (issue 6)', () => {
  it('lists the mandates still running, soonest first, with days left and sources', async () => {
    const a = await ask('renewals', '2026-11-28T12:00:00Z');
    const coming = items(a, 'Coming up').filter((i) => /mandate expires/.test(i.text));
    expect(coming.map((i) => [i.label, i.text.split(' (')[0], i.detail?.split(';')[0]])).toEqual([
      ['20 December 2026', "MONUSCO's mandate expires", '22 days left'],
      ['31 December 2026', "AUSSOM's mandate expires", '33 days left'],
      ['31 December 2026', "UNIFIL's mandate expires", '33 days left'],
      ['31 January 2027', "BINUH's mandate expires", '64 days left'],
      ['31 January 2027', "UNFICYP's mandate expires", '64 days left'],
    ]);
    for (const i of coming) expect(i.cite?.length).toBeGreaterThan(0);
    // UNIFIL's is its end, not a routine renewal.
    expect(coming[2]!.detail).toContain('the final extension');
  });

  it('marks an unverified date in its own line, not only in the source list', async () => {
    const a = await ask('renewals', '2026-11-28T12:00:00Z');
    // Al-Shabaab's 30 November 2026 is now verified (2806 (2025), issue 11); the GSF's milestone is not a date.
    const shabaab = items(a, 'Coming up').find((i) => i.text.startsWith('Al-Shabaab'))!;
    expect(shabaab.detail).toBe('2 days left');
    const may = await ask('renewals', '2026-05-28T12:00:00Z');
    const southSudan = items(may, 'Coming up').find((i) => i.text.startsWith('South Sudan sanctions'))!;
    expect(southSudan.detail).toBe('3 days left; unverified');
  });

  it('lists apart, most recent first, the mandates expired with no renewal recorded', async () => {
    const a = await ask('renewals', '2026-11-28T12:00:00Z');
    const expired = items(a, 'Expired, no renewal recorded');
    expect(expired.map((i) => i.label)).toEqual([
      'MINUSCA',
      'UNISFA',
      'UNSMIL',
      'UNVMC',
      'CAR sanctions (2127)',
      'DRC sanctions (1533)',
      'UNDOF',
      'South Sudan sanctions (2206)',
      'UNMISS',
      'UNAMA',
    ]);
    for (const i of expired) expect(i.text).toMatch(/expired on .*; no renewal recorded in the dataset/);
    expect(items(a, 'Coming up').some((i) => /MINUSCA|UNISFA|UNMISS/.test(i.text))).toBe(false);
  });

  it('does not call a planned closure that no source confirms "closed"', async () => {
    const a = await ask('untmis', '2026-11-28T12:00:00Z');
    const now = items(a, 'Now')[0]!;
    expect(now.text).toBe(
      'operations to cease (final date): 31 October 2026 under SCR 2809 (2025); that it closed is not confirmed in the dataset',
    );
    expect(now.tone).toBe('warning');
  });
});

describe('the lines of EXAMPLES.md', () => {
  it('says MINUSMA is up for renewal in June, on 1 June 2021, with the source', async () => {
    const a = await ask('mali', '2021-06-01T12:00:00Z');
    const minusma = items(a, 'Missions and sanctions').find((i) => i.label === 'MINUSMA')!;
    expect(minusma.text).toBe('mandate under SCR 2531 (2020) runs to 30 June 2021');
    expect(minusma.detail).toBe('29 days left; the mandate is up for renewal in June, pursuant to SCR 2531 (2020)');
    expect(minusma.cite?.map((c) => c.sourceId)).toContain('watchlist-2021-06-mali');
  });

  it('does not repeat the June 2021 renewal note once it is past', async () => {
    const a = await ask('mali', '2021-07-02T12:00:00Z');
    const minusma = items(a, 'Missions and sanctions').find((i) => i.label === 'MINUSMA')!;
    expect(minusma.detail).not.toContain('up for renewal');
  });

  it('offers recs, figures, sources, the party with the action plan, renewals and a reminder next', async () => {
    const a = await ask('mali', '2021-06-01T12:00:00Z');
    expect(a.actions.map((x) => x.command)).toEqual([
      'recs mali',
      'figures mali',
      'sources mali',
      'mnla',
      'renewals mali',
      'remind mali',
    ]);
  });

  it('offers the country the dataset says most about first when nothing is near', async () => {
    const a = await ask('narnia', '2026-11-28T12:00:00Z');
    expect(a.actions[0]).toEqual({ label: 'Mali', command: 'mali' });
    expect(a.actions.at(-1)).toEqual({ label: 'Help', command: 'help' });
  });
});

describe('an expired mandate with a later extension reported but not verified', () => {
  it('is still "no renewal recorded", and the report is shown as unverified', async () => {
    const a = await ask('renewals', '2026-11-28T12:00:00Z');
    const unama = items(a, 'Expired, no renewal recorded').find((i) => i.label === 'UNAMA')!;
    expect(unama.text).toBe(
      'mandate under SCR 2777 (2025) expired on 17 March 2026; no renewal recorded in the dataset (as of 17 March 2025) — Afghanistan',
    );
    expect(unama.detail).toMatch(/^256 days ago; unverified, 16 March 2026: Three-month extension reported/);
    expect(unama.cite?.some((c) => c.unverified)).toBe(true);
  });
});
