// A command over the rate limit (src/http/rate-limit.ts): a polite "one moment", saying whose limit and how long to wait.
import type { Answer } from '../answer.js';

/** Whose bucket ran dry, and when it has a token again. */
export interface RateLimitHit {
  scope: 'user' | 'channel';
  retryAfterMs: number;
}

/** The polite answer to a command over the limit (outcome `rate-limited`). */
export function rateLimited(hit: RateLimitHit): Answer {
  const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
  const wait = seconds === 1 ? 'a second' : `${seconds} seconds`;
  const who = hit.scope === 'user' ? 'You have' : 'This channel has';
  return {
    kind: 'rate-limited',
    outcome: 'rate-limited',
    title: 'One moment, please',
    sections: [
      {
        items: [
          {
            text: `${who} sent a lot of commands in a short time. Please try again in ${wait}.`,
            tone: 'warning',
          },
        ],
      },
    ],
    actions: [],
    summary: `Too many commands: please try again in ${wait}.`,
  };
}
