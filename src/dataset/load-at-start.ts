// The dataset as the service opens it at start-up: a holder, loaded once (in slices, so that the server can answer
// health probes meanwhile) with its indexes built before it is served, and optionally watched for changes.
import type { Logger } from 'pino';
import { createDatasetHolder } from './dataset-holder.js';
import type { DatasetHolder, DatasetHolderOptions } from './dataset-holder.js';
import { loadDataset } from './load-dataset.js';
import { prepareIndexes } from './resolver.js';

/** What loadAtStart needs: the folder, the logger, the service's listeners (metrics), where snapshots go. */
export type LoadAtStartOptions = Pick<DatasetHolderOptions, 'dir' | 'onChange' | 'onRefused'> & {
  logger: Logger;
  /** The validated snapshot's folder (load-snapshot.ts), for this first load only; reloads validate every time. */
  snapshotDir?: string;
};

/** Loads the dataset into a new holder; the problems, one line each, when it is invalid (never a half-loaded one). */
export async function loadAtStart(
  options: LoadAtStartOptions,
): Promise<{ ok: true; holder: DatasetHolder } | { ok: false; problems: string[] }> {
  const { dir, logger } = options;
  // The name and search indexes are built before the swap, so the first request after a (re)load finds them.
  let first = true;
  const holder = createDatasetHolder({
    ...options,
    prepare: prepareIndexes,
    load: (folder) => {
      const snapshot = first && options.snapshotDir ? { snapshotDir: options.snapshotDir } : {};
      first = false;
      return loadDataset(folder, { sliced: true, ...snapshot });
    },
  });
  const loaded = await holder.reload('start-up');
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  logger.info({ dataset: loaded.version, dir }, 'dataset loaded');
  return { ok: true, holder };
}

/** Reloads on file changes and on SIGHUP; returns how to stop both. */
export function watchDataset(holder: DatasetHolder): () => void {
  const stopFiles = holder.watch();
  const stopSignal = holder.reloadOnSignal('SIGHUP');
  return () => {
    stopFiles();
    stopSignal();
  };
}
