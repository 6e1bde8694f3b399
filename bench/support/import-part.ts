// Imports a part of the product that may not exist yet (other engineers write it in parallel), so that a missing part
// becomes a "skipped: <part> not available" line in the table instead of a crash or a made-up number.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A part, or why it is not there. */
export type Part<T> = { ok: true; module: T } | { ok: false; reason: string };

/** Imports `src/...js` (path from the package root, as compiled next to bench/). */
export async function importPart<T>(fromRoot: string): Promise<Part<T>> {
  const url = new URL(`../../${fromRoot}`, import.meta.url);
  if (!existsSync(fileURLToPath(url)))
    return { ok: false, reason: `${fromRoot.replace(/\.js$/, '.ts')} not available` };
  try {
    return { ok: true, module: (await import(url.href)) as T };
  } catch (error) {
    return { ok: false, reason: `${fromRoot} failed to load: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The value at quantile `q` (0-1) of `values` (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
