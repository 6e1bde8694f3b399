// The render cache's contract: a shared answer (handed out by the core's memo) is rendered once per key; any other
// answer, even a frozen copy of a shared one, afresh every time.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { createAnswerMemo, isSharedAnswer } from '../../src/core/answer-memo.js';
import { renderOnce } from '../../src/render/render-once.js';

const answer = (): Answer => ({
  kind: 'codes',
  outcome: 'answered',
  title: 'Codes',
  sections: [],
  actions: [],
  summary: 'codes',
});

describe('renderOnce', () => {
  it('keeps what is rendered from a shared answer, per key, and tells when it keeps it', () => {
    const memo = createAnswerMemo(10);
    const shared = memo.set({ dataset: {}, day: '2026-11-28' }, 'codes', answer());
    expect(isSharedAnswer(shared)).toBe(true);
    let renders = 0;
    const kept: string[] = [];
    const render = (key: string) =>
      renderOnce(
        shared,
        key,
        () => `${key} ${++renders}`,
        (made) => kept.push(made),
      );
    expect(render('a')).toBe('a 1');
    expect(render('a')).toBe('a 1');
    expect(render('b')).toBe('b 2');
    expect(kept).toEqual(['a 1', 'b 2']);
  });

  it('renders any other answer afresh, a frozen copy of a shared one included', () => {
    const memo = createAnswerMemo(10);
    const shared = memo.set({ dataset: {}, day: '2026-11-28' }, 'codes', answer());
    const copy = Object.freeze({ ...shared });
    expect(isSharedAnswer(copy)).toBe(false);
    let renders = 0;
    const kept: number[] = [];
    for (const a of [copy, copy, answer()])
      renderOnce(
        a,
        'a',
        () => ++renders,
        (n) => kept.push(n),
      );
    expect(renders).toBe(3);
    expect(kept).toEqual([]);
  });
});
