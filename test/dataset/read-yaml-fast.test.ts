// The fast reader (js-yaml) must agree with the yaml package: on data/, on the fixtures, on hand-picked cases and on
// generated documents (fast-check). Where js-yaml is more lenient than the yaml package about a malformed text (a
// comment with no space before it, say), it may read a value; where both read one, they must be the same. The fuzz
// over mutated documents is read-yaml-fast.fuzz.test.ts (slow project).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readYamlFast } from '../../src/dataset/read-yaml-fast.js';
import { json, reference } from '../support/yaml-reference.js';

/** Checks agreement; true when the fast reader answered. */
function agrees(text: string): boolean {
  const fast = readYamlFast(text);
  if (fast === undefined) return false;
  const slow = reference(text);
  if (slow === 'error') return false; // js-yaml's leniency: the loader still validates the value it read
  expect(json(slow), text).toEqual(json(fast));
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

const root = path.resolve(import.meta.dirname, '../..');

describe('readYamlFast', () => {
  it('reads every data/ file, with the same result as the yaml package', () => {
    const files = yamlFiles(path.join(root, 'data'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fast = readYamlFast(text);
      expect(fast, `${file} should be in the fast subset`).not.toBeUndefined();
      expect(fast, file).toEqual(reference(text));
    }
  });

  it('agrees with the yaml package on the fixtures, and gives up on the malformed one', () => {
    for (const file of yamlFiles(path.join(root, 'test/fixtures'))) agrees(readFileSync(file, 'utf8'));
    expect(
      readYamlFast(
        readFileSync(path.join(root, 'test/fixtures/broken/malformed-yaml/countries/testland.yaml'), 'utf8'),
      ),
    ).toBeUndefined();
  });

  it.each([
    ['a: 1\nb: -2\nc: 0.5\nd: "2013"\ne: 2021-06\nf: true\ng: ~\nh:\ni: null\n'],
    ["a: 'it''s'\nb: \"x\\\"y\\u00e9\"\nc: plain with 'quote\nd: C# code\ne: a [b] {c}\n"],
    ['list:\n- a\n- b\nnext: 1\n'],
    ['list:\n  - a\n  -   b\n  -\n    x: 1\n  - - 1\n    - 2\n'],
    ['- id: a\n  name: b\n-   id: c\n    name: d\n'],
    ['k: [a, "b, c", \'d\', 1, [x], {y: 1}]\nm: { a: 1, b: [2, 3], c: "}" }\nn: []\no: {}\n'],
    ['t: >-\n  folded\n  text\n\n  para\nu: |\n  lit\n   more\nv: >\n  clip\n\nw: 1\n'],
    ['# comment\na: 1 # trailing\n  # indented comment\nb:\n  # before\n  c: 2\n'],
    ['a: 1\na: 2\n'],
    ['a: b: c\n'],
    ['a: &x 1\nb: *x\n'],
    ['a: !!str 1\n'],
    ['a: plain\n  continued\n'],
    ['a: "multi\n  line"\n'],
    ['a: 0o17\nb: 0x1F\nc: +1\nd: 1e3\ne: .inf\nf: 1.\ng: 007\n'],
    ['---\na: 1\n'],
    ['a:\n\tb: 1\n'],
    ['a: [1, 2,]\n'],
    ['a: [1, 2\n'],
    ['  a: 1\n'],
    ['a: 1\n   b: 2\n'],
    ['"quoted key": 1\n'],
    ['a: 1\r\nb: 2\r\n'],
    [''],
    ['# only a comment\n'],
  ])('agrees on %j', (text) => {
    agrees(text);
  });

  it('agrees with the yaml package on generated documents', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/);
    const scalar = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '2021-06',
        '2013',
        '0.5',
        '-3',
        'true',
        'null',
        '~',
        'a: b',
        '#x',
        "l'Azawad",
        '“curly”',
        '- x',
        '[x]',
        '',
      ),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).node;
    let answered = 0;
    fc.assert(
      fc.property(value, fc.constantFrom(0, 1, 2, 3), fc.boolean(), (v, flowLevel, folded) => {
        const text = stringify(
          { root: v },
          {
            flowCollectionPadding: true,
            lineWidth: folded ? 30 : 0,
            collectionStyle: flowLevel === 0 ? 'flow' : 'any',
          },
        );
        if (agrees(text)) answered++;
      }),
      { numRuns: 400 },
    );
    expect(answered).toBeGreaterThan(100); // the fast path is really exercised
  });
});
