// The dataset the service serves, replaceable at run time. A reload (file change or SIGHUP) loads and validates the
// whole new dataset first, in slices between requests, and builds its indexes; only a valid one is swapped in, in one
// assignment, so a request sees either the old data or the new, never a mixture. An invalid one is refused with every
// problem logged, and the old one keeps serving.
import { watch as fsWatch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import type { Logger } from 'pino';
import { formatProblem, loadDataset } from './load-dataset.js';
import type { LoadResult } from './load-dataset.js';
import type { Dataset } from './schema.js';

/** What a reload did. `changed` is false when the files load to the version already served. */
export type ReloadResult =
  | { ok: true; version: string; changed: boolean }
  | { ok: false; version: string | undefined; problems: string[] };

/** Options of `createDatasetHolder`. */
export interface DatasetHolderOptions {
  /** The dataset folder (CAAC_DATA_DIR or the package's data/). */
  dir: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Called after a new dataset is swapped in (metrics, the scheduler re-planning pending occurrences). */
  onChange?: (next: Dataset, previous: Dataset | undefined) => void | Promise<void>;
  /**
   * Called with a valid new dataset before it is swapped in, e.g. to build its lookup indexes, so that the first
   * request it serves does not wait for them (awaited; run it in slices). A throw is logged and the dataset is
   * served nonetheless.
   */
  prepare?: (next: Dataset) => void | Promise<void>;
  /** Called when a reload is refused (metrics). */
  onRefused?: (problems: string[]) => void;
  /** A dataset already loaded (so the service does not load twice at start-up). */
  initial?: Dataset;
  /** How long file events are gathered before one reload; default 300 ms (an editor saves several files). */
  debounceMs?: number;
  /** The loader; default loadDataset in slices, so that requests are answered while a reload is validated. */
  load?: (dir: string) => Promise<LoadResult>;
}

/** The current dataset and the means to replace it. */
export interface DatasetHolder {
  /** The dataset served now. Throws if none has loaded yet (the service does not start without one). */
  current(): Dataset;
  /** The version served, or undefined before the first successful load (for /readyz). */
  version(): string | undefined;
  /** Loads the folder again; swaps the new dataset in if valid. Reloads never overlap. */
  reload(reason?: string): Promise<ReloadResult>;
  /** Reloads when a .yaml file under the folder changes (debounced). Returns a function that stops watching. */
  watch(): () => void;
  /** Reloads on a signal (default SIGHUP). Returns a function that removes the handler. */
  reloadOnSignal(signal?: NodeJS.Signals): () => void;
  /** Stops watching and removes signal handlers. */
  close(): void;
}

/** Creates a holder for the dataset in `dir`. Call `reload()` once (or pass `initial`) before `current()`. */
export function createDatasetHolder(options: DatasetHolderOptions): DatasetHolder {
  const { dir, logger } = options;
  const load = options.load ?? ((d: string) => loadDataset(d, { sliced: true }));
  const debounceMs = options.debounceMs ?? 300;
  let served: Dataset | undefined = options.initial;
  const stops = new Set<() => void>();

  const reloadNow = async (reason: string): Promise<ReloadResult> => {
    // Said at the start too: a reload of a large dataset takes a while, and answers keep flowing meanwhile.
    if (served) logger.info({ reason, dir, served: served.version }, 'dataset reload started');
    const result = await loadOrRefuse(load, dir);
    if (!result.ok) {
      const problems = result.problems.map(formatProblem);
      logger.error(
        { reason, dir, served: served?.version, problemCount: problems.length, problems: problems.slice(0, 100) },
        `dataset reload refused: ${problems.length} problem(s); still serving ${served?.version ?? 'nothing'}`,
      );
      options.onRefused?.(problems);
      return { ok: false, version: served?.version, problems };
    }
    const previous = served;
    if (previous && previous.version === result.dataset.version) {
      return { ok: true, version: previous.version, changed: false };
    }
    try {
      await options.prepare?.(result.dataset);
    } catch (err) {
      logger.error({ err }, 'preparing the new dataset failed; it is served nonetheless (indexes built on first use)');
    }
    served = result.dataset; // the swap: one assignment, the whole dataset
    logger.info(
      { reason, dir, version: served.version, previous: previous?.version, files: result.files },
      `dataset ${previous ? 'reloaded' : 'loaded'}: version ${served.version}`,
    );
    try {
      await options.onChange?.(served, previous);
    } catch (err) {
      logger.error({ err }, 'a dataset change listener failed; the new dataset is served nonetheless');
    }
    return { ok: true, version: served.version, changed: true };
  };

  const reload = oneAtATime(reloadNow);

  return {
    current() {
      if (!served) throw new Error('no dataset loaded yet: call reload() at start-up and check its result');
      return served;
    },
    version: () => served?.version,
    reload: (reason = 'manual') => reload(reason),
    watch() {
      const close = watchFolder(dir, debounceMs, logger, () => void reload('file change'));
      const stop = () => {
        close();
        stops.delete(stop);
      };
      stops.add(stop);
      return stop;
    },
    reloadOnSignal(signal = 'SIGHUP') {
      const handler = () => void reload(signal);
      process.on(signal, handler);
      const stop = () => {
        process.off(signal, handler);
        stops.delete(stop);
      };
      stops.add(stop);
      return stop;
    },
    close() {
      for (const stop of [...stops]) stop();
    },
  };
}

/** Calls `changed` once file events under `dir` have settled for `debounceMs`; returns a function that stops. */
function watchFolder(
  dir: string,
  debounceMs: number,
  logger: DatasetHolderOptions['logger'],
  changed: () => void,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(changed, debounceMs);
  };
  try {
    // Recursive watching works on Linux from Node 20; the data folder is small.
    watcher = fsWatch(dir, { recursive: true, persistent: false }, (_event, filename) => {
      // Editors' swap files and backups (.swp, ~) are not data; a null name (some platforms) may be anything.
      if (filename === null || /\.ya?ml$/i.test(String(filename)) || !/\.\w+$|~$/.test(String(filename))) {
        schedule();
      }
    });
  } catch (err) {
    logger.warn({ err, dir }, 'cannot watch the dataset folder; reload with SIGHUP instead');
    return () => {};
  }
  watcher.on('error', (err) => logger.warn({ err, dir }, 'dataset folder watch failed; reload with SIGHUP'));
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

/** The loader's result; a throw (disk, permissions: the loader reports problems rather than throwing) is refused too. */
async function loadOrRefuse(load: (dir: string) => Promise<LoadResult>, dir: string): Promise<LoadResult> {
  try {
    return await load(dir);
  } catch (err) {
    return { ok: false, problems: [{ file: dir, line: 1, field: '(folder)', message: String(err) }] };
  }
}

/**
 * `run` with calls that never overlap: a call while one is under way (which may have read the files before this
 * change) runs once more after it, shared by every caller that arrives meanwhile.
 */
function oneAtATime<R>(run: (reason: string) => Promise<R>): (reason: string) => Promise<R> {
  let running: Promise<R> | undefined;
  let queued: Promise<R> | undefined;
  const call = (reason: string): Promise<R> => {
    if (!running) {
      running = run(reason).finally(() => (running = undefined));
      return running;
    }
    const again = () => {
      queued = undefined;
      return call(reason);
    };
    queued ??= running.then(again, again);
    return queued;
  };
  return call;
}
