// `caac drc --now 2026-11-28` through the CLI: the gaps in the data read as gaps, with the sources.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('caac drc --now 2026-11-28', () => {
  it('says what the dataset holds and what it does not, and exits 0', async () => {
    const run = await runCli(['drc', '--now', '2026-11-28']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[1]).toMatch(
      /^Annex listings, figures, recommendations: not yet in this dataset · data as of 19 December 2025/,
    );
    expect(run.stdout).toContain(
      'MONUSCO               mandate under SCR 2808 (2025) runs to 20 December 2026 — 22 days left [1]',
    );
    expect(run.stdout).toContain('Not yet in this dataset\n  Annex listings ');
    expect(run.stdout).not.toMatch(/Not in the Secretary-General's annexes/);
    expect(run.stdout).toMatch(/\n {2}\[1\] .*SC\/16260/);
    expect(lines.at(-1)).toBe('More: caac sources drc · caac renewals drc · caac remind drc');
  });
});
