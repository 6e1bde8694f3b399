// Smoke tests of the built binary (`node dist/src/cli.js`, as `npx caac` runs it): the entry point runs `run()`,
// and its exit code, stdout and stderr reach the shell. The cases themselves are in cli.test.ts, in process.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from './run-cli.js';

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('npx caac (the built binary)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answers on stdout with exit 0', async () => {
    const r = await spawnCli(['mali', '--now', '2021-06-01']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Mali — children and armed conflict');
    expect(r.stdout).toContain('runs to 30 June 2021 — 29 days left');
  });

  it('exits 1 on a miss, with the suggestion on stdout', async () => {
    const r = await spawnCli(['maly']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('No country or party is called "maly". Did you mean Mali?\n\nTry: caac mali\n');
  });

  it('exits 2 on bad usage, with the reason and the usage on stderr and nothing on stdout', async () => {
    const r = await spawnCli(['--bogus', 'mali']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown option --bogus');
    expect(r.stderr).toContain('usage: caac');
    noTrace(r.stderr);
  });

  it('prints --json answers whole', async () => {
    const r = await spawnCli(['--json', 'narnia']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'no-match' });
  });

  it('names problems relative to the directory it runs in, exit 2', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'caac-cli-'));
    dirs.push(cwd);
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const file = join(cwd, 'data/countries/mali.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nbroken: [unclosed\n`);
    const r = await spawnCli(['data', 'check', '--data', 'data'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^data\/countries\/mali\.yaml:\d+: /m);
    noTrace(r.stderr);
  });
});
