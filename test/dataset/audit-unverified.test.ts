// The fact audit against the reference (../shared/reference/): what the reference marks unverified, inferred or not
// found is never a plain fact in data/. It is either absent or carries `unverified:`, which the bot shows with the
// fact. Also: every source's address is one the reference records as seen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';
import type { Dataset } from '../../src/dataset/schema.js';

interface Row {
  record_type: string;
  mission: string;
  resolution: string | null;
  adopted: string | null;
  expires: string | null;
  sources: string[];
  confidence: 'verified' | 'unverified';
  note: string;
}

const rows = parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/un-mandates-2026-03.yaml'), 'utf8'),
) as Row[];

/** The table's mission names -> mission ids in data/ (the thematic CAAC rows have none). */
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

/** Addresses in ../shared/reference/mali-public-record.md (the Mali record is not copied into the repository). */
const MALI_RECORD_URLS = [
  'https://reliefweb.int/report/mali/un-send-peacekeepers-risky-mali-conflict',
  'https://press.un.org/en/2014/sc11453.doc.htm',
  'https://press.un.org/en/2018/sc13400.doc.htm',
  'https://press.un.org/en/2019/sc13867.doc.htm',
  'http://unscr.com/en/resolutions/2480',
  'https://www.un.org/press/en/2020/sc14235.doc.htm',
  'https://afrique.le360.ma/autres-pays/politique/2021/08/10/35101-video-mali-nouveau-mandat-de-la-minusma-avec-beaucoup-plus-de-troupes-35101',
  'https://press.un.org/en/2022/sc14953.doc.htm',
  'https://press.un.org/en/2023/sc15341.doc.htm',
  'https://media.un.org/avlibrary/en/asset/d306/d3067286',
  'https://reliefweb.int/report/mali/conclusions-children-and-armed-conflict-mali-sac5120181rev1',
  'https://press.un.org/en/2017/sc12979.doc.htm',
  'https://allafrica.com/stories/201809050556.html',
  'https://newsroomodisha.com/un-security-council-renews-mali-sanctions',
  'https://usun.usmission.gov/remarks-on-the-france-and-uae-drafted-un-security-council-resolution-on-renewing-mali-sanctions/',
  'https://reliefweb.int/report/mali/chair-security-council-2374-committee-visits-bamako-mali',
  'https://www.securitycouncilreport.org/whatsinblue/2020/11/briefing-on-mali-sanctions.php',
  'https://www.unmultimedia.org/avlibrary/asset/2695/2695160/',
  'https://www.un.org/securitycouncil/sanctions/2374',
];

/** Pages listed in the table's Markdown copy but not in its YAML rows (the Markdown is not in the repository). */
const TABLE_MARKDOWN_URLS = [
  'https://press.un.org/en/content/meetings-coverage?page=589',
  'https://press.un.org/en/2016/sc12426.doc.htm',
  'https://press.un.org/en/2017/sc12895.doc.htm',
  'http://234365w.com/english/2019-08/30/c_138349022.htm',
  'https://press.un.org/en/2020/sc14291.doc.htm',
  'https://lenationmali.com/security-council-renews-mali-sanctions-panel-of-experts-monitoring-implementation-unanimously-adopting-resolution-2590-2021/',
  'https://www.telesurenglish.net/news/Russia-Vetoes-Renewal-of-Mali-Sanctions-Regime-20230831-0002.html',
];

/** Pages seen through the search tool on 5 December 2026 for issue 11's corrections (not in the March reference). */
const ISSUE_11_URLS = [
  'http://www.globalsecurity.org/military/library/news/2025/10/mil-251017-unsc01.htm',
  'https://news.un.org/en/story/2025/09/1166003',
  'https://pubt.io/view/24CAE34B105ECD37E52FBADB9F32123122FCDC67',
  'https://unsmil.unmissions.org/mandate',
  'https://press.un.org/en/2018/sc13478.doc.htm',
  'http://unscr.com/en/resolutions/2649',
  'https://reliefweb.int/report/mali/report-secretary-general-children-and-armed-conflict-mali-s20201105',
  'https://www.nationaltribune.com.au/public-statement-by-chair-of-the-working-group-on-children-and-armed-conflict/',
];

