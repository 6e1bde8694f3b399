// Each platform's SDK is loaded only when that platform is configured (issue 13: a cold start pays for what it
// serves). The built service runs as `npm start` does, with a preload that lists, as the process exits, which of
// Bolt's and botbuilder's modules it had loaded (both are CommonJS, so Node's require cache holds them).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const main = join(root, 'dist/src/main.js');
const dir = mkdtempSync(join(tmpdir(), 'caac-lazy-'));
const preload = join(dir, 'list-sdks.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => {
  const loaded = Object.keys(require.cache);
  const sdks = { bolt: loaded.some((m) => m.includes('/node_modules/@slack/bolt/')),
    botbuilder: loaded.some((m) => m.includes('/node_modules/botbuilder/')) };
  require('node:fs').writeSync(2, '\\nSDKS ' + JSON.stringify(sdks) + '\\n');
});\n`,
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the service with `env`, waits until /readyz says ready, stops it, and returns the SDKs it had loaded. */
async function sdksLoaded(name: string, env: Record<string, string>): Promise<{ bolt: boolean; botbuilder: boolean }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--require', preload, main], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CAAC_DB_PATH: join(dir, `${name}.sqlite`),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const until = Date.now() + 40_000; // a busy machine loads the SDKs slowly
    let ready = false;
    while (!ready && Date.now() < until) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 50));
    }
    expect(ready, `the service became ready (stderr: ${stderr.slice(-500)})`).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const line = /SDKS (\{.*\})/.exec(stderr)?.[1];
    expect(line, stderr.slice(-500)).toBeDefined();
    return JSON.parse(line!) as { bolt: boolean; botbuilder: boolean };
  } finally {
    child.kill('SIGKILL');
  }
}

const SLACK = {
  SLACK_SIGNING_SECRET: 'lazy-signing-secret',
  SLACK_BOT_TOKEN: 'xoxb-lazy',
  // auth.test runs in the background and retries; nothing listens here, and nothing waits for it.
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
};
const TEAMS = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };

describe('platform SDKs are loaded only for the platforms configured', () => {
  it('Slack only: Bolt, not botbuilder', async () => {
    expect(await sdksLoaded('slack', SLACK)).toEqual({ bolt: true, botbuilder: false });
  }, 60_000);

  it('Teams only: botbuilder, not Bolt', async () => {
    expect(await sdksLoaded('teams', TEAMS)).toEqual({ bolt: false, botbuilder: true });
  }, 60_000);

  it('both: both; neither: neither', async () => {
    expect(await sdksLoaded('both', { ...SLACK, ...TEAMS })).toEqual({ bolt: true, botbuilder: true });
    expect(await sdksLoaded('none', {})).toEqual({ bolt: false, botbuilder: false });
  }, 90_000);
});
