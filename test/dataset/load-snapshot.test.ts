// The validated snapshot (issue 13: a start with unchanged files skips parsing and validating them): it gives back
// the same dataset as a full load, is used only for exactly the same files, never for changed or invalid ones, and
// a damaged snapshot is ignored. Real files in a temp folder (a small generated dataset), the real loader.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type GeneratedDataset } from '../../bench/generate-dataset.js';
import { loadDataset } from '../../src/dataset/load-dataset.js';

let generated: GeneratedDataset;
let snapshots: string;
beforeAll(async () => {
  generated = await generateDataset({ countries: 4, partiesPerCountry: 6, seed: 9 });
  snapshots = mkdtempSync(path.join(tmpdir(), 'caac-snapshots-'));
});
afterAll(() => {
  rmSync(generated.dir, { recursive: true, force: true });
  rmSync(snapshots, { recursive: true, force: true });
});

const snapshotFiles = () => readdirSync(snapshots).filter((n) => n.endsWith('.v8'));
const firstCountryFile = () => {
  const dir = path.join(generated.dir, 'countries');
  return path.join(dir, readdirSync(dir).sort()[0]!);
};

describe('the validated snapshot', () => {
  it('is written by a load and gives back the same dataset as a full load', async () => {
    const full = await loadDataset(generated.dir);
    const first = await loadDataset(generated.dir, { snapshotDir: snapshots });
    expect(snapshotFiles()).toHaveLength(1);
    const again = await loadDataset(generated.dir, { snapshotDir: snapshots });
    if (!full.ok || !first.ok || !again.ok) throw new Error('the generated dataset did not load');
    expect(again.dataset).not.toBe(first.dataset); // read back from the file, not kept in memory
    expect(again.dataset).toEqual(full.dataset);
    expect(again.dataset.countries).toBeInstanceOf(Map);
    expect(again.files).toBe(full.files);
  });

  it('is not used for changed files: a valid change loads anew, an invalid one is refused with its problem', async () => {
    const file = firstCountryFile();
    const original = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, `${original}\n# an editor's comment\n`);
      const changed = await loadDataset(generated.dir, { snapshotDir: snapshots });
      expect(changed.ok).toBe(true);
      // The new files' snapshot replaces the old one.
      expect(snapshotFiles()).toHaveLength(1);
      writeFileSync(file, original.replace(/^(\s*)name: /m, '$1nmae: '));
      const invalid = await loadDataset(generated.dir, { snapshotDir: snapshots });
      expect(invalid.ok).toBe(false);
      if (!invalid.ok) expect(invalid.problems.some((p) => p.file.endsWith(path.basename(file)))).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('is ignored when damaged: the files are loaded and validated as usual', async () => {
    await loadDataset(generated.dir, { snapshotDir: snapshots });
    const [name] = snapshotFiles();
    writeFileSync(path.join(snapshots, name!), 'not a snapshot');
    const loaded = await loadDataset(generated.dir, { snapshotDir: snapshots });
    const full = await loadDataset(generated.dir);
    if (!loaded.ok || !full.ok) throw new Error('the generated dataset did not load');
    expect(loaded.dataset).toEqual(full.dataset);
    // …and written again, whole.
    expect(readFileSync(path.join(snapshots, name!)).length).toBeGreaterThan(100);
  });
});
