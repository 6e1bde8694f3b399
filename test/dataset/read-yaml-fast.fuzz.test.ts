// Fuzz (fast-check): the fast reader (js-yaml) against the yaml package on 1,500 mutations of a valid country file
// (characters inserted and deleted anywhere). Where both read a value, the country schema gives it the same verdict,
// and a valid value is the same value. In the slow project (seconds of CPU); read-yaml-fast.test.ts holds the rest.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../../src/dataset/read-yaml-fast.js';
import { json, reference, verdict } from '../support/yaml-reference.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('readYamlFast', () => {
  it('never disagrees on mutated documents', () => {
    const base = readFileSync(path.join(root, 'test/fixtures/minimal/countries/testland.yaml'), 'utf8');
    let answered = 0;
    const chars = fc.constantFrom(
      ' ',
      '-',
      ':',
      '#',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '\n',
      'a',
      '1',
      '>',
      '|',
      '&',
      '*',
    );
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(3), fc.string({ unit: chars, maxLength: 3 }), (at, del, insert) => {
        const text = base.slice(0, at) + insert + base.slice(at + del);
        const fast = readYamlFast(text);
        const slow = reference(text);
        if (fast === undefined || slow === 'error') return;
        answered++;
        expect(verdict(fast), text).toBe(verdict(slow));
        if (verdict(slow)) expect(json(fast), text).toEqual(json(slow));
      }),
      { numRuns: 1500 },
    );
    expect(answered).toBeGreaterThan(300); // most mutations stay readable by both
  });
});
