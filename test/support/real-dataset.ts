// The real dataset in data/, loaded once per test file: the core's tests run against what users get.
import { defaultDataDir, formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';
import type { Dataset } from '../../src/dataset/schema.js';

let loading: Promise<Dataset> | undefined;

/** Loads data/ (and fails loudly, listing the problems, if it does not load). */
export function realDataset(): Promise<Dataset> {
  loading ??= loadDataset(defaultDataDir()).then((r) => {
    if (!r.ok) throw new Error(`data/ does not load:\n${r.problems.map(formatProblem).join('\n')}`);
    return r.dataset;
  });
  return loading;
}
