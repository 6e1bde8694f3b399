// The resolver on a crowded dataset: hundreds of parties share "militia" and "of", more than its limit for a
// distinctive word, so suggestions for a made-up name come from the word that is not shared, and a typo in that
// word still finds the one party it names.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';
import { resolveName } from '../../src/dataset/resolver.js';
import type { Dataset } from '../../src/dataset/schema.js';

const SYLLABLES = ['ba', 'de', 'ki', 'lo', 'mu', 'na', 're', 'si', 'to', 'vu', 'za', 'pe'];
/** A distinct made-up name per number: three syllables, in base 12. */
const nameOf = (i: number) =>
  SYLLABLES[i % 12]! + SYLLABLES[Math.floor(i / 12) % 12]! + SYLLABLES[Math.floor(i / 144) % 12]!;
const PARTIES = 600;

let dataset: Dataset;
beforeAll(() => {
  const reference = readFileSync(new URL('../../data/reference.yaml', import.meta.url), 'utf8').replace(
    /^source: .*$/m,
    '',
  );
  const parties = Array.from({ length: PARTIES }, (_, i) => {
    const n = nameOf(i);
    return `  - { id: p${i}, country: crowdland, name: Militia of ${n[0]!.toUpperCase()}${n.slice(1)}, acronyms: [MO${i}], listings: [{ report_year: 2020, codes: [a], source: src-a }] }`;
  });
  const country = `country:\n  id: crowdland\n  name: Crowdland\nparties:\n${parties.join('\n')}\n`;
  const r = loadDatasetFromFiles([
    { path: 'crowded/reference.yaml', role: 'reference', text: reference },
    {
      path: 'crowded/sources/s.yaml',
      role: 'sources',
      text: 'sources:\n  - { id: src-a, publisher: Test, title: Report A, date: "2021-06" }\n',
    },
    { path: 'crowded/countries/crowdland.yaml', role: 'country', text: country },
  ]);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  dataset = r.dataset;
});

describe('resolveName among many names sharing words', () => {
  it('finds every party by its exact name', () => {
    for (let i = 0; i < PARTIES; i += 37) {
      const r = resolveName(dataset, `militia of ${nameOf(i)}`);
      expect(r.ok && r.entity.id).toBe(`p${i}`);
    }
  });

  it('finds a party through a typo in its distinctive word', () => {
    // Two letters swapped, one letter too many, the words in another order (not "mudebo": "mudeto" is a name too).
    const target = SYLLABLES.indexOf('mu') + 12 * SYLLABLES.indexOf('de') + 144 * SYLLABLES.indexOf('ba');
    expect(nameOf(target)).toBe('mudeba');
    for (const typo of ['militia of umdeba', 'militia of mudebaa', 'mudeba militia']) {
      const r = resolveName(dataset, typo);
      expect(r.ok && r.entity.id, typo).toBe(`p${target}`);
    }
  });

  it('suggests names near the distinctive word, not names that share only "militia of"', () => {
    // "muxxba" is two edits from every "mu··ba" (too many for a close match), and shares "militia of" with all.
    const r = resolveName(dataset, 'Militia of Muxxba');
    expect(r.ok).toBe(false);
    expect(r.suggestions).toHaveLength(5);
    for (const s of r.suggestions) expect(s.name).toMatch(/^Militia of Mu[a-z]{2}ba$/);
  });
});
