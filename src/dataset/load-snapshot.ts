// A validated dataset kept on disk (v8's serialisation of the loaded Dataset), so that a start with the same files
// skips parsing and validating them again: at 20,000 parties, js-yaml, zod and the garbage they leave are most of a
// second, reading a snapshot a fraction of it. The key is the files' content hash together with a fingerprint of the
// code that validated them (this folder's sources, the package manifest, Node's version), so that a snapshot is used
// only for exactly the files and the rules that produced it. Anything unreadable is ignored: the files are then
// loaded and validated as usual. Only valid datasets are ever written.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Dataset } from './schema.js';

const PREFIX = 'dataset-';
const SUFFIX = '.v8';

let fingerprint: string | undefined;

/** What the snapshot depends on besides the files: the loader's own sources, the manifest, Node (once a process). */
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256').update(process.version).update('\0');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (/\.(js|ts)$/.test(name))
      hash
        .update(name)
        .update('\0')
        .update(readFileSync(path.join(here, name)))
        .update('\0');
  }
  // The manifest pins the validating libraries (zod, js-yaml, yaml): a different version is a different key.
  for (let dir = here; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      hash.update(readFileSync(manifest));
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The snapshot's file name for files whose full content hash is `contentHash`. */
function fileFor(dir: string, contentHash: string): string {
  const key = createHash('sha256').update(contentHash).update('\0').update(codeFingerprint()).digest('hex');
  return path.join(dir, `${PREFIX}${key.slice(0, 32)}${SUFFIX}`);
}

/** The dataset validated earlier from the same files by the same code, or undefined (none, or unreadable). */
export async function readSnapshot(dir: string, contentHash: string, version: string): Promise<Dataset | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(fileFor(dir, contentHash));
  } catch {
    return undefined;
  }
  try {
    const value = deserialize(bytes) as Partial<Dataset> | undefined;
    const maps = [value?.sources, value?.countries, value?.parties, value?.missions, value?.events];
    if (value?.version !== version || !maps.every((m) => m instanceof Map) || typeof value.reference !== 'object')
      return undefined;
    return value as Dataset;
  } catch {
    return undefined;
  }
}

/** Writes the snapshot of a valid dataset (atomically: a reader never sees half of it) and removes older ones. */
export async function writeSnapshot(dir: string, contentHash: string, dataset: Dataset): Promise<void> {
  const target = fileFor(dir, contentHash);
  try {
    await mkdir(dir, { recursive: true });
    const temp = `${target}.${randomUUID().slice(0, 8)}.tmp`;
    await writeFile(temp, serialize(dataset));
    await rename(temp, target);
    for (const name of await readdir(dir)) {
      const stale = name.startsWith(PREFIX) && path.join(dir, name) !== target;
      if (stale && (name.endsWith(SUFFIX) || name.endsWith('.tmp'))) await rm(path.join(dir, name), { force: true });
    }
  } catch {
    // A read-only or full disk costs the next start its speed, nothing else.
  }
}
