// Fuzz (fast-check) over the dataset loader, which takes anything an editor types: it never throws, and gives a
// dataset or problems located by file and line.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { DataFile, LoadResult } from '../../src/dataset/load-dataset.js';
import { defaultDataDir, formatProblem, loadDataset, loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';

function realFiles(): DataFile[] {
  const dir = defaultDataDir();
  const files: DataFile[] = [
    { path: 'data/reference.yaml', role: 'reference', text: readFileSync(path.join(dir, 'reference.yaml'), 'utf8') },
  ];
  for (const [sub, role] of [
    ['sources', 'sources'],
    ['countries', 'country'],
    ['events', 'events'],
  ] as const) {
    let names: string[] = [];
    try {
      names = readdirSync(path.join(dir, sub))
        .filter((n) => n.endsWith('.yaml'))
        .sort();
    } catch {
      // absent folder
    }
    for (const n of names)
      files.push({ path: `data/${sub}/${n}`, role, text: readFileSync(path.join(dir, sub, n), 'utf8') });
  }
  return files;
}

function expectWellFormed(result: LoadResult): void {
  if (result.ok) {
    expect(typeof result.dataset.version).toBe('string');
    return;
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(typeof p.file).toBe('string');
    expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
    expect(typeof p.field).toBe('string');
    expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
    expect(formatProblem(p)).toMatch(/^.+:\d+: .*: .+/s);
    expect(formatProblem(p)).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  }
}

/** Mutations an editor's slip might make: drop, duplicate or re-indent a line, cut the file, insert junk. */
const mutation = (text: string) => {
  const lines = text.split('\n');
  return fc.oneof(
    fc.nat(lines.length - 1).map((i) => lines.filter((_, j) => j !== i).join('\n')),
    fc.nat(lines.length - 1).map((i) => [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n')),
    fc
      .tuple(fc.nat(lines.length - 1), fc.constantFrom('', ' ', '   ', '\t'))
      .map(([i, pad]) => lines.map((l, j) => (j === i ? pad + l.trimStart() : l)).join('\n')),
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc
      .tuple(
        fc.nat(text.length),
        fc.constantFrom(
          ': ',
          '- ',
          '{',
          '[',
          '"',
          "'",
          '&a',
          '*a',
          '!!binary',
          '\u0000',
          '2021-13-45',
          '~',
          'null',
          '>-',
        ),
      )
      .map(([n, junk]) => text.slice(0, n) + junk + text.slice(n)),
  );
};

describe('fuzz: dataset files', () => {
  const files = realFiles();
  it('the real dataset loads (the baseline the mutations start from)', () => {
    expect(loadDatasetFromFiles(files, 'base').ok).toBe(true);
  });

  it('random YAML values in any file role: never throws, always a dataset or located problems', () => {
    const yamlValue = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => stringify(v)),
      fc.string({ maxLength: 300 }),
      fc
        .record(
          {
            country: fc.record({ id: fc.string(), name: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
            parties: fc.jsonValue({ maxDepth: 3 }),
          },
          { requiredKeys: [] },
        )
        .map((v) => stringify(v)),
    );
    fc.assert(
      fc.property(fc.nat(files.length - 1), yamlValue, (i, text) => {
        const mutated = files.map((f, j) => (j === i ? { ...f, text } : f));
        expectWellFormed(loadDatasetFromFiles(mutated, 'fuzz'));
      }),
      // Each run loads the whole dataset (~0.1 s on a busy machine): few runs, but every CI run draws new ones.
      { numRuns: 40 },
    );
  }, 120_000);

  it("an editor's slips in a real file: never throws, always a dataset or located problems", () => {
    const target = files.findIndex((f) => f.role === 'country');
    expect(target).toBeGreaterThanOrEqual(0);
    fc.assert(
      fc.property(mutation(files[target]!.text), (text) => {
        const mutated = files.map((f, j) => (j === target ? { ...f, text } : f));
        const result = loadDatasetFromFiles(mutated, 'fuzz');
        expectWellFormed(result);
        if (!result.ok) for (const p of result.problems) expect(p.file).toMatch(/^data\//);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('from disk, odd files and folders: loadDataset reports, never throws', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'caac-fuzz-data-'));
    try {
      const samples = fc.sample(
        fc.tuple(fc.constantFrom('countries', 'sources', 'events'), fc.jsonValue({ maxDepth: 3 })),
        15,
      );
      for (const [k, [sub, value]] of samples.entries()) {
        const dir = path.join(root, `d${k}`);
        mkdirSync(path.join(dir, sub), { recursive: true });
        writeFileSync(path.join(dir, 'reference.yaml'), files[0]!.text);
        writeFileSync(path.join(dir, sub, 'x.yaml'), stringify(value));
        expectWellFormed(await loadDataset(dir));
      }
      expectWellFormed(await loadDataset(path.join(root, 'missing')));
      expect((await loadDataset(path.join(root, 'missing'))).ok).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('a folder where a data file should be is a problem, not an exception', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'caac-fuzz-odd-'));
    try {
      mkdirSync(path.join(root, 'reference.yaml'), { recursive: true });
      expectWellFormed(await loadDataset(root));
      writeFileSync(path.join(root, 'reference.yaml.tmp'), '');
      rmSync(path.join(root, 'reference.yaml'), { recursive: true });
      writeFileSync(path.join(root, 'reference.yaml'), files[0]!.text);
      mkdirSync(path.join(root, 'countries', 'mali.yaml'), { recursive: true });
      expectWellFormed(await loadDataset(root));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
