// Hostile data files (issue 17): an alias bomb, an expansion over the node budget, a cycle, a file over the size cap.
// Each is refused like any other invalid file, every problem on its own line as file:line: field: message, in well
// under a second, by the loader; the real `caac data check` on an alias bomb is a spawned process, so it is in the
// slow project (test/cli/data-check-process.test.ts). A few aliases within the bounds are still read as written.
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadDataset, loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';
import type { DataFile, LoadResult } from '../../src/dataset/load-dataset.js';
import { DEFAULT_YAML_LIMITS } from '../../src/dataset/yaml-bounds.js';
import { aliasBomb } from '../support/alias-bomb.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const LINE = /^[^\n]+:\d+: \S+: [^\n]+$/;

function minimalFiles(): DataFile[] {
  const dir = path.join(fixtures, 'minimal');
  const read = (sub: string) => readFileSync(path.join(dir, sub), 'utf8');
  return [
    { path: 'data/reference.yaml', role: 'reference', text: read('reference.yaml') },
    { path: 'data/sources/sources.yaml', role: 'sources', text: read('sources/sources.yaml') },
    { path: 'data/countries/testland.yaml', role: 'country', text: read('countries/testland.yaml') },
    { path: 'data/events/global.yaml', role: 'events', text: read('events/global.yaml') },
  ];
}

function timedLoad(files: DataFile[], limits = DEFAULT_YAML_LIMITS): { result: LoadResult; ms: number } {
  const started = performance.now();
  const result = loadDatasetFromFiles(files, 'test', limits);
  return { result, ms: performance.now() - started };
}

function problemLines(result: LoadResult): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const withFile = (text: string, name = 'data/countries/boom.yaml'): DataFile[] => [
  ...minimalFiles(),
  { path: name, role: 'country', text },
];

describe('alias bombs', () => {
  it.each(['string', 'source'] as const)(
    'ten anchors ten aliases deep, %s leaves: refused at once, alias by alias',
    (leaf) => {
      const { result, ms } = timedLoad(withFile(aliasBomb(leaf)));
      const lines = problemLines(result);
      expect(ms).toBeLessThan(1_000);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line).toMatch(LINE);
      expect(lines[0]).toBe(
        'data/countries/boom.yaml:3: (yaml): *a0: aliases are not allowed here (this file has 100, at most 16 may be used): write the value out',
      );
      expect(lines.at(-1)).toBe('data/countries/boom.yaml:4: (yaml): and 90 more aliases from here on');
    },
  );

  it('few aliases, but an expansion over the node budget: refused without expanding it', () => {
    const a0 = `[${Array.from({ length: 200 }, (_, i) => `w${i}`).join(', ')}]`;
    const lines = ['country: { id: boom, name: Boom }', `a0: &a0 ${a0}`];
    for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`); // 16 aliases, 256 × 200 leaves
    const { result, ms } = timedLoad(withFile(`${lines.join('\n')}\n`));
    expect(ms).toBeLessThan(1_000);
    expect(problemLines(result)).toEqual([
      'data/countries/boom.yaml:3: (yaml): aliases here would add more than 10,000 nodes once expanded: write the values out',
    ]);
  });

  it('an alias inside its own anchor (a cycle) is a problem, not a stack overflow', () => {
    for (const text of ['country: &a [*a]\n', 'country: &a\n  id: x\n  name: y\n  other_names: *a\n']) {
      const lines = problemLines(timedLoad(withFile(text)).result);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^data\/countries\/boom\.yaml:\d: \(yaml\): an alias refers to a node that contains it/);
    }
  });

  it('walking shared structure is linear: with the bounds lifted, the {source: x} bomb still loads in well under a second', () => {
    // Zod stops at the unknown keys; the source check walks the raw value, where the bomb's 10^10 leaves are shared.
    const lifted = { maxFileBytes: 1 << 20, maxAliases: 1_000, maxExpandedNodes: Number.MAX_SAFE_INTEGER };
    const { result, ms } = timedLoad(withFile(aliasBomb('source')), lifted);
    expect(ms).toBeLessThan(1_000);
    const lines = problemLines(result);
    expect(lines).toContain('data/countries/boom.yaml:2: a0.source: unknown source "x" (no such id in data/sources/)');
    expect(lines.filter((l) => l.includes('is not a known field'))).toHaveLength(11);
  });

  it('a few aliases within the bounds are read as written; an asterisk or ampersand in text is no alias', () => {
    const text = readFileSync(path.join(fixtures, 'minimal/countries/testland.yaml'), 'utf8')
      .replace('codes: [a, c]\n        source: src-one', 'codes: &codes [a, c]\n        source: &src src-one')
      .replace(
        '{ report_year: 2020, codes: [a], source: src-one }',
        '{ report_year: 2020, codes: *codes, source: *src }',
      )
      .replace('name: Group Two', 'name: "*Group* Two & &co"');
    expect(text).toContain('*codes');
    const files = minimalFiles().map((f) => (f.role === 'country' ? { ...f, text } : f));
    const { result } = timedLoad(files);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const two = result.dataset.parties.get('group-two');
    expect(two?.name).toBe('*Group* Two & &co');
    expect(two?.listings[0]).toMatchObject({ codes: ['a', 'c'], source: 'src-one' });
  });
});

describe('the size cap', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('a file over the cap is refused as a whole (from memory)', () => {
    const big = `country: { id: big, name: Big }\n# ${'x'.repeat(5_000)}\n`;
    const lines = problemLines(timedLoad(withFile(big), { ...DEFAULT_YAML_LIMITS, maxFileBytes: 4_096 }).result);
    expect(lines).toEqual([
      'data/countries/boom.yaml:1: (file): is 4.9 KiB, over the 4.0 KiB a dataset file may hold (split it)',
    ]);
  });

  it('from disk, a file over the cap is refused before it is read', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'caac-bounds-'));
    cpSync(path.join(fixtures, 'minimal'), dir, { recursive: true });
    const huge = path.join(dir, 'countries', 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 5 * 1024 * 1024 * 1024); // 5 GiB, sparse: reading it would exhaust the memory
    const started = performance.now();
    const result = await loadDataset(dir);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(problemLines(result)).toEqual([
      `${path.relative(process.cwd(), huge)}:1: (file): is 5120.0 MiB, over the 4.0 MiB a dataset file may hold (split it)`,
    ]);
  });
});
