// Fuzz (fast-check) over the command line's arguments: a few dozen runs of the real binary (dist/src/cli.js, built
// by `npm ci`/`npm run build`), flags anywhere, odd values. Exit code 0, 1 or 2 only; never a stack trace.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const STACK = /\n\s+at .+:\d+:\d+|\.(?:js|ts):\d+:\d+|node_modules\/|Unhandled|TypeError|ReferenceError/;

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: root, timeout: 20_000, env: { PATH: process.env.PATH } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const token = fc.oneof(
  fc.constantFrom(
    '--now',
    '--json',
    '--data',
    'data',
    'check',
    'stale',
    'mali',
    'mnla',
    'help',
    'remind',
    'reminders',
    'forget',
    'r1',
    'renewals',
    'codes',
    '--now=2026-01-01',
    '--bogus',
    '-',
    '--',
    '-x',
    '2026-13-45',
    '2026-06-30',
    '2026-06-30T09:00:00+02:00',
    'not-a-date',
    '/nonexistent-caac-data',
    'test/fixtures/broken/bad-date',
    'test/fixtures/broken/malformed-yaml',
    'test/fixtures/minimal',
    '"',
    "'",
    '\u202e',
    'ñ',
    '🇲🇱',
    '',
  ),
  fc.string({ maxLength: 20 }).filter((s) => !s.includes('\u0000')),
);

describe('fuzz: npx caac <args>', () => {
  it('the binary is built (npm ci runs the build)', () => {
    expect(existsSync(cli)).toBe(true);
  });

  it('random arguments: exit 0, 1 or 2, never a stack trace', async () => {
    const samples = fc.sample(fc.array(token, { maxLength: 6 }), { numRuns: 30 });
    // Four at a time: each run is a Node start-up.
    for (let i = 0; i < samples.length; i += 4) {
      const batch = samples.slice(i, i + 4);
      const results = await Promise.all(batch.map((args) => runCli(args)));
      results.forEach((r, k) => {
        const what = JSON.stringify(batch[k]);
        expect([0, 1, 2], `${what}: exit ${r.code}\n${r.stderr.slice(0, 500)}`).toContain(r.code);
        expect(r.stderr, what).not.toMatch(STACK);
        expect(r.stdout, what).not.toMatch(STACK);
        if (r.code === 2) expect((r.stderr + r.stdout).trim().length, `${what}: exit 2 says why`).toBeGreaterThan(0);
      });
    }
  }, 180_000);
});
