// Starts a server as its own process and times it from spawn to its first correct answer (the user's view of a cold
// start: module loading, configuration, dataset, database, listening, the first request).
import { spawn, type ChildProcess } from 'node:child_process';
import { processCpuMs, processMemory } from './process-memory.js';

/** A server process that has answered correctly once. */
export interface SpawnedServer {
  pid: number;
  /** Milliseconds from spawn() to the first correct answer. */
  startMs: number;
  /** CPU time the process used up to that first answer (user + system), ms; NaN off Linux. */
  cpuMs: number;
  /** Resident memory right after that first answer, MiB. */
  rssAfterStartMiB: number;
  /** Peak resident memory so far (VmHWM), MiB. */
  peakMiB(): number;
  /** The last lines the process wrote, for a failed start's report. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `node <args>` with `env`, then calls `probe` every 5 ms until it returns true (or `timeoutMs` passes). */
export async function spawnServer(opts: {
  args: string[];
  env: Record<string, string | undefined>;
  probe: () => Promise<boolean>;
  timeoutMs?: number;
  cwd?: string;
}): Promise<SpawnedServer> {
  const started = performance.now();
  const child = spawn(process.execPath, opts.args, {
    env: opts.env as NodeJS.ProcessEnv,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = started + (opts.timeoutMs ?? 30_000);
  for (;;) {
    if (exited) throw new Error(`exited before answering:\n${tail}`);
    if (performance.now() > deadline) {
      await stopChild(child);
      throw new Error(`no correct answer within ${opts.timeoutMs ?? 30_000} ms:\n${tail}`);
    }
    let ok = false;
    try {
      ok = await opts.probe();
    } catch {
      ok = false;
    }
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - started;
  const pid = child.pid!;
  const cpuMs = processCpuMs(pid) ?? NaN;
  const memory = processMemory(pid);
  return {
    pid,
    startMs,
    cpuMs,
    rssAfterStartMiB: memory?.rssMiB ?? NaN,
    peakMiB: () => processMemory(pid)?.peakMiB ?? NaN,
    output: () => tail,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
