// The whole service (createApp) on port 0 with a SQLite file in its own temp folder, for tests that talk to it over
// HTTP. Each test keeps its own environment and stand-ins; this only removes the set-up every such test repeated.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.js';
import type { AppDeps, CaacApp } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import { createLogger } from '../../src/logging.js';

/** A running service and where to reach it. */
export interface TestService {
  app: CaacApp;
  base: string;
  /** The temp folder holding the SQLite file. */
  dir: string;
  /** Stops the service and removes the folder. */
  stop(): Promise<void>;
}

/** Starts the service with `env` (plus a fresh CAAC_DB_PATH), a silent logger unless `deps` gives one. */
export async function startTestService(
  env: Record<string, string>,
  deps: AppDeps = {},
  prefix = 'caac-test-',
): Promise<TestService> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const read = readConfig({ CAAC_DB_PATH: join(dir, 'caac.sqlite'), ...env });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  const app = createApp(
    { ...read.config, port: 0, host: '127.0.0.1' },
    { logger: createLogger({ level: 'silent' }), ...deps },
  );
  const { port } = await app.start();
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    dir,
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
