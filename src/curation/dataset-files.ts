// The dataset's files as text, with the role each plays, read the way loadDataset reads them: so that a proposed
// change can be validated as a whole, in memory, before anything is written.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DataFile, listDatasetFiles } from '../dataset/load-dataset.js';

/** A dataset file: its absolute path, the path problems name, its role and its text. */
export interface DatasetFile extends DataFile {
  abs: string;
}

/** Every file of the dataset in `dir`, listed as loadDataset lists them (listDatasetFiles). */
export async function readDatasetFiles(dir: string): Promise<DatasetFile[]> {
  const shown = (abs: string) => path.relative(process.cwd(), abs) || abs;
  const listed = (await listDatasetFiles(dir)).filter((f) => f.role !== 'reference' || existsSync(f.abs));
  return Promise.all(
    listed.map(async ({ abs, role }) => ({ abs, role, path: shown(abs), text: await readFile(abs, 'utf8') })),
  );
}
