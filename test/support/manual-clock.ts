// A clock that tests move by hand; production code only ever sees the `Clock` port of src/core/clock.ts.
import type { Clock } from '../../src/core/clock.js';

/** A clock that tests move by hand. */
export function manualClock(start: Date): Clock & { set(at: Date): void; advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set: (at) => {
      t = at.getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
