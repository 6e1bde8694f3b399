// `caac data import` on real Security Council releases (test/fixtures/releases/, each with its address), from a
// file and from a URL served on 127.0.0.1, in English and French: every kind imports into a dataset that lacks it,
// with only the new lines added and every comment kept; refusals change nothing; a release already recorded is a
// no-op, and a better source replaces a weaker one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importRelease } from '../../src/curation/import-release.js';
import { currentMandate } from '../../src/dataset/calendar-events.js';
import { defaultDataDir, formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';
import { run } from '../../src/cli.js';
import { type ScratchDataset, scratchDataset, withoutMandate } from '../support/scratch-dataset.js';

const RELEASES = path.resolve(import.meta.dirname, '../fixtures/releases');
const fixture = (name: string) => path.join(RELEASES, name);

let data: ScratchDataset;
afterEach(async () => {
  await data?.remove();
});

async function loaded(dir: string) {
  const r = await loadDataset(dir);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.dataset;
}

/** Lines of `before` that are missing from `after` (an import only adds lines, except a termination's status). */
function removedLines(before: string, after: string): string[] {
  const left = after.split('\n');
  return before.split('\n').filter((line) => {
    const i = left.indexOf(line);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

const cases = [
  {
    file: 'en-extension-unsmil-2796.txt',
    country: 'countries/libya.yaml',
    mission: 'unsmil',
    row: { resolution: '2796 (2025)', adopted: '2025-10-31', expires: '2026-10-31' },
  },
  {
    file: 'en-sanctions-al-shabaab-2806.txt',
    country: 'countries/somalia.yaml',
    mission: 'al-shabaab-sanctions-2713',
    row: { resolution: '2806 (2025)', adopted: '2025-12-12', expires: '2026-11-30', panel_expires: '2026-12-31' },
  },
  {
    file: 'fr-rollover-unmiss-2778.txt',
    country: 'countries/south-sudan.yaml',
    mission: 'unmiss',
    row: { resolution: '2778 (2025)', expires: '2025-05-09', summary: 'A technical rollover to 2025-05-09.' },
  },
  {
    file: 'fr-sanctions-mali-2541.txt',
    country: 'countries/mali.yaml',
    mission: 'mali-sanctions-2374',
    row: { resolution: '2541 (2020)', expires: '2021-08-31', panel_expires: '2021-09-30' },
  },
  {
    file: 'fr-termination-minusma-2690.txt',
    country: 'countries/mali.yaml',
    mission: 'minusma',
    row: { resolution: '2690 (2023)', adopted: '2023-06-30', expires: '2023-06-30' },
  },
] as const;

describe.each(cases)('$file', ({ file, country, mission, row }) => {
  it('is already recorded in data/: exit 0, no change', async () => {
    const r = await importRelease(fixture(file), { dataDir: defaultDataDir(), write: false, json: false });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Result: already recorded: nothing to change\./);
  });

  it('imports into a dataset that lacks it: a diff first, then --write adds only the row and its source', async () => {
    data = await scratchDataset();
    await data.edit(country, (t) => withoutMandate(t, row.resolution));
    const before = await data.snapshot();
    const dry = await importRelease(fixture(file), { dataDir: data.dir, write: false, json: false });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`+      - resolution: ${row.resolution}`);
    expect(dry.stdout).toMatch(/nothing written: run again with --write/);
    expect(await data.snapshot()).toEqual(before);

    const wet = await importRelease(fixture(file), { dataDir: data.dir, write: true, json: false });
    expect(wet.code, wet.stderr).toBe(0);
    const after = await data.read(country);
    expect(removedLines(before[country]!, after)).toEqual([]);
    const dataset = await loaded(data.dir);
    expect(dataset.missions.get(mission)!.mandates.find((m) => m.resolution === row.resolution)).toMatchObject(row);
    const again = await importRelease(fixture(file), { dataDir: data.dir, write: true, json: false });
    expect(again.stdout).toMatch(/already recorded/);
  });
});

describe('dates and order', () => {
  it('inserts an older resolution in date order, and it does not become the current one', async () => {
    data = await scratchDataset();
    const r = await importRelease(fixture('fr-extension-minusca-2387.txt'), {
      dataDir: data.dir,
      write: true,
      json: false,
    });
    expect(r.code, r.stderr).toBe(0);
    const text = await data.read('countries/central-african-republic.yaml');
    expect(text.indexOf('2387 (2017)')).toBeLessThan(text.indexOf('2800 (2025)'));
    const minusca = (await loaded(data.dir)).missions.get('minusca')!;
    expect(currentMandate(minusca)?.resolution).toBe('2800 (2025)');
    expect(minusca.mandates.find((m) => m.resolution === '2387 (2017)')).toMatchObject({
      adopted: '2017-11-15',
      expires: '2018-11-15',
    });
    const sources = await data.read('sources/releases.yaml');
    expect(sources).toContain('url: http://ouagadougou.sites.unicnetwork.org/2017/11/16/');
  });

  it('says aloud a year it inferred, and a termination ends the running mission', async () => {
    data = await scratchDataset();
    await data.edit('countries/sudan.yaml', (t) =>
      withoutMandate(t, '2715 (2023)')
        .replace(/(id: unitams[\s\S]*?status: )closed/, '$1active')
        .replace(/\n {4}end:\n(?: {6}.*\n)+/, '\n'),
    );
    const r = await importRelease(fixture('en-termination-unitams-2715.txt'), {
      dataDir: data.dir,
      write: true,
      json: false,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Inferred: adopted "Friday December 1st": the year (2023) is inferred from the date line (2023-12-04)',
    );
    const unitams = (await loaded(data.dir)).missions.get('unitams')!;
    expect(unitams.status).toBe('ended');
    expect(unitams.end).toMatchObject({ date: '2023-12-03', resolution: '2715 (2023)' });
    expect(unitams.mandates[0]).toMatchObject({ adopted: '2023-12-01', expires: '2023-12-03' });
    expect(unitams.mandates[0]!.note).toMatch(/inferred from the date line/);
  });
});

describe('a better source for a recorded row', () => {
  it("replaces a news-wire copy with the UN's own release, and nothing else", async () => {
    data = await scratchDataset();
    await data.edit('countries/mali.yaml', (t) =>
      t.replace('source: un-press-sc-13478', 'source: xinhua-mali-sanctions-2019'),
    );
    const before = await data.read('countries/mali.yaml');
    const r = await importRelease(fixture('en-sanctions-mali-2432.txt'), {
      dataDir: data.dir,
      write: true,
      json: false,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/a better source for a recorded row/);
    const after = await data.read('countries/mali.yaml');
    expect(removedLines(before, after)).toEqual(['        source: xinhua-mali-sanctions-2019']);
    expect(after).toContain('        source: un-press-sc-13478');
  });
});

const refusals = [
  ['en-rollover-unmiss-2778.txt', /"9 May" has no year, and no adoption date was read/],
  ['en-refused-haiti-2794-one-year.txt', /the expiry is given only as "for one year"/],
  ['en-refused-unsmil-no-number.txt', /no resolution number adopted is named/],
  ['en-refused-listing-two-readings.txt', /two readings of the expiry: 2015-12-31, 2016-06-30/],
  ['fr-refused-minusca-one-year.txt', /the expiry is given only as "d'un an"/],
  ['fr-refused-yemen-sanctions.txt', /no sanctions regime on Yemen is in the dataset \(nearest: UNMHA\)/],
  ['fr-refused-shebab-2806-no-year.txt', /resolution 2806 is given without its year/],
] as const;

describe.each(refusals)('refused: %s', (file, why) => {
  it('exits 1, says what it read and what it could not, and writes nothing', async () => {
    data = await scratchDataset();
    const before = await data.snapshot();
    const r = await importRelease(fixture(file), { dataDir: data.dir, write: true, json: false });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toMatch(/^Read .*\n {2}kind: /);
    expect(r.stderr).toMatch(/Nothing written\.\n$/);
    expect(await data.snapshot()).toEqual(before);
  });
});

describe('--json', () => {
  it('prints what was read: kind, body, resolution, adopted, expires, source, inferences, problems', async () => {
    const r = await importRelease(fixture('en-sanctions-al-shabaab-2806.txt'), {
      dataDir: defaultDataDir(),
      write: false,
      json: true,
    });
    expect(JSON.parse(r.stdout)).toMatchObject({
      kind: 'sanctions-renewal',
      body: 'al-shabaab-sanctions-2713',
      resolution: '2806 (2025)',
      adopted: '2025-12-12',
      expires: '2026-11-30',
      panelExpires: '2026-12-31',
      source: { url: 'https://pubt.io/view/24CAE34B105ECD37E52FBADB9F32123122FCDC67' },
      inferences: [],
      problems: [],
      status: 'already',
    });
    const refused = await importRelease(fixture('fr-refused-minusca-one-year.txt'), {
      dataDir: defaultDataDir(),
      write: false,
      json: true,
    });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ status: 'refused', body: 'minusca', resolution: null });
  });
});

describe('from a URL on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') return; // never answers
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<html><body>${'x'.repeat(50_000)}</body></html>`);
        return;
      }
      const name = path.basename(req.url ?? '');
      const text = readFileSync(fixture(name.replace(/\.html$/, '.txt')), 'utf8');
      if (name.endsWith('.html')) {
        // The same release as a page: its address in a canonical link, its paragraphs in <p>.
        const [header, body] = text.split('\n---\n') as [string, string];
        const url = /^URL: (.*)$/m.exec(header)![1];
        const paragraphs = body.split('\n').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><html><head><link rel="canonical" href="${url}"><script>var x = "<p>jusqu’au 1 janvier 2099</p>";</script></head><body><nav>Menu</nav>${paragraphs.join('')}</body></html>`,
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('imports an English release served as text, and a French one served as HTML', async () => {
    data = await scratchDataset();
    await data.edit('countries/somalia.yaml', (t) => withoutMandate(t, '2806 (2025)'));
    const en = await importRelease(`${base}/en-sanctions-al-shabaab-2806.txt`, {
      dataDir: data.dir,
      write: true,
      json: false,
    });
    expect(en.code, en.stderr).toBe(0);
    const fr = await importRelease(`${base}/fr-extension-minusca-2387.html`, {
      dataDir: data.dir,
      write: true,
      json: false,
    });
    expect(fr.code, fr.stderr).toBe(0);
    const dataset = await loaded(data.dir);
    expect(currentMandate(dataset.missions.get('al-shabaab-sanctions-2713')!)).toMatchObject({
      resolution: '2806 (2025)',
      expires: '2026-11-30',
      panel_expires: '2026-12-31',
    });
    const minusca = dataset.missions.get('minusca')!.mandates.find((m) => m.resolution === '2387 (2017)')!;
    // The source is the page's own address (its canonical link), not the test server's.
    expect(dataset.sources.get(minusca.source)!.url).toMatch(/^http:\/\/ouagadougou\.sites\.unicnetwork\.org\//);
  });

  it('gives up on a server that does not answer, and on a page over the size cap, writing nothing', async () => {
    data = await scratchDataset();
    const before = await data.snapshot();
    const slow = await importRelease(`${base}/slow`, {
      dataDir: data.dir,
      write: true,
      json: false,
      limits: { timeoutMs: 300, maxBytes: 1_000_000 },
    });
    expect(slow).toMatchObject({ code: 1 });
    expect(slow.stderr).toMatch(/no answer in 0\.3 s/);
    const huge = await importRelease(`${base}/huge`, {
      dataDir: data.dir,
      write: true,
      json: false,
      limits: { timeoutMs: 5000, maxBytes: 10_000 },
    });
    expect(huge.stderr).toMatch(/larger than 10000 bytes/);
    expect(await data.snapshot()).toEqual(before);
  });
});

describe('the command line', () => {
  it('runs `data import` with --data and --write, and refuses --write elsewhere (exit 2)', async () => {
    data = await scratchDataset();
    await data.edit('countries/libya.yaml', (t) => withoutMandate(t, '2796 (2025)'));
    const r = await run(['data', 'import', fixture('en-extension-unsmil-2796.txt'), '--data', data.dir, '--write']);
    expect(r.code, r.stderr).toBe(0);
    expect((await run(['data', 'check', '--data', data.dir])).code).toBe(0);
    expect((await run(['mali', '--write'])).code).toBe(2);
    expect((await run(['data', 'import'])).code).toBe(2);
  });
});
