import { defineConfig } from 'vitest/config';

// Two projects: `unit` (the fast part, `npm run test:unit`, meant to stay under 20 s) and `slow` (everything that
// starts the built service or CLI as a child process, or runs for seconds on purpose). `npm test` runs both.
// A test that spawns `node dist/…` or waits on real timers belongs in SLOW; the unit project does not build dist/.
const SLOW = [
  'test/e2e/**/*.test.ts', // the built service as child processes, restarts, two replicas, real timers
  'test/service/**/*.test.ts', // the whole service: main.js spawned, fuzzing over HTTP
  'test/scripts/**/*.test.ts', // scripts/check-dockerfile.sh runs a Dockerfile's steps
  'test/cli/cli-process.test.ts', // the built binary, spawned
  'test/cli/fuzz-cli.test.ts', // thirty spawns of the built binary
  'test/cli/data-check-process.test.ts', // the built binary, spawned on alias bombs
  'test/dataset/yaml-bounds.fuzz.test.ts', // hundreds of hostile data files, and a sample through the built binary
  'test/dataset/read-yaml-fast.fuzz.test.ts', // 1,500 mutated documents read by both YAML readers
  'test/dataset/dataset-holder-reload.test.ts', // the service reloading 5,000 generated parties under signed requests
  'test/platforms/slack/slack-oauth-secrets.test.ts', // service restarts, reminders waited for on the real clock
  'test/platforms/slack/slack-digest.test.ts', // the service's scheduler polling on real timers for the digest
  'test/platforms/teams/playground/**/*.test.ts', // the Agents Playground and headless Chromium, as child processes
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'var/test-report.xml' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: SLOW,
          // Both cores: vitest's default is one worker fewer than the CPUs (one worker on a 2-core machine). Projects
          // with different worker counts run one after the other (groupOrder): the unit files first, then the slow.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          // Files share their worker's module cache (botbuilder, Bolt and the dataset load once per worker, not once
          // per file: a third of the CPU time). So a test file leaves what it changes (cwd, env, globals) as it was.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: SLOW,
          sequence: { groupOrder: 1 },
          // Builds dist/ once per run (skipped when up to date) for the tests that spawn the CLI and the service.
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
