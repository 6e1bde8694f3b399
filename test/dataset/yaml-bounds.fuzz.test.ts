// Fuzz (fast-check) over whole data files, hostile ones included: random YAML with anchors, aliases (nested, cyclic,
// dangling), merge keys, tags, deep nesting and odd scalars, in any file role, and alias bombs of random shape. The
// loader never throws and never takes long; it gives a dataset or problems, each one line `file:line: field: message`.
// A sample goes through the real `caac data check`: exit 0, or exit 2 with the problems one a line.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';
import type { DataFile, LoadResult } from '../../src/dataset/load-dataset.js';
import { aliasBomb } from '../support/alias-bomb.js';

const fixtures = fileURLToPath(new URL('../fixtures/minimal/', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const LINE = /^[^\n]+:\d+: [^\n]+: [^\n]+$/;
const STACK = /\n\s+at .+:\d+:\d+|Unhandled|TypeError|ReferenceError|RangeError|heap out of memory/;

const ROLES = ['reference', 'sources', 'country', 'events'] as const;
const base: DataFile[] = [
  { path: 'data/reference.yaml', role: 'reference', text: readFileSync(`${fixtures}reference.yaml`, 'utf8') },
  { path: 'data/sources/sources.yaml', role: 'sources', text: readFileSync(`${fixtures}sources/sources.yaml`, 'utf8') },
  {
    path: 'data/countries/testland.yaml',
    role: 'country',
    text: readFileSync(`${fixtures}countries/testland.yaml`, 'utf8'),
  },
  { path: 'data/events/global.yaml', role: 'events', text: readFileSync(`${fixtures}events/global.yaml`, 'utf8') },
];

const anchor = fc.constantFrom('a', 'b', 'c', 'x1');
const scalar = fc.oneof(
  fc.constantFrom(
    'x',
    '1',
    '-0',
    '0x1f',
    '0o17',
    '.inf',
    '.NaN',
    '~',
    'null',
    'true',
    '2021-06-30',
    '2021-02-30',
    '"q"',
    "'s'",
    '"\\u0000"',
    '!!str s',
    '!!binary aGk=',
    '!custom v',
    'src-one',
    'testland',
    '"*not an alias*"',
    'a & b',
  ),
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
);
const alias = anchor.map((a) => `*${a}`);
const key = fc.oneof(
  fc.constantFrom('id', 'name', 'source', 'country', 'parties', 'listings', 'codes', 'sources', 'events', '<<', '"k"'),
  alias,
);

/** A flow-style YAML node: scalars, aliases, anchored nodes, lists and maps, a few levels deep. */
const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, alias, tie('seq'), tie('map'), tie('anchored')),
  seq: fc.array(tie('node'), { maxLength: 5 }).map((xs) => `[${xs.join(', ')}]`),
  map: fc
    .array(fc.tuple(key, tie('node')), { maxLength: 5 })
    .map((kv) => `{${kv.map(([k, v]) => `${String(k)}: ${String(v)}`).join(', ')}}`),
  anchored: fc.tuple(anchor, tie('node')).map(([a, n]) => `&${a} ${String(n)}`),
}));

/** A whole file: a block map of top-level keys, sometimes with a document marker, a BOM, CRLF or tabs. */
const randomFile = fc
  .tuple(
    fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('', '---\n', '%YAML 1.2\n---\n', '\uFEFF', '--- !!map\n'),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([pairs, head, eol, tabs]) => {
    const body = pairs.map(([k, v]) => `${k}: ${v}`).join(eol);
    return head + (tabs ? body.replace(/: /g, ':\t') : body) + eol;
  });

