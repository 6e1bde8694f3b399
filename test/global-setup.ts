// Vitest global setup: builds dist/ once per test run, for the tests that spawn `node dist/src/cli.js` (and the
// service). Skipped when dist/ is newer than every source file, so that a run of one folder stays quick.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = join(root, 'dist/src/cli.js');

/** The newest modification time among the files under these folders (0 when none). */
function newestMtime(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (name.endsWith('.ts') || name.endsWith('.json')) newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const d of dirs) walk(join(root, d));
  return Math.max(newest, statSync(join(root, 'tsconfig.build.json')).mtimeMs);
}

/** Builds dist/ with the project's build config unless it is up to date. */
export default function setup(): void {
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestMtime(['src', 'bench', 'scripts']);
  if (fresh && !process.env.CAAC_FORCE_BUILD) return;
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  } catch (err) {
    // tsc still emits JavaScript when it reports type errors; `npm test` runs the typecheck that fails on them.
    if (!existsSync(built)) throw err;
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? '';
    process.stderr.write(
      `global-setup: tsc reported errors (dist/ was still built):\n${out.split('\n').slice(0, 20).join('\n')}\n`,
    );
  }
}
