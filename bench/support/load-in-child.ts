// Loads a dataset folder in a fresh node process and reports the time and the memory it keeps, so that the figures
// are not blurred by what an earlier, larger load left in this process's heap (module caches, GC timing).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isMain } from './is-main.js';

/** What one clean load measured. */
export interface ChildLoad {
  ok: boolean;
  loadMs: number;
  /** Heap used after load and a full GC, minus before, MiB. */
  heapMiB: number;
  /** Resident memory after the load, and the peak during it, MiB. */
  rssMiB: number;
  peakRssMiB: number;
  /** Building the name and search indexes right after the load, as the service does before serving (ms). */
  indexMs: number;
  /** The first lookup after that (ms). */
  firstLookupMs: number;
}

/**
 * Runs this file in a child process on `dir`; `name` is looked up once the indexes are built. With `snapshotDir`, the
 * load uses (or writes) the validated snapshot there, as the service's start does.
 */
export function loadInChild(dir: string, name = 'x', snapshotDir?: string): Promise<ChildLoad> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), dir, name, ...(snapshotDir ? [snapshotDir] : [])],
      { maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error) return reject(error);
        try {
          resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildLoad);
        } catch (e) {
          reject(e as Error);
        }
      },
    );
  });
}

if (isMain(import.meta.url)) {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const { loadDataset } = (await import(new URL('../../src/dataset/load-dataset.js', import.meta.url).href)) as {
    loadDataset(dir: string, options?: { snapshotDir?: string }): Promise<{ ok: boolean }>;
  };
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const snapshotDir = process.argv[4];
  const result = await loadDataset(process.argv[2]!, snapshotDir ? { snapshotDir } : {});
  const loadMs = performance.now() - t0;
  gc();
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const { prepareIndexes, resolveName } = (await import(
    new URL('../../src/dataset/resolver.js', import.meta.url).href
  )) as {
    prepareIndexes(dataset: unknown): Promise<void>;
    resolveName(dataset: unknown, name: string): unknown;
  };
  const dataset = (result as { dataset?: unknown }).dataset;
  let indexMs = Number.NaN;
  let firstLookupMs = Number.NaN;
  if (dataset) {
    const ti = performance.now();
    await prepareIndexes(dataset);
    indexMs = performance.now() - ti;
    const tl = performance.now();
    resolveName(dataset, process.argv[3] ?? 'x');
    firstLookupMs = performance.now() - tl;
  }
  const out: ChildLoad = {
    ok: result.ok,
    loadMs,
    heapMiB,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    indexMs,
    firstLookupMs,
  };
  // Keep the dataset alive until the heap is read.
  if (!result) process.exit(1);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