/** Pathological shapes: deep nesting, alias bombs of random shape, a cycle, a long run of one character. */
const pathological = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((n) => `country: ${'['.repeat(n)}${']'.repeat(n)}\n`),
  fc
    .integer({ min: 1, max: 5_000 })
    .map((n) => `country:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}- `).join('\n')}x\n`),
  fc
    .tuple(
      fc.constantFrom('string', 'source') as fc.Arbitrary<'string' | 'source'>,
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 12 }),
    )
    .map(([leaf, levels, fanout]) => aliasBomb(leaf, levels, fanout)),
  fc.constantFrom('country: &a [*a]\n', 'a: &a {b: *a}\ncountry: *a\n', 'country: *nowhere\n', '<<: [*a]\n'),
  fc
    .tuple(fc.constantFrom('*', '&', '[', '{', '-', ':', '!', '"', '#'), fc.integer({ min: 1, max: 100_000 }))
    .map(([c, n]) => c.repeat(n)),
);

/** Mutations of a real file: junk inserted anywhere (anchors, aliases, merge keys, flow starts), or a cut. */
const mutated = fc
  .nat(base.length - 1)
  .chain((i) =>
    fc
      .tuple(
        fc.nat(base[i]!.text.length),
        fc.constantFrom('&a ', '*a', '<<: *a\n', '[', '{', '"', '!!binary ', '\t', '? ', '*a, *a, *a', '\u0000'),
      )
      .map(([at, junk]) => ({ i, text: base[i]!.text.slice(0, at) + junk + base[i]!.text.slice(at) })),
  );

function expectWellFormed(result: LoadResult): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(formatProblem(p)).toMatch(LINE);
    expect(formatProblem(p)).not.toMatch(STACK);
  }
}

/**
 * Loads the base files with `text` in slot `i` (or as a new file of `role`); returns the time taken. A few
 * milliseconds each; the bound is generous because the whole suite shares two cores, and still far below what an
 * expansion or a quadratic reader costs (the alias bomb took a minute, 100,000 stray quotes most of one).
 */
function loadWith(text: string, where: { i: number } | { role: (typeof ROLES)[number] }): number {
  const files =
    'i' in where
      ? base.map((f, j) => (j === where.i ? { ...f, text } : f))
      : [...base, { path: `data/fuzz/${where.role}.yaml`, role: where.role, text }];
  const started = performance.now();
  expectWellFormed(loadDatasetFromFiles(files, 'fuzz'));
  return performance.now() - started;
}

describe('fuzz: hostile data files', () => {
  it('random YAML with anchors, aliases, tags and merge keys, in any role: a dataset or problems, quickly', () => {
    fc.assert(
      fc.property(randomFile, fc.constantFrom(...ROLES), (text, role) => {
        expect(loadWith(text, { role })).toBeLessThan(5_000);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('pathological shapes (deep nesting, alias bombs, cycles, long runs): problems, never a crash or a hang', () => {
    fc.assert(
      fc.property(pathological, fc.constantFrom(...ROLES), (text, role) => {
        expect(loadWith(text, { role })).toBeLessThan(5_000);
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('junk inserted into a valid file: a dataset or problems, quickly', () => {
    fc.assert(
      fc.property(mutated, ({ i, text }) => {
        expect(loadWith(text, { i })).toBeLessThan(5_000);
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('through the real caac data check: exit 0, or exit 2 with the problems one a line', async () => {
    const samples = fc.sample(fc.oneof(randomFile, pathological), { numRuns: 8, seed: Date.now() & 0xffff });
    const root = mkdtempSync(path.join(tmpdir(), 'caac-fuzz-file-'));
    try {
      const runs = samples.map(async (text, k) => {
        const dir = path.join(root, `d${k}`);
        cpSync(fixtures, dir, { recursive: true });
        writeFileSync(path.join(dir, 'countries', 'fuzz.yaml'), text);
        return new Promise<{ code: number | null; stderr: string; text: string }>((resolve) => {
          execFile(process.execPath, [CLI, '--data', dir, 'data', 'check'], { timeout: 30_000 }, (err, _out, stderr) =>
            resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stderr, text }),
          );
        });
      });
      for (const run of await Promise.all(runs)) {
        const what = JSON.stringify(run.text.slice(0, 200));
        expect([0, 2], `${what}: exit ${run.code}\n${run.stderr.slice(0, 500)}`).toContain(run.code);
        expect(run.stderr, what).not.toMatch(STACK);
        if (run.code === 2) {
          const lines = run.stderr.trim().split('\n');
          expect(lines.at(-1)).toMatch(/^\d+ problems?: the dataset was not loaded$/);
          for (const line of lines.slice(0, -1)) expect(line, what).toMatch(LINE);
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
