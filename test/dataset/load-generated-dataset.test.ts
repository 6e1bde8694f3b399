// A generated dataset (the benchmark's generator, at a small size) loads whole through the fast path (js-yaml), and a
// problem in one of its files is still located at the line an editor has to change (the yaml package's slow path).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type GeneratedDataset } from '../../bench/generate-dataset.js';
import { formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';

let generated: GeneratedDataset;
beforeAll(async () => {
  generated = await generateDataset({ countries: 6, partiesPerCountry: 12, seed: 3 });
});
afterAll(() => rmSync(generated.dir, { recursive: true, force: true }));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name));
}

describe('a generated dataset through the fast path', () => {
  it('loads whole', async () => {
    const result = await loadDataset(generated.dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.dataset.parties.size).toBe(generated.parties);
    expect(result.dataset.countries.size).toBe(generated.countries);
  });

  it('locates a problem in a file the fast reader read at the line an editor has to change', async () => {
    const file = yamlFiles(path.join(generated.dir, 'countries'))[0]!;
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const at = lines.findIndex((l) => /^\s+- report_year: \d{4}$/.test(l));
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace(/\d{4}$/, '1999');
    const unknown = lines.findIndex((l, i) => i > at && /^\s+name: /.test(l));
    lines.splice(unknown + 1, 0, lines[unknown]!.replace(/name: .*/, 'nmae: typo'));
    writeFileSync(file, lines.join('\n'));
    try {
      const result = await loadDataset(generated.dir);
      expect(result.ok).toBe(false);
      const shown = path.relative(process.cwd(), file);
      const problems = result.ok ? [] : result.problems.map(formatProblem);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(
        new RegExp(`^${escapeYaml(shown)}:${at + 1}: parties\\[\\d+\\]\\.listings\\[\\d+\\]\\.report_year: `),
      );
      expect(problems[1]).toMatch(
        new RegExp(`^${escapeYaml(shown)}:${unknown + 2}: parties\\[\\d+\\]\\.nmae: is not a known field`),
      );
    } finally {
      writeFileSync(file, original);
    }
  });
});

function escapeYaml(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
