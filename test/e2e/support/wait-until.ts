// A bounded wait for the end-to-end tests: polls a condition and fails with a message that says what was awaited
// and what was seen, so a broken guarantee shows up as a readable failure rather than a hung test.

/** Options of `waitUntil`. */
export interface WaitOptions {
  /** What is awaited, for the failure message. */
  what: string;
  timeoutMs: number;
  /** What was seen instead, appended to the failure message. */
  detail?: () => string;
}

/** Resolves once `condition` holds; rejects after `timeoutMs` naming what was awaited. */
export async function waitUntil(condition: () => boolean, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${options.what}${options.detail ? `\n${options.detail()}` : ''}`,
      );
    }
    await sleep(50);
  }
}

/** Waits `ms` milliseconds (to let a few scheduler polls pass before counting). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
