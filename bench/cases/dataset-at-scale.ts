// Dataset at scale: a generated dataset of 200 countries / 20,000 parties (1x), and 2x and 4x of it, loaded and
// validated by the real loader, then looked up through the real resolver (and the core, when it is there). The figure
// that matters for "linear" is the cost per party, which should stay flat as the dataset grows.
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Dataset } from '../../src/dataset/schema.js';
import { generateDataset } from '../generate-dataset.js';
import { datasetReload } from './dataset-reload.js';
import { importPart, quantile } from '../support/import-part.js';
import { loadInChild } from '../support/load-in-child.js';
import { fmt, skipped, times, verdict, type Row } from '../support/row.js';

interface Loader {
  loadDataset(
    dir: string,
  ): Promise<
    | { ok: true; dataset: Dataset }
    | { ok: false; problems: Array<{ file: string; line: number; field: string; message: string }> }
  >;
}
interface Resolver {
  resolveName(dataset: Dataset, query: string): { ok: boolean };
}
interface CoreModule {
  createCore(deps: { dataset: () => Dataset; clock: { now(): Date } }): {
    answer(command: unknown, context: { platform: 'cli' }): Promise<{ outcome: string }>;
  };
}
interface ParserModule {
  parseCommand(text: string): unknown;
}

/** What one scale measured. */
interface ScaleFigures {
  scale: number;
  parties: number;
  loadMs: number;
  heapMiB: number;
  indexMs: number;
  lookupP50: number;
  lookupP99: number;
  missP99: number;
  coreP99?: number;
  coreMissP99?: number;
  missCount?: number;
  coreMissCount?: number;
  totalMs: number;
}

