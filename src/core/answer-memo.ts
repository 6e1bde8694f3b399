// A small least-recently-used memo of answers, for createCore. An answer to a dataset-only command depends only on
// the dataset, the parsed command, the calendar day (in the zone, and in UTC for the report year and the data's age)
// and the zone, so a repeated lookup costs one Map hit instead of a brief. Answers kept here are deep-frozen and
// marked shared (isSharedAnswer): every caller gets the same object, none can change what the next caller sees, and
// the renderers may keep what they make of it (src/render/render-once.ts).
import type { Answer } from './answer.js';

/** What the memo is valid for: when the dataset or the day changes, everything in it is dropped. */
export interface MemoScope {
  dataset: object;
  day: string;
}

/** An LRU of answers, cleared whenever its scope (dataset object, day) changes. */
export interface AnswerMemo {
  get(scope: MemoScope, key: string): Answer | undefined;
  /** Stores (and freezes) `answer`, returning it. */
  set(scope: MemoScope, key: string, answer: Answer): Answer;
  readonly size: number;
}

// Every answer a memo has handed out; weak, so an answer the memo drops can be collected.
const shared = new WeakSet<Answer>();

/**
 * Whether `answer` is one a memo hands to every caller of the same command: frozen, the same object each time, and
 * with nothing in it for one user or channel. Renderings of such an answer may be cached with it.
 */
export function isSharedAnswer(answer: Answer): boolean {
  return shared.has(answer);
}

/** Creates an answer memo holding at most `capacity` answers. */
export function createAnswerMemo(capacity = 300): AnswerMemo {
  const entries = new Map<string, Answer>();
  let dataset: object | undefined;
  let day: string | undefined;
  const enter = (scope: MemoScope) => {
    if (scope.dataset !== dataset || scope.day !== day) {
      entries.clear();
      dataset = scope.dataset;
      day = scope.day;
    }
  };
  return {
    get(scope, key) {
      enter(scope);
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      // Re-inserting moves the key to the end of the Map's order: the first key is always the least recently used.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    set(scope, key, answer) {
      enter(scope);
      const frozen = deepFreeze(answer);
      shared.add(frozen);
      entries.set(key, frozen);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return frozen;
    },
    get size() {
      return entries.size;
    },
  };
}

/** Freezes a plain value and everything inside it (an answer is plain objects, arrays and strings). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