let dataset: Dataset;
beforeAll(async () => {
  const result = await loadDataset(defaultDataDir());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  dataset = result.dataset;
});

/** A row whose key field the reference says was inferred or implied (not the canonical address of a mirror). */
const inferred = (row: Row) => /\b(inferred|implied)\b/i.test(row.note.replace(/canonical URL inferred/gi, ''));
const resolutionOf = (text: string | null) => (text ? (/S\/RES\/(\d+ \(\d{4}\))/.exec(text)?.[1] ?? null) : null);
const label = (row: Row) => `${row.mission} ${row.resolution ?? row.adopted ?? row.expires}`;

describe.each(rows.filter((r) => r.confidence === 'unverified' || inferred(r)).map((r) => [label(r), r] as const))(
  'reference row %s (unverified or inferred)',
  (_, row) => {
    it('is absent from data/, or every fact drawn from it carries `unverified:`', () => {
      const dates = [row.adopted, row.expires].filter((d): d is string => d !== null);
      if (row.record_type === 'caac_annual_report') {
        for (const e of dataset.events.values()) {
          if (dates.includes(e.date) && e.country === undefined) expect(e.unverified, `event ${e.id}`).toBeTruthy();
        }
        return;
      }
      const mission = dataset.missions.get(missionIds[row.mission]!);
      if (!mission) return;
      const resolution = resolutionOf(row.resolution);
      for (const m of mission.mandates) {
        if (resolution !== null && m.resolution === resolution)
          expect(m.unverified, `mandate ${m.resolution}`).toBeTruthy();
      }
      if (resolution === null) {
        // A decision without a number can only be a milestone, an end or an editor's event: each says it is unverified.
        for (const m of mission.milestones)
          if (dates.includes(m.date)) expect(m.unverified, `milestone ${m.date}`).toBeTruthy();
        for (const e of dataset.events.values()) {
          if (e.mission === mission.id && dates.includes(e.date)) expect(e.unverified, `event ${e.id}`).toBeTruthy();
        }
      }
    });
  },
);

describe('what the reference could not find or check is not a plain fact', () => {
  const maliParties = () => [...dataset.parties.values()].filter((p) => p.country === 'mali');

  it('no Mali listing for the 2019, 2023 or 2024 reports (not found)', () => {
    for (const p of maliParties()) {
      expect(
        p.listings.filter((l) => [2019, 2023, 2024].includes(l.report_year)),
        p.id,
      ).toEqual([]);
      expect(
        p.not_listed.filter((l) => [2019, 2023, 2024].includes(l.report_year)),
        p.id,
      ).toEqual([]);
    }
  });

  it('the 2013 listings carry the conflict between sources (the 2013 annex was not checked)', () => {
    for (const p of maliParties())
      for (const l of p.listings.filter((x) => x.report_year === 2013))
        expect(l.unverified, p.id).toMatch(/killing and maiming/);
  });

  it('no 2374 Committee chair for 2017, 2018 or 2023 (not found)', () => {
    const chairs = dataset.missions.get('mali-sanctions-2374')!.chairs;
    expect(chairs.filter((c) => /^(2017|2018|2023)/.test(c.as_of ?? dataset.sources.get(c.source)!.date))).toEqual([]);
  });

  it("no date for the Platform's action plan (not found)", () => {
    expect(dataset.countries.get('mali')!.action_plans.filter((p) => p.parties.includes('platform'))).toEqual([]);
  });

  it('the S/2021/299 figures, which could not be checked, say so, and no fact cites the unseen report itself', () => {
    for (const f of dataset.countries.get('mali')!.figures) expect(f.unverified, f.metric).toMatch(/S\/2021\/299/);
    expect([...dataset.sources.values()].filter((s) => s.symbol === 'S/2021/299')).toEqual([]);
  });
});

describe('sources', () => {
  it('every address is one the reference records as seen', () => {
    const seen = new Set([
      ...rows.flatMap((r) => r.sources),
      ...MALI_RECORD_URLS,
      ...TABLE_MARKDOWN_URLS,
      ...ISSUE_11_URLS,
    ]);
    const unknown = [...dataset.sources.values()]
      .filter((s) => s.url !== undefined && !seen.has(s.url))
      .map((s) => `${s.id} ${s.url}`);
    expect(unknown).toEqual([]);
  });
});
