// Writes a synthetic dataset at scale (default 200 countries, 20,000 parties) in the same layout as data/:
// reference.yaml, sources/*.yaml, countries/<id>.yaml. Names are pronounceable and unique, built from syllables with a
// seeded generator, so that runs are repeatable and fuzzy search has realistic neighbours. It never writes into data/.
//   node dist/bench/generate-dataset.js [--countries 200] [--parties-per-country 100] [--out <dir>]
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { isMain } from './support/is-main.js';

/** How big a dataset to generate. */
export interface GenerateOptions {
  countries: number;
  partiesPerCountry: number;
  seed?: number;
  /** The day every generated mission's mandate expires (default 2026-06-30). */
  missionExpires?: string;
}

/** What was written, and names to look up (present) and to miss (absent but close to present ones). */
export interface GeneratedDataset {
  dir: string;
  countries: number;
  parties: number;
  files: number;
  bytes: number;
  /** Party names that exist, for lookups. */
  partyNames: string[];
  /** Country names that exist. */
  countryNames: string[];
  /** Made-up names of the same shape that exist nowhere, for fuzzy misses. */
  missNames: string[];
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ru',
  'ta',
  'ne',
  'so',
  'vi',
  'da',
  'go',
  'be',
  'zu',
  'pa',
  'ri',
  'mo',
  'ke',
  'la',
  'tu',
  'fa',
  'ni',
  'sa',
  'do',
  'ye',
  'wa',
];
const KINDS = [
  'Movement',
  'Front',
  'Alliance',
  'Army',
  'Union',
  'Brigade',
  'Council',
  'Forces',
  'Militia',
  'Coalition',
];
const AIMS = ['Liberation', 'Defence', 'Unity', 'Salvation', 'Renewal', 'Justice', 'Resistance', 'Democracy'];
const CODES = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const SOURCES = 40;

