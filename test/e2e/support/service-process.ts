// The real service as a child process (`node dist/src/main.js`, built by test/global-setup.ts), configured by its
// environment only, as operators run it. Its pino lines are kept so tests can read what it logged, and every process
// started here is killed by `stopAllServices`, so a failing test leaves nothing running.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitUntil } from './wait-until.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const main = `${root}dist/src/main.js`;

/** How long start-up may take: loading the SDKs takes seconds on a busy machine. */
const START_TIMEOUT_MS = 40_000;

/** A running service process. */
export interface ServiceProcess {
  /** http://127.0.0.1:<port> */
  base: string;
  pid: number;
  /** When it logged "ready", its start complete (Date.now() in the test process); it listens a little earlier. */
  listeningAt: number;
  /** Every JSON log line so far. */
  logs(): Array<Record<string, unknown>>;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hook runs, as in a crash. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the service with exactly this environment (plus PATH, PORT and HOST) and waits until it is ready. */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      exitCode = code ?? (signal ? -1 : null);
      resolve(code);
    }),
  );
  const tail = () => `service output (last 3000 chars):\n${out.slice(-3000)}`;
  await waitUntil(() => out.includes('"msg":"ready"') || exitCode !== undefined, {
    what: `the service on port ${port} to be ready`,
    timeoutMs: START_TIMEOUT_MS,
    detail: tail,
  });
  if (exitCode !== undefined) throw new Error(`the service exited (${exitCode}) before it was ready\n${tail()}`);
  const listeningAt = Date.now();
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    listeningAt,
    logs: () =>
      out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .flatMap((l) => {
          try {
            return [JSON.parse(l) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    output: () => out,
    async kill9() {
      if (exitCode === undefined) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Kills every service process still running (afterAll), by its own pid only. */
export async function stopAllServices(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}
