// The dataset's files as text, with the role each plays, read the way loadDataset reads them: so that a proposed
// change can be validated as a whole, in memory, before anything is written.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataFile } from '../dataset/load-dataset.js';

/** A dataset file: its absolute path, the path problems name, its role and its text. */
export interface DatasetFile extends DataFile {
  abs: string;
}

/** Every file of the dataset in `dir` (reference.yaml, sources/, countries/, events/). */
export async function readDatasetFiles(dir: string): Promise<DatasetFile[]> {
  const shown = (abs: string) => path.relative(process.cwd(), abs) || abs;
  const listed: Array<{ abs: string; role: DataFile['role'] }> = [];
  const reference = path.join(dir, 'reference.yaml');
  if (existsSync(reference)) listed.push({ abs: reference, role: 'reference' });
  for (const [sub, role] of [
    ['sources', 'sources'],
    ['countries', 'country'],
    ['events', 'events'],
  ] as const) {
    const names = await readdir(path.join(dir, sub)).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.ya?ml$/.test(n)).sort())
      listed.push({ abs: path.join(dir, sub, name), role });
  }
  return Promise.all(
    listed.map(async ({ abs, role }) => ({ abs, role, path: shown(abs), text: await readFile(abs, 'utf8') })),
  );
}