/** A small seeded PRNG (mulberry32), so that the same options give the same dataset. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates into a fresh temp folder (or `out`), returning what it wrote. */
export async function generateDataset(opts: GenerateOptions, out?: string): Promise<GeneratedDataset> {
  const dir = out ?? (await mkdtemp(path.join(tmpdir(), 'caac-bench-data-')));
  if (isInside(path.resolve(dir), shippedDataDir())) {
    throw new Error(`refusing to write a generated dataset into ${dir}: the shipped data/ holds curated facts only`);
  }
  const rnd = random(opts.seed ?? 8);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const used = new Set<string>();
  // A unique pronounceable word of 3-4 syllables.
  const word = (): string => {
    for (;;) {
      const n = 3 + Math.floor(rnd() * 2);
      let w = '';
      for (let i = 0; i < n; i++) w += pick(SYLLABLES);
      if (!used.has(w)) {
        used.add(w);
        return w;
      }
    }
  };
  const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);

  await mkdir(path.join(dir, 'sources'), { recursive: true });
  await mkdir(path.join(dir, 'countries'), { recursive: true });
  let bytes = 0;
  const write = async (file: string, value: unknown) => {
    const text = stringify(value, { lineWidth: 0 });
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, file), text);
  };

  await write('reference.yaml', {
    source: 'bench-source-0',
    violation_codes: Object.fromEntries(
      CODES.map((c) => [c, { label: `Parties for violation ${c}`, short: `violation ${c}` }]),
    ),
    markers: {
      action_plan: { symbol: '~', label: 'Concluded an action plan.' },
      persistent_perpetrator: { symbol: '*', label: 'In the annexes for at least five years.' },
    },
  });
  await write('sources/bench.yaml', {
    sources: Array.from({ length: SOURCES }, (_, i) => ({
      id: `bench-source-${i}`,
      publisher: 'Bench Publisher',
      title: `Generated report number ${i}`,
      date: `${2010 + (i % 15)}-0${1 + (i % 9)}`,
      symbol: `S/${2010 + (i % 15)}/${100 + i}`,
    })),
  });

  const partyNames: string[] = [];
  const countryNames: string[] = [];
  for (let c = 0; c < opts.countries; c++) {
    const countryWord = word();
    const countryId = countryWord;
    const countryName = title(countryWord);
    countryNames.push(countryName);
    const source = () => `bench-source-${Math.floor(rnd() * SOURCES)}`;
    const parties = Array.from({ length: opts.partiesPerCountry }, (_, p) => {
      const place = title(word());
      const name = `${pick(KINDS)} for the ${pick(AIMS)} of ${place}`;
      partyNames.push(name);
      const first = 2010 + Math.floor(rnd() * 10);
      const listings = Array.from({ length: 1 + Math.floor(rnd() * 4) }, (_, k) => ({
        report_year: first + k,
        codes: [...new Set([pick(CODES), pick(CODES)])].sort(),
        source: source(),
        as_of: `${first + k}-06`,
      }));
      return {
        id: `${countryId}-p${p}`,
        country: countryId,
        name,
        acronyms: [
          `${name
            .split(' ')
            .filter((w) => /^[A-Z]/.test(w))
            .map((w) => w[0])
            .join('')}${c}-${p}`,
        ],
        other_names: [`${place} ${pick(KINDS).toLowerCase()}`],
        listings,
        ...(rnd() < 0.2 ? { persistent_perpetrator: { value: true, source: source() } } : {}),
        ...(rnd() < 0.1 ? { action_plan_marker: { value: true, source: source() } } : {}),
        description: { text: `An armed group active in ${place}, ${countryName}.`, source: source() },
      };
    });
    const country = {
      id: countryId,
      name: countryName,
      other_names: [`République de ${countryName}`],
      iso3: threeLetters(c),
      in_annexes_since: { year: 2010 + (c % 10), source: source() },
      sg_country_reports: [{ year: 2018, source: source() }],
      lead_country: [{ value: 'France', source: source(), as_of: '2021-06' }],
      figures: [
        {
          metric: 'grave violations verified',
          value: Math.floor(rnd() * 500),
          period: 'January–March 2021',
          source: source(),
        },
      ],
      recommendations: [
        {
          to: 'Security Council',
          date: '2021-06',
          topics: ['protection'],
          text: `Call on all parties in ${countryName} to release children.`,
          source: source(),
        },
      ],
      summaries: [{ text: `${countryName} has been on the agenda since ${2010 + (c % 10)}.`, source: source() }],
    };
    const missions = [
      {
        id: `${countryId}-mission`,
        kind: 'peace-operation',
        acronym: `UNM${threeLetters(c)}`,
        name: `United Nations Mission in ${countryName}`,
        country: countryId,
        status: 'active',
        mandates: [
          {
            resolution: `${2500 + (c % 400)} (2025)`,
            adopted: '2025-06-27',
            expires: opts.missionExpires ?? '2026-06-30',
            source: source(),
          },
        ],
      },
    ];
    await write(`countries/${countryId}.yaml`, { country, parties, missions });
  }

  // Misses: fresh words of the same shape (never generated above), in a party-like phrase.
  const missNames = Array.from({ length: 200 }, () => `${pick(KINDS)} of ${title(word())}`);
  return {
    dir,
    countries: opts.countries,
    parties: opts.countries * opts.partiesPerCountry,
    files: 2 + opts.countries,
    bytes,
    partyNames,
    countryNames,
    missNames,
  };
}

/** The package's data/ folder (found from this module, in bench/ or dist/bench/). */
function shippedDataDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'data');
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** AAA, AAB, …: a unique ISO-like three-letter code per country index. */
function threeLetters(i: number): string {
  const a = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return a[Math.floor(i / 676) % 26]! + a[Math.floor(i / 26) % 26]! + a[i % 26]!;
}

if (isMain(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const outArg = process.argv.includes('--out') ? arg('out', '') : undefined;
  const result = await generateDataset(
    { countries: Number(arg('countries', '200')), partiesPerCountry: Number(arg('parties-per-country', '100')) },
    outArg,
  );
  process.stdout.write(
    `wrote ${result.countries} countries, ${result.parties} parties, ${(result.bytes / 1e6).toFixed(1)} MB in ${result.dir}\n`,
  );
}
