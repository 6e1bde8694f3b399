import { parseCommand } from '../../src/core/parse-command.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import { createCore } from '../../src/core/create-core.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';
import { FOUNDING_FACTS, FOUNDING_NOW, squash } from '../support/founding-facts.js';
import { realDataset } from '../support/real-dataset.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await realDataset();
});

describe('every fact of the founding document, through the core', () => {
  it.each(FOUNDING_FACTS.map((row) => [row.fact, row] as const))('%s', async (_fact, row) => {
    const core = createCore({
      dataset: () => dataset,
      clock: fixedClock(new Date(`${row.now ?? FOUNDING_NOW}T00:00:00Z`)),
    });
    const answer = await core.answer(parseCommand(row.command), { platform: 'cli' });
    expect(answer.outcome).toBe('answered');
    const text = squash(answerToPlainText(answer));
    for (const e of row.expect) expect(text).toContain(squash(e));
    for (const a of row.absent ?? []) expect(text).not.toContain(squash(a));
  });
});