/** Runs `fn` up to `n` times or until `maxMs` has passed (at least 5 times), returning each run's milliseconds. */
function timed(n: number, maxMs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  const end = performance.now() + maxMs;
  for (let i = 0; i < n && (i < 5 || performance.now() < end); i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

async function timedAsync(n: number, maxMs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  const end = performance.now() + maxMs;
  for (let i = 0; i < n && (i < 5 || performance.now() < end); i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Runs the dataset cases at each scale (1 = 200 countries × 100 parties), within `budgetMs` overall. */
export async function datasetAtScale(opts: {
  scales: number[];
  lookups: number;
  budgetMs: number;
  loopMs: number;
  log: (s: string) => void;
}): Promise<Row[]> {
  const loader = await importPart<Loader>('src/dataset/load-dataset.js');
  if (!loader.ok) return [skipped('Dataset at scale', loader.reason)];
  const resolver = await importPart<Resolver>('src/dataset/resolver.js');
  const core = await importPart<CoreModule>('src/core/create-core.js');
  const parser = await importPart<ParserModule>('src/core/parse-command.js');
  const started = performance.now();
  const figures: ScaleFigures[] = [];
  const rows: Row[] = [];
  for (const scale of opts.scales) {
    const last = figures.at(-1);
    const elapsed = performance.now() - started;
    const estimate = last ? (last.totalMs * scale) / last.scale : 0;
    if (last && elapsed + estimate > opts.budgetMs) {
      rows.push(
        skipped(
          `Dataset ${scale}x`,
          `would take ~${fmt(estimate / 1000, 0)} s (${scale / last.scale}× the ${last.scale}x run's ${fmt(last.totalMs / 1000, 0)} s), over the bench's ${fmt(opts.budgetMs / 1000)} s budget for this case`,
        ),
      );
      continue;
    }
    const scaleStarted = performance.now();
    opts.log(`dataset ${scale}x: generating ${200 * scale} countries, ${20_000 * scale} parties`);
    const generated = await generateDataset({ countries: 200 * scale, partiesPerCountry: 100, seed: 8 });
    try {
      // Time and memory from a clean process; the lookups below need the dataset here, so it is loaded again.
      const clean = await loadInChild(generated.dir, generated.partyNames[0]);
      // As the service starts: the first start after a data change validates and writes the snapshot, the next
      // (the same files) reads it. 1x only, to keep the case's time.
      const snapshotDir = path.join(generated.dir, '..', `${path.basename(generated.dir)}-snapshots`);
      const snapshotRuns =
        scale === 1
          ? [
              await loadInChild(generated.dir, generated.partyNames[0], snapshotDir),
              await loadInChild(generated.dir, generated.partyNames[0], snapshotDir),
            ]
          : [];
      await rm(snapshotDir, { recursive: true, force: true });
      const loadMs = clean.loadMs;
      const heapMiB = clean.heapMiB;
      const tw = performance.now();
      const loaded = await loader.module.loadDataset(generated.dir);
      const warmLoadMs = performance.now() - tw;
      if (!loaded.ok) {
        const first = loaded.problems[0];
        rows.push(
          skipped(
            `Dataset ${scale}x`,
            `the generated dataset did not load (${loaded.problems.length} problems, first: ${first?.file}:${first?.line}: ${first?.field}: ${first?.message})`,
          ),
        );
        continue;
      }
      const dataset = loaded.dataset;
      const f: ScaleFigures = {
        scale,
        parties: generated.parties,
        loadMs,
        heapMiB,
        indexMs: NaN,
        lookupP50: NaN,
        lookupP99: NaN,
        missP99: NaN,
        totalMs: NaN,
      };
      if (resolver.ok) {
        const resolve = resolver.module.resolveName;
        const ti = performance.now();
        resolve(dataset, generated.partyNames[0]!);
        f.indexMs = performance.now() - ti;
        let found = 0;
        const hits = timed(opts.lookups, opts.loopMs, (i) => {
          if (resolve(dataset, generated.partyNames[(i * 7919) % generated.partyNames.length]!).ok) found += 1;
        });
        let missed = 0;
        const misses = timed(Math.min(opts.lookups, 500), opts.loopMs, (i) => {
          if (!resolve(dataset, generated.missNames[i % generated.missNames.length]!).ok) missed += 1;
        });
        f.missCount = misses.length;
        f.lookupP50 = quantile(hits, 0.5);
        f.lookupP99 = quantile(hits, 0.99);
        f.missP99 = quantile(misses, 0.99);
        opts.log(
          `dataset ${scale}x: ${found}/${opts.lookups} names found, ${missed}/${misses.length} made-up names missed`,
        );
      }
      if (core.ok && parser.ok) {
        const { parseCommand } = parser.module;
        const c = core.module.createCore({
          dataset: () => dataset,
          clock: { now: () => new Date('2026-06-01T09:00:00Z') },
        });
        const answers = await timedAsync(Math.min(opts.lookups, 500), opts.loopMs, (i) =>
          // Parsed here as an adapter would: the figure stays "text in, answer out".
          c.answer(parseCommand(generated.partyNames[(i * 104729) % generated.partyNames.length]!), {
            platform: 'cli',
          }),
        );
        const missAnswers = await timedAsync(200, opts.loopMs, (i) =>
          c.answer(parseCommand(generated.missNames[i % generated.missNames.length]!), { platform: 'cli' }),
        );
        f.coreMissCount = missAnswers.length;
        f.coreP99 = quantile(answers, 0.99);
        f.coreMissP99 = quantile(missAnswers, 0.99);
      }
      const reloadRows: Row[] = [];
      if (scale === 1) {
        const countryFile = path.join('countries', readdirSync(path.join(generated.dir, 'countries'))[0]!);
        const area = `Dataset ${scale}x (${fmt(generated.parties)} parties)`;
        rows.push(
          ...(await datasetReload({
            dir: generated.dir,
            countryFile,
            names: generated.partyNames,
            area,
            log: opts.log,
          })),
        );
      }
      f.totalMs = performance.now() - scaleStarted;
      figures.push(f);
      const area = `Dataset ${scale}x (${fmt(generated.parties)} parties)`;
      rows.push({
        area,
        figure: 'load + validate, fresh process (ms)',
        value: fmt(loadMs),
        target: scale === 1 ? '< 1,000 ms' : undefined,
        verdict: scale === 1 ? verdict(loadMs < 1000) : 'info',
        note: `${fmt(generated.bytes / 1e6, 1)} MB of YAML in ${generated.files} files; as at start-up`,
      });
      const [writing, reading] = snapshotRuns;
      if (writing && reading) {
        rows.push({
          area,
          figure: 'load + validate + write the snapshot, fresh process (ms)',
          value: fmt(writing.loadMs),
          verdict: 'info',
          note: 'the first start after a data change (var/…/dataset-snapshots/)',
        });
        rows.push({
          area,
          figure: 'load from the validated snapshot, fresh process (ms)',
          value: fmt(reading.loadMs),
          target: '< 1,000 ms',
          verdict: verdict(reading.ok && reading.loadMs < 1000),
          note: 'a start with the files unchanged: read and hash them, then the snapshot instead of js-yaml and zod',
        });
      }
      rows.push({
        area,
        figure: 'load + validate, warm process (ms)',
        value: fmt(warmLoadMs),
        target: scale === 1 ? '< 1,000 ms' : undefined,
        verdict: scale === 1 ? verdict(warmLoadMs < 1000) : 'info',
        note: 'as a hot reload: code already compiled by the JIT',
      });
      rows.push({
        area,
        figure: 'heap retained / peak RSS of the loading process (MiB)',
        value: `${fmt(heapMiB, 1)} / ${fmt(clean.peakRssMiB, 0)}`,
        verdict: 'info',
        note: 'measured in a fresh process',
      });
      if (resolver.ok) {
        rows.push({
          area,
          figure: 'indexes built at load, before the swap (ms)',
          value: fmt(clean.indexMs),
          verdict: 'info',
          note: 'fresh process, in slices (the service serves the old data meanwhile, or starts after it)',
        });
        rows.push({
          area,
          figure: 'first lookup after a load (ms)',
          value: fmt(clean.firstLookupMs, 2),
          target: scale === 1 ? '< 50 ms' : undefined,
          verdict: scale === 1 ? verdict(clean.firstLookupMs < 50) : 'info',
          note: 'fresh process, indexes built before it',
        });
        rows.push({
          area,
          figure: 'name lookup p50 / p99 (ms)',
          value: `${fmt(f.lookupP50, 3)} / ${fmt(f.lookupP99, 3)}`,
          target: 'p99 < 1 ms',
          verdict: verdict(f.lookupP99 < 1),
        });
        rows.push({
          area,
          figure: 'fuzzy miss p99 (ms)',
          value: fmt(f.missP99, 3),
          verdict: 'info',
          note: `a made-up name: typo-tolerant search, then suggestions (${f.missCount} runs)`,
        });
      } else rows.push(skipped(area, resolver.reason));
      if (f.coreP99 !== undefined) {
        rows.push({
          area,
          figure: 'whole answer (parse + core.answer) p99, hit / miss (ms)',
          value: `${fmt(f.coreP99, 3)} / ${fmt(f.coreMissP99, 3)}`,
          verdict: 'info',
          note: `${f.coreMissCount} misses`,
        });
      } else if (!core.ok) rows.push(skipped(area, core.reason));
      rows.push(...reloadRows);
    } finally {
      await rm(generated.dir, { recursive: true, force: true });
      gc();
    }
  }
  const base = figures[0];
  const top = figures.at(-1);
  if (base && top && top !== base) {
    const perParty = (f: ScaleFigures) => f.loadMs / f.parties;
    const growth = perParty(top) / perParty(base);
    rows.push({
      area: 'Dataset growth',
      figure: `load time per party, ${top.scale}x vs 1x`,
      value: `${fmt(perParty(top) * 1000, 1)} µs vs ${fmt(perParty(base) * 1000, 1)} µs`,
      ratio: times(growth),
      target: 'linear (≤ 1.5×)',
      verdict: verdict(growth <= 1.5),
    });
    const memGrowth = top.heapMiB / top.parties / (base.heapMiB / base.parties);
    rows.push({
      area: 'Dataset growth',
      figure: `heap per party, ${top.scale}x vs 1x`,
      value: `${fmt((top.heapMiB * 1024) / top.parties, 2)} KiB vs ${fmt((base.heapMiB * 1024) / base.parties, 2)} KiB`,
      ratio: times(memGrowth),
      target: 'linear (≤ 1.5×)',
      verdict: verdict(memGrowth <= 1.5),
    });
    if (Number.isFinite(top.lookupP99)) {
      rows.push({
        area: 'Dataset growth',
        figure: `lookup p99, ${top.scale}x vs 1x`,
        value: `${fmt(top.lookupP99, 3)} vs ${fmt(base.lookupP99, 3)} ms`,
        ratio: times(top.lookupP99 / base.lookupP99),
        target: `≤ ${top.scale}× (linear or better)`,
        verdict: verdict(top.lookupP99 / base.lookupP99 <= top.scale * 1.5),
      });
    }
  }
  return rows;
}
