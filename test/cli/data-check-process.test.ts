// The real `caac data check` (the built binary, spawned: slow project) on a data folder holding an alias bomb
// (issue 17): exit 2 with every problem on its own line as file:line: field: message, in seconds, not an abort.
// The loader's side of the same bounds is test/dataset/yaml-bounds.test.ts.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/dataset/load-dataset.js';
import { aliasBomb } from '../support/alias-bomb.js';

const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const LINE = /^[^\n]+:\d+: \S+: [^\n]+$/;

describe('npx caac data check on an alias bomb', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it.each(['string', 'source'] as const)(
    '%s leaves: exit 2 with the problems, one a line, not an abort',
    async (leaf) => {
      dir = mkdtempSync(path.join(tmpdir(), 'caac-bomb-cli-'));
      cpSync(defaultDataDir(), dir, { recursive: true });
      writeFileSync(path.join(dir, 'countries', 'boom.yaml'), aliasBomb(leaf));
      const started = performance.now();
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [CLI, '--data', dir!, 'data', 'check'], { timeout: 30_000 }, (err, stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
        );
      });
      const ms = performance.now() - started;
      expect(run.code, run.stderr.slice(0, 500)).toBe(2);
      const lines = run.stderr.trim().split('\n');
      expect(lines.at(-1)).toBe('11 problems: the dataset was not loaded');
      for (const line of lines.slice(0, -1)) {
        expect(line).toMatch(LINE);
        expect(line).toContain('countries/boom.yaml:');
      }
      // A whole process start, on a busy machine: the point is seconds, not the minute (or the abort) it took before.
      expect(ms).toBeLessThan(10_000);
    },
  );
});
