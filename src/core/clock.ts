/** Where "now" comes from. Every relative date and every reminder is computed from one of these, so tests set it. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at one instant (the CLI's `--now`, tests). */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
