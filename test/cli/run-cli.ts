// Runs the CLI two ways: in this process through its exported `run()` (fast: no Node start-up per case), and as a
// child process of the built `node dist/src/cli.js` (built by test/global-setup.ts) for the few smoke tests that
// check what only the binary does (the entry point, the exit code, the streams).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI entry. */
export const CLI = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

/** What a CLI run printed and exited with. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI's `run()` in this process, from `cwd` (the repository root by default) as the binary would be:
 * relative `--data` folders and the file names in problems are relative to it. Tests run in forked workers
 * (vitest.config.ts), where changing the directory is allowed and touches no other test file.
 */
export async function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const before = process.cwd();
  process.chdir(options.cwd ?? ROOT);
  try {
    return await run(args);
  } finally {
    process.chdir(before);
  }
}

/** Spawns the built CLI with these arguments. */
export function spawnCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
