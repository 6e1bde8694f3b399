// Long work (a dataset reload, its indexes) written as a generator that yields between small steps, run either at
// once (the CLI, tests) or in slices of a few milliseconds with the event loop free in between, so that requests keep
// being answered while a reload is validated and indexed.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Runs the steps to the end, now. */
export function runNow<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps in slices of about `sliceMs`, letting I/O and timers run between slices. */
export async function runSliced<T>(steps: Generator<void, T>, sliceMs = 8): Promise<T> {
  let started = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - started >= sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
}
