// `caac data check`: validate a dataset folder and say what it holds, or list every problem. Also warns about
// sources that no fact points at (harmless, but usually a forgotten edit).
import { loadDataset } from './load-dataset.js';
import type { DataProblem } from './load-dataset.js';
import type { Dataset } from './schema.js';

/** What `checkDataset` found: a summary of a valid dataset, or its problems. */
export type CheckResult =
  | {
      ok: true;
      version: string;
      files: number;
      counts: { sources: number; countries: number; parties: number; missions: number; events: number };
      /** One line for the terminal: "data: 21 files, 17 countries, … (version 0123456789ab)". */
      summary: string;
      /** Sources no fact points at, one line each. */
      warnings: string[];
    }
  | { ok: false; problems: DataProblem[]; summary: string };

/** Validates the dataset in `dir`; never throws for a bad dataset. */
export async function checkDataset(dir: string): Promise<CheckResult> {
  const result = await loadDataset(dir);
  if (!result.ok) {
    const n = result.problems.length;
    return { ok: false, problems: result.problems, summary: `${n} problem${n === 1 ? '' : 's'} in ${dir}` };
  }
  const d = result.dataset;
  const counts = {
    sources: d.sources.size,
    countries: d.countries.size,
    parties: d.parties.size,
    missions: d.missions.size,
    events: d.events.size,
  };
  const summary =
    `${dir}: ${result.files} files, ${counts.countries} countries, ${counts.parties} parties, ${counts.missions} missions ` +
    `and regimes, ${counts.events} events, ${counts.sources} sources (version ${d.version})`;
  const used = usedSources(d);
  const warnings = [...d.sources.keys()]
    .filter((id) => !used.has(id))
    .map((id) => `source "${id}" is not used by any fact`);
  return { ok: true, version: d.version, files: result.files, counts, summary, warnings };
}

/** The ids of every source some fact points at. */
export function usedSources(dataset: Dataset): Set<string> {
  const used = new Set<string>();
  // A node reached twice is walked once: shared structure (a YAML alias) never multiplies the work.
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) value.forEach(walk);
    else {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'source' && typeof child === 'string') used.add(child);
        else walk(child);
      }
    }
  };
  walk(dataset.reference);
  walk(dataset.globalFigures ?? []);
  for (const map of [dataset.countries, dataset.parties, dataset.missions, dataset.events])
    for (const v of map.values()) walk(v);
  return used;
}
