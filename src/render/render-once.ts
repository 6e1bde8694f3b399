// The one cache of renderings, with its contract. The core marks an answer as shared (core/answer-memo.ts,
// isSharedAnswer) when it hands that same frozen object to every caller of a memoised command: such an answer never
// changes and holds nothing for one user or channel, so what a renderer makes of it alone (a Block Kit body, an
// Adaptive Card and its JSON) may be kept with it and handed to the next caller. The rendering must depend on the
// answer and `key` only, and callers must not change what they get back. Any other answer (a rate limit, a fault, a
// reminder list) is rendered afresh every time. Entries live as long as the answer: when the memo drops it (a
// dataset reload, a new day, the LRU), they go with it.
import { isSharedAnswer } from '../core/answer-memo.js';
import type { Answer } from '../core/answer.js';

// Renderings kept per answer; past this, the oldest is dropped (a stream of odd share spellings cannot grow it).
const KEYS_PER_ANSWER = 16;

const renderings = new WeakMap<Answer, Map<string, unknown>>();

/**
 * `render()`, kept under `key` with `answer` when the answer is shared; computed afresh for any other answer.
 * `onKept` runs once for a rendering that is kept (to prepare more of it once, e.g. its JSON).
 */
export function renderOnce<T>(answer: Answer, key: string, render: () => T, onKept?: (kept: T) => void): T {
  if (!isSharedAnswer(answer)) return render();
  let forAnswer = renderings.get(answer);
  if (!forAnswer) {
    forAnswer = new Map();
    renderings.set(answer, forAnswer);
  }
  if (forAnswer.has(key)) return forAnswer.get(key) as T;
  const made = render();
  if (forAnswer.size >= KEYS_PER_ANSWER) forAnswer.delete(forAnswer.keys().next().value!);
  forAnswer.set(key, made);
  onKept?.(made);
  return made;
}
