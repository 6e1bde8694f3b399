// A command over the rate limit (src/http/rate-limit.ts): a polite "one moment", saying whose limit and how long to wait.
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';

/** Whose bucket ran dry, and when it has a token again. */
export interface RateLimitHit {
  scope: 'user' | 'channel';
  retryAfterMs: number;
}

/** The polite answer to a command over the limit (outcome `rate-limited`), in `lang`. */
export function rateLimited(hit: RateLimitHit, lang: Lang = DEFAULT_LANG): Answer {
  const m = messages(lang);
  const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
  return {
    kind: 'rate-limited',
    outcome: 'rate-limited',
    title: m('rateLimited.title'),
    sections: [{ items: [{ text: m('rateLimited.detail', { scope: hit.scope, seconds }), tone: 'warning' }] }],
    actions: [],
    summary: m('rateLimited.summary', { seconds }),
    ...(lang !== DEFAULT_LANG ? { lang } : {}),
  };
}
