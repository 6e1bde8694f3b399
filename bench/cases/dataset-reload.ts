// Answers during a hot reload (issue 13): the real dataset holder reloads a changed generated dataset (load, validate,
// build the indexes, in slices, then swap) while the real core keeps answering lookups, one after another. Each
// answer is timed from the moment it is asked, before the event loop is yielded to, so a slice of reload work that
// runs first counts against it: what a request arriving mid-reload would wait. Then the first lookup on the new data.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Dataset } from '../../src/dataset/schema.js';
import { importPart, quantile } from '../support/import-part.js';
import { fmt, skipped, verdict, type Row } from '../support/row.js';

interface HolderModule {
  createDatasetHolder(options: {
    dir: string;
    logger: { info(): void; warn(): void; error(): void };
    prepare?: (next: Dataset) => void | Promise<void>;
  }): { current(): Dataset; reload(reason?: string): Promise<{ ok: boolean; version?: string | undefined }> };
}
interface ResolverModule {
  prepareIndexes(dataset: Dataset): Promise<void> | void;
}
interface CoreModule {
  createCore(deps: { dataset: () => Dataset; clock: { now(): Date } }): {
    answer(command: unknown, context: { platform: 'cli' }): Promise<{ outcome: string }>;
  };
}
interface ParserModule {
  parseCommand(text: string): unknown;
}

const quiet = { info() {}, warn() {}, error() {} };

/** Reloads the dataset in `dir` (a country file of it is touched) while answering lookups of `names`. */
export async function datasetReload(opts: {
  dir: string;
  countryFile: string;
  names: readonly string[];
  area: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const holderPart = await importPart<HolderModule>('src/dataset/dataset-holder.js');
  const resolver = await importPart<ResolverModule>('src/dataset/resolver.js');
  const corePart = await importPart<CoreModule>('src/core/create-core.js');
  const parser = await importPart<ParserModule>('src/core/parse-command.js');
  for (const part of [holderPart, resolver, corePart, parser])
    if (!part.ok) return [skipped(`${opts.area}, reload`, part.reason)];
  if (!holderPart.ok || !resolver.ok || !corePart.ok || !parser.ok) return [];
  const { parseCommand } = parser.module;
  const holder = holderPart.module.createDatasetHolder({
    dir: opts.dir,
    logger: quiet,
    prepare: resolver.module.prepareIndexes,
  });
  const first = await holder.reload('start-up');
  if (!first.ok) return [skipped(`${opts.area}, reload`, 'the generated dataset did not load')];
  const core = corePart.module.createCore({
    dataset: () => holder.current(),
    clock: { now: () => new Date('2026-06-01T09:00:00Z') },
  });
  const ask = (i: number) =>
    core.answer(parseCommand(opts.names[(i * 7919) % opts.names.length]!), { platform: 'cli' });
  for (let i = 0; i < 200; i++) await ask(i); // warm: the JIT, the answer paths

  await appendFile(path.join(opts.dir, opts.countryFile), '\n# touched by the bench: a new version to reload\n');
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  let done = false;
  const reloading = holder.reload('bench').finally(() => (done = true));
  const during: number[] = [];
  for (let i = 200; !done; i++) {
    const asked = performance.now();
    await nextTurn(); // a request arrives: whatever slice of the reload is running finishes first
    await ask(i);
    during.push(performance.now() - asked);
  }
  const reloaded = await reloading;
  const reloadMs = performance.now() - started;
  delay.disable();
  const t = performance.now();
  await ask(1_000_003);
  const firstAfterMs = performance.now() - t;
  opts.log(`${opts.area}: reload ${fmt(reloadMs)} ms, ${during.length} answers during it`);
  const p99 = quantile(during, 0.99);
  return [
    {
      area: opts.area,
      figure: 'hot reload in slices: load, validate, build indexes, swap (ms)',
      value: fmt(reloadMs),
      verdict: reloaded.ok ? 'info' : 'missed',
      note: `longest event-loop block ${fmt(delay.max / 1e6, 1)} ms (monitorEventLoopDelay)`,
    },
    {
      area: opts.area,
      figure: 'answers during the reload: p50 / p99 (ms)',
      value: `${fmt(quantile(during, 0.5), 2)} / ${fmt(p99, 2)}`,
      target: 'p99 < 50 ms',
      verdict: verdict(during.length > 0 && p99 < 50),
      note: `${fmt(during.length)} lookups through the core, one after another, each timed from when it was asked`,
    },
    {
      area: opts.area,
      figure: 'first lookup after the reload (ms)',
      value: fmt(firstAfterMs, 2),
      target: '< 50 ms',
      verdict: verdict(firstAfterMs < 50),
      note: 'indexes built before the swap',
    },
  ];
}
