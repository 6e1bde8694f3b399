// `npm start` as a process (the build in dist/, as npm ci leaves it): bad configuration → one line per problem and
// exit 2; no platform credentials → it starts, says what is off, serves /healthz, and SIGTERM stops it with exit 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const main = join(root, 'dist/src/main.js');

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start (dist/src/main.js)', () => {
  it('is built (npm ci runs the build in prepare; locally: npm run build)', () => {
    expect(existsSync(main)).toBe(true);
  });

  it('lists every configuration problem, one line each, and exits 2', async () => {
    const proc = run({ PORT: 'abc', LOG_LEVEL: 'loud' });
    expect(await proc.exited).toBe(2);
    const lines = proc.err().trim().split('\n');
    expect(lines).toContain("PORT: must be a whole number from 1 to 65535, got 'abc'");
    expect(lines).toContain("LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'");
    expect(proc.err()).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('refuses TEAMS_ALLOW_UNAUTHENTICATED=true with NODE_ENV=production, in one line, and exits 2', async () => {
    const proc = run({ NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(await proc.exited).toBe(2);
    expect(proc.err().trim().split('\n')[0]).toBe(
      'TEAMS_ALLOW_UNAUTHENTICATED: not allowed when NODE_ENV=production (it turns off Bot Framework authentication; use it only with the Emulator)',
    );
  });

  it('refuses the OAuth install without CAAC_SECRETS_KEY (or with a malformed one), in one line, and exits 2', async () => {
    const oauth = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'c',
      SLACK_CLIENT_SECRET: 'cs',
      SLACK_STATE_SECRET: 'st',
    };
    const missing = run(oauth);
    expect(await missing.exited).toBe(2);
    expect(missing.err().trim().split('\n')[0]).toMatch(/^CAAC_SECRETS_KEY: required for the OAuth install/);
    const malformed = run({ ...oauth, CAAC_SECRETS_KEY: 'not-a-key-secret-value' });
    expect(await malformed.exited).toBe(2);
    expect(malformed.err().trim().split('\n')[0]).toMatch(/^CAAC_SECRETS_KEY: must be 32 random bytes in base64/);
    expect(malformed.err()).not.toContain('not-a-key-secret-value');
  });

  it('scrubs configured secret values from its logs and start-up errors, even inside free text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caac-main-'));
    // A secret with no token shape is only recognisable by its value: here it ends up in a path the start-up quotes.
    const secret = 'plain-signing-secret-4f9a2c';
    try {
      const proc = run({
        SLACK_SIGNING_SECRET: secret,
        SLACK_BOT_TOKEN: 'xoxb-main-scrub',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
        CAAC_DB_PATH: join(dir, 'caac.sqlite'),
        CAAC_DATA_DIR: join(dir, secret),
      });
      expect(await proc.exited).toBe(2);
      expect(proc.out()).toContain('"level":"fatal"'); // the fatal line was logged…
      expect(proc.out()).toContain('[Redacted]'); // …with the secret's place marked
      expect(proc.out() + proc.err()).not.toContain(secret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts without platform credentials, serves /healthz, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caac-main-'));
    const port = await freePort();
    const proc = run({ PORT: String(port), HOST: '127.0.0.1', CAAC_DB_PATH: join(dir, 'caac.sqlite') });
    try {
      const until = Date.now() + 30_000; // the machine may be busy: loading the SDKs takes seconds
      while (!proc.out().includes('"listening"') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(proc.out()).toMatch(/Slack is off: .*SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN/);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      proc.child.kill('SIGTERM');
      expect(await proc.exited).toBe(0);
      expect(proc.out()).toMatch(/"msg":"stopped"/);
    } finally {
      proc.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 45_000);
});
