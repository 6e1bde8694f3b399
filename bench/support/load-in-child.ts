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
}

/** Runs this file in a child process on `dir`. */
export function loadInChild(dir: string): Promise<ChildLoad> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), dir],
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
    loadDataset(dir: string): Promise<{ ok: boolean }>;
  };
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const result = await loadDataset(process.argv[2]!);
  const loadMs = performance.now() - t0;
  gc();
  gc();
  const heapMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const out: ChildLoad = {
    ok: result.ok,
    loadMs,
    heapMiB,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  // Keep the dataset alive until the heap is read.
  if (!result) process.exit(1);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
