import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources; the CLI and service tests that spawn processes use the build in dist/.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Builds dist/ once per run (skipped when up to date) for the tests that spawn the CLI and the service.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', ['junit', { outputFile: 'var/test-report.xml' }]] : ['default'],
  },
});
