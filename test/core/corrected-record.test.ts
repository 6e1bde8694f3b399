// Issue 11's corrections as the answers show them, on the real dataset: regimes with no recorded expiry under their
// own heading, `sources` naming the documents facts are cited from (each source once), `figures` alone giving the
// annual report's global totals, and the corrected facts themselves.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Item } from '../../src/core/answer.js';
import { fixedClock } from '../../src/core/clock.js';
import { createCore } from '../../src/core/create-core.js';
import { parseCommand } from '../../src/core/parse-command.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';
import { realDataset } from '../support/real-dataset.js';

let real: Dataset;
beforeAll(async () => {
  real = await realDataset();
});

const ask = (text: string, now = '2026-11-28T12:00:00Z'): Promise<Answer> =>
  createCore({ dataset: () => real, clock: fixedClock(new Date(now)) }).answer(parseCommand(text), { platform: 'cli' });
const items = (a: Answer, heading: string): Item[] => a.sections.find((s) => s.heading === heading)?.items ?? [];

describe('renewals', () => {
  it('lists the regimes with no recorded expiry under their own heading, with why', async () => {
    const a = await ask('renewals');
    const none = items(a, 'No expiry recorded');
    expect(none.map((i) => i.label)).toEqual(['GSF', 'Haiti sanctions (2653)', 'Sudan sanctions (1591)']);
    expect(none[1]).toMatchObject({ text: 'SCR 2794 (2025): no expiry recorded — Haiti' });
    expect(none[1]!.detail).toMatch(/renewed for one year/);
    expect((await ask('renewals haiti')).sections.map((s) => s.heading)).toContain('No expiry recorded');
    expect(items(await ask('renewals mali'), 'No expiry recorded')).toEqual([]);
  });

  it('has the Al-Shabaab renewal 2806 (2025) running to 30 November 2026', async () => {
    const shabaab = items(await ask('renewals somalia'), 'Coming up').find((i) => i.text.startsWith('Al-Shabaab'))!;
    expect(shabaab).toMatchObject({ label: '30 November 2026', detail: '2 days left' });
    expect(shabaab.text).toMatch(/SCR 2806 \(2025\)/);
  });
});

describe('sources <country>', () => {
  it('lists each source once, with no footer repeating them', async () => {
    const a = await ask('sources mali');
    const plain = answerToPlainText(a);
    expect(plain.match(/sc13478\.doc\.htm/g)).toHaveLength(1);
    expect(a.sections.flatMap((s) => s.items).some((i) => (i.cite?.length ?? 0) > 0)).toBe(false);
  });

  it('names the documents facts are cited from, with who cites them', async () => {
    const cited = items(await ask('sources mali'), 'Documents the facts are cited from');
    expect(cited.map((i) => i.label)).toEqual([
      'A/67/845-S/2013/245',
      'A/74/845-S/2020/525',
      'S/2021/299',
      'S/AC.51/2020/11',
    ]);
    expect(cited.find((i) => i.label === 'S/2021/299')!.text).toMatch(/^cited by Watchlist/);
  });
});

describe('figures', () => {
  it('alone parses, and shows the latest global figures with their caveat', async () => {
    expect(parseCommand('figures')).toEqual({ kind: 'figures' });
    expect(parseCommand('figures mali')).toEqual({ kind: 'figures', query: 'mali' });
    const a = await ask('figures');
    expect(a.outcome).toBe('answered');
    const latest = items(a, 'Latest global figures');
    expect(latest.map((i) => i.label)).toEqual(['38,558', '24,174']);
    expect(answerToPlainText(a)).toMatch(
      /government forces were responsible for more of these violations than non-State/,
    );
    expect(latest[0]!.cite?.[0]?.unverified).toMatch(/symbol and date were not seen/);
  });
});

describe('the corrected record', () => {
  it('Haiti 2794 (2025) designated two individuals, from the UN release', () => {
    const m = real.missions.get('haiti-sanctions-2653')!.mandates.find((x) => x.resolution === '2794 (2025)')!;
    expect(m.summary).toMatch(/two individuals designated \(Dimitri Herard, Kempes Sanon\)/);
    expect(real.sources.get(m.source)!.symbol).toBe('SC/16195');
  });

  it('Mali: the third SG report, the 2020 conclusions, the full 2020 report symbol, the CPA wording', () => {
    const mali = real.countries.get('mali')!;
    expect(mali.sg_country_reports.find((r) => r.year === 2020)).toMatchObject({
      symbol: 'S/2020/1105',
      as_of: '2020-11-11',
    });
    expect(mali.working_group_conclusions.find((r) => r.year === 2020)?.symbol).toBe('S/AC.51/2020/11');
    const reports = [...real.parties.values()].flatMap((p) => p.listings.filter((l) => l.report_year === 2020));
    expect(reports.map((l) => l.report)).toEqual(Array(reports.length).fill('A/74/845-S/2020/525'));
    const cp = real.missions.get('minusma')!.child_protection!.text;
    expect(cp).not.toMatch(/added by/);
    expect(cp).toMatch(/2100 \(2013\).*called for by resolution 2164 \(2014\)/);
  });

  it('prefers the UN page: 2432 on SC/13478, UNSMIL on its mandate page; the Panel date kept apart', () => {
    const mali = real.missions.get('mali-sanctions-2374')!;
    const m2432 = mali.mandates.find((m) => m.resolution === '2432 (2018)')!;
    expect(real.sources.get(m2432.source)!.url).toBe('https://press.un.org/en/2018/sc13478.doc.htm');
    expect(m2432).toMatchObject({ expires: '2019-08-31', panel_expires: '2019-09-30' });
    const unsmil = real.missions.get('unsmil')!.mandates.at(-1)!;
    expect(real.sources.get(unsmil.source)!.url).toBe('https://unsmil.unmissions.org/mandate');
  });
});
