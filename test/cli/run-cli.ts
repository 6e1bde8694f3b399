// Runs the built CLI (`node dist/src/cli.js`, built by test/global-setup.ts) as a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

/** Spawns the CLI with these arguments. */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliRun> {
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
