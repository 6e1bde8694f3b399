// A scratch copy of data/ in a temporary folder, for tests that write to a dataset, with small text edits to set up
// a case (a mandate row taken out, a status changed) and a snapshot to prove that nothing else was written.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../../src/dataset/load-dataset.js';

/** A copy of data/ and how to edit, read and snapshot it. */
export interface ScratchDataset {
  dir: string;
  read(file: string): Promise<string>;
  edit(file: string, change: (text: string) => string): Promise<void>;
  /** Every file's text, by path relative to the folder. */
  snapshot(): Promise<Record<string, string>>;
  remove(): Promise<void>;
}

/** Copies data/ to a new temporary folder. */
export async function scratchDataset(): Promise<ScratchDataset> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'caac-data-')), 'data');
  await cp(defaultDataDir(), dir, { recursive: true });
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  return {
    dir,
    read,
    async edit(file, change) {
      const before = await read(file);
      const after = change(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing`);
      await writeFile(path.join(dir, file), after, 'utf8');
    },
    async snapshot() {
      const out: Record<string, string> = {};
      for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const abs = path.join(entry.parentPath, entry.name);
        out[path.relative(dir, abs)] = await readFile(abs, 'utf8');
      }
      return out;
    },
    remove: () => rm(path.dirname(dir), { recursive: true, force: true }),
  };
}

/** Takes one mandate row (by resolution) out of a country file's text, as if it had never been recorded. */
export function withoutMandate(text: string, resolution: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimStart() === `- resolution: ${resolution}`);
  if (start === -1) throw new Error(`no mandate ${resolution}`);
  const indent = lines[start]!.indexOf('-');
  let end = start + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || lines[end]!.search(/\S/) > indent)) end++;
  while (end - 1 > start && lines[end - 1]!.trim() === '') end--;
  // Comments just above the row describe it: they go with it.
  let from = start;
  while (from > 0 && lines[from - 1]!.trimStart().startsWith('#') && lines[from - 1]!.search(/\S/) === indent) from--;
  const out = [...lines.slice(0, from), ...lines.slice(end)];
  // The only row gone: the empty `mandates:` key (and its comments) goes too, as if no mandate had been recorded.
  const key = from - 1;
  const keyIndent = out[key]?.search(/\S/) ?? -1;
  if (out[key]?.trim() === 'mandates:' && (out[key + 1]?.search(/\S/) ?? -1) <= keyIndent) {
    let top = key;
    while (top > 0 && out[top - 1]!.trimStart().startsWith('#') && out[top - 1]!.search(/\S/) === keyIndent) top--;
    out.splice(top, key - top + 1);
  }
  return out.join('\n');
}
