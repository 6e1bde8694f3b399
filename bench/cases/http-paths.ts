// The Slack path, the Teams path and the start: the whole service (dist/src/main.js) against the minimal apps, each
// as its own process on 127.0.0.1, measured one at a time so that they never compete for the two cores.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { quantile } from '../support/import-part.js';
import { runLoad, runSequential, type LoadFigures, type LoadRequest } from '../support/load.js';
import { fmt, skipped, times, verdict, type Row } from '../support/row.js';
import {
  BENCH_BOT_TOKEN,
  BENCH_SIGNING_SECRET,
  signedHeaders,
  slackPool,
  slashCommandBody,
} from '../support/slack-request.js';
import { spawnServer, type SpawnedServer } from '../support/spawn-server.js';
import { messageActivity, teamsPool } from '../support/teams-activity.js';
import { freePort } from '../support/free-port.js';

/** What the HTTP cases need from the run. */
export interface HttpBenchOptions {
  durationSec: number;
  warmupSec: number;
  startRounds: number;
  /** False: only the start rounds (`--only start`), no load runs. */
  loadRuns: boolean;
  /** SLACK_API_URL for the service (the stand-in answers auth.test at start-up). */
  slackApiUrl: string;
  /** A folder for the service's SQLite file. */
  workDir: string;
  /** LOG_LEVEL for the service. */
  logLevel: string;
  log: (line: string) => void;
}

/** The service with both platforms (start and load runs), with Slack only and Teams only (start only), and baselines. */
type Kind = 'service' | 'service-slack' | 'service-teams' | 'bolt' | 'floor' | 'cloud-adapter';

// The configurations measured for the start alone: each against the minimal app of its platform.
const START_ONLY: readonly Kind[] = ['service-slack', 'service-teams'];

interface Target {
  kind: Kind;
  label: string;
  script: string;
  env: (port: number) => Record<string, string | undefined>;
  /** The first request that proves the process is ready, and how to recognise its right answer. */
  probe: 'slack' | 'teams';
  slackPath: string;
  slackOk: (body: string) => boolean;
  teamsOk: (body: string) => boolean;
}

/**
 * Distinct users × channels per load run. Each pair is used a few times over a platform's runs: inside the service's
 * per-user (burst 10) and per-channel (burst 30) rate limits, as real traffic from many people would be. An answer
 * that is rate-limited does not match `verify` and counts as a failure, so this cannot hide.
 */
const POOL = 2000;

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The service's answer to `/caac mali` (a Block Kit brief) and to a `mali` activity (an Adaptive Card). */
const serviceSlackOk = (body: string) => body.includes('"blocks"') && body.includes('Mali');
const serviceTeamsOk = (body: string) =>
  body.includes('application/vnd.microsoft.card.adaptive') && body.includes('Mali');

function targets(opts: HttpBenchOptions): Record<Kind, Target> {
  // No NODE_ENV: the service refuses TEAMS_ALLOW_UNAUTHENTICATED under NODE_ENV=production, and the bench needs it
  // (as the Emulator does) to send activities without Bot Framework tokens; every process runs alike.
  const base = (port: number) => ({ PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port) });
  const serviceEnv = (port: number) => ({
    ...base(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: opts.logLevel,
    CAAC_DB_PATH: `${opts.workDir}/service-${port}.sqlite`,
  });
  const slackEnv = {
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_API_URL: opts.slackApiUrl,
  };
  const serviceTarget = (kind: Kind, label: string, probe: 'slack' | 'teams', env: Target['env']): Target => ({
    kind,
    label,
    script: `${root}src/main.js`,
    env,
    probe,
    slackPath: '/slack/events',
    slackOk: serviceSlackOk,
    teamsOk: serviceTeamsOk,
  });
  return {
    service: serviceTarget('service', 'caac-bot service (both platforms)', 'slack', (port) => ({
      ...serviceEnv(port),
      ...slackEnv,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    })),
    'service-slack': serviceTarget('service-slack', 'caac-bot service (Slack only)', 'slack', (port) => ({
      ...serviceEnv(port),
      ...slackEnv,
    })),
    'service-teams': serviceTarget('service-teams', 'caac-bot service (Teams only)', 'teams', (port) => ({
      ...serviceEnv(port),
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    })),
    bolt: {
      kind: 'bolt',
      label: 'minimal Bolt app',
      script: `${root}bench/baselines/minimal-bolt.js`,
      env: base,
      probe: 'slack',
      slackPath: '/slack/events',
      slackOk: (body) => body === 'ok',
      teamsOk: () => false,
    },
    floor: {
      kind: 'floor',
      label: 'bare node:http floor',
      script: `${root}bench/baselines/bare-floor.js`,
      env: base,
      probe: 'slack',
      slackPath: '/slack/events',
      slackOk: (body) => body === 'ok',
      teamsOk: () => false,
    },
    'cloud-adapter': {
      kind: 'cloud-adapter',
      label: 'minimal CloudAdapter echo',
      script: `${root}bench/baselines/minimal-cloud-adapter.js`,
      env: base,
      probe: 'teams',
      slackPath: '/slack/events',
      slackOk: () => false,
      teamsOk: (body) => body.includes('echo: mali'),
    },
  };
}

async function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body, keepalive: false });
  return { status: res.status, text: await res.text() };
}

/** One correct Slack answer from `port`? */
async function slackAnswers(t: Target, port: number): Promise<boolean> {
  const body = slashCommandBody('mali');
  const res = await post(`http://127.0.0.1:${port}${t.slackPath}`, signedHeaders(body), body);
  return res.status === 200 && t.slackOk(res.text);
}

/** One correct Teams answer from `port`? */
async function teamsAnswers(t: Target, port: number): Promise<boolean> {
  const res = await post(
    `http://127.0.0.1:${port}/api/messages`,
    { 'content-type': 'application/json' },
    JSON.stringify(messageActivity('mali')),
  );
  return res.status === 200 && t.teamsOk(res.text);
}

async function spawnTarget(t: Target): Promise<{ server: SpawnedServer; port: number }> {
  const port = await freePort();
  const server = await spawnServer({
    args: [t.script],
    env: t.env(port),
    cwd: root,
    probe: () => (t.probe === 'slack' ? slackAnswers(t, port) : teamsAnswers(t, port)),
  });
  return { server, port };
}

/** Everything measured about one target. */
interface Measured {
  startMs: number[];
  cpuMs: number[];
  rssAfterStartMiB: number[];
  peakMiB?: number;
  slack50?: LoadFigures;
  slack1?: LoadFigures;
  teams50?: LoadFigures;
  teams1?: LoadFigures;
}

/** Runs the Slack path, Teams path and start cases; returns the table rows. */
export async function httpPaths(opts: HttpBenchOptions): Promise<Row[]> {
  const all = targets(opts);
  const rows: Row[] = [];
  const serviceReason = existsSync(all.service.script)
    ? undefined
    : 'the service (src/main.ts, built to dist/src/main.js) not available';
  const kinds: Kind[] = serviceReason
    ? ['bolt', 'floor', 'cloud-adapter']
    : ['service', 'service-slack', 'service-teams', 'bolt', 'floor', 'cloud-adapter'];
  const measured = new Map<Kind, Measured>(kinds.map((k) => [k, { startMs: [], cpuMs: [], rssAfterStartMiB: [] }]));
  const failed = new Map<Kind, string>();
  if (serviceReason) for (const kind of ['service', ...START_ONLY] as const) failed.set(kind, serviceReason);

  // Start: spawn to first correct answer, interleaved so that a busy moment on the machine hits every app alike.
  for (let round = 0; round < opts.startRounds; round++) {
    for (const kind of kinds) {
      if (failed.has(kind)) continue;
      try {
        const { server } = await spawnTarget(all[kind]);
        measured.get(kind)!.startMs.push(server.startMs);
        measured.get(kind)!.cpuMs.push(server.cpuMs);
        measured.get(kind)!.rssAfterStartMiB.push(server.rssAfterStartMiB);
        await server.stop();
      } catch (error) {
        failed.set(
          kind,
          `${all[kind].label} did not answer: ${(error as Error).message.slice(0, 300).replace(/\s+/g, ' ')}`,
        );
      }
    }
  }

  // Load: one process at a time, a fresh pool of signed requests per run (signatures are valid for 5 minutes).
  for (const kind of opts.loadRuns ? kinds : []) {
    if (failed.has(kind) || START_ONLY.includes(kind)) continue;
    const t = all[kind];
    const m = measured.get(kind)!;
    let spawned: { server: SpawnedServer; port: number };
    try {
      spawned = await spawnTarget(t);
    } catch (error) {
      failed.set(kind, `${t.label} did not start: ${(error as Error).message.slice(0, 200)}`);
      continue;
    }
    const { server, port } = spawned;
    try {
      if (kind !== 'cloud-adapter') {
        const slack = (): LoadRequest => ({
          url: `http://127.0.0.1:${port}${t.slackPath}`,
          pool: slackPool('mali', POOL),
          verify: t.slackOk,
        });
        opts.log(`slack path: ${t.label} at 50 connections`);
        m.slack50 = await runLoad(slack(), 50, opts.durationSec, opts.warmupSec);
        opts.log(`slack path: ${t.label} at 1 connection`);
        m.slack1 = await runSequential(slack(), opts.durationSec, opts.warmupSec);
      }
      if (kind === 'service' || kind === 'cloud-adapter') {
        const teams = (): LoadRequest => ({
          url: `http://127.0.0.1:${port}/api/messages`,
          pool: teamsPool('mali', POOL),
          verify: t.teamsOk,
        });
        opts.log(`teams path: ${t.label} at 50 connections`);
        m.teams50 = await runLoad(teams(), 50, opts.durationSec, opts.warmupSec);
        opts.log(`teams path: ${t.label} at 1 connection`);
        m.teams1 = await runSequential(teams(), opts.durationSec, opts.warmupSec);
      }
      m.peakMiB = server.peakMiB();
    } finally {
      await server.stop();
    }
  }

  const svc = failed.has('service') ? undefined : measured.get('service');
  const bolt = failed.has('bolt') ? undefined : measured.get('bolt');
  const floor = failed.has('floor') ? undefined : measured.get('floor');
  const ca = failed.has('cloud-adapter') ? undefined : measured.get('cloud-adapter');
  for (const [kind, why] of failed) rows.push(skipped(all[kind].label, why));

  const loadNote = (f?: LoadFigures) =>
    f && f.failures > 0 ? `${fmt(f.failures)} of ${fmt(f.requests)} requests failed or answered wrong` : undefined;
  const base = (parts: Array<[string, number | undefined, number]>) =>
    parts
      .filter(([, v]) => v !== undefined && Number.isFinite(v))
      .map(([name, v, d]) => `${name} ${fmt(v, d)}`)
      .join('; ');

  // Slack path.
  if (svc?.slack50 && bolt?.slack50) {
    const ratio = svc.slack50.rps / bolt.slack50.rps;
    rows.push({
      area: 'Slack path',
      figure: 'throughput @50 (req/s)',
      value: fmt(svc.slack50.rps),
      baseline: base([
        ['Bolt', bolt.slack50.rps, 0],
        ['floor', floor?.slack50?.rps, 0],
      ]),
      ratio: `${times(ratio)} Bolt${floor?.slack50 ? `, ${times(svc.slack50.rps / floor.slack50.rps)} floor` : ''}`,
      target: '≥ 0.9× Bolt',
      verdict: verdict(ratio >= 0.9),
      note: loadNote(svc.slack50) ?? loadNote(bolt.slack50),
    });
    const p99ratio = svc.slack50.p99 / bolt.slack50.p99;
    rows.push({
      area: 'Slack path',
      figure: 'latency p50 / p99 @50 (ms)',
      value: `${fmt(svc.slack50.p50, 1)} / ${fmt(svc.slack50.p99, 1)}`,
      baseline:
        `Bolt ${fmt(bolt.slack50.p50, 1)} / ${fmt(bolt.slack50.p99, 1)}` +
        (floor?.slack50 ? `; floor ${fmt(floor.slack50.p50, 1)} / ${fmt(floor.slack50.p99, 1)}` : ''),
      ratio: `p99 ${times(p99ratio)} Bolt`,
      target: 'p99 ≤ 1.25× Bolt',
      verdict: verdict(p99ratio <= 1.25),
    });
  }
  if (svc?.slack1 && bolt?.slack1) {
    const p99ratio = svc.slack1.p99 / bolt.slack1.p99;
    rows.push({
      area: 'Slack path',
      figure: 'latency p50 / p99 @1 (ms)',
      value: `${fmt(svc.slack1.p50, 2)} / ${fmt(svc.slack1.p99, 2)}`,
      baseline:
        `Bolt ${fmt(bolt.slack1.p50, 2)} / ${fmt(bolt.slack1.p99, 2)}` +
        (floor?.slack1 ? `; floor ${fmt(floor.slack1.p50, 2)} / ${fmt(floor.slack1.p99, 2)}` : ''),
      ratio: `p99 ${times(p99ratio)} Bolt`,
      target: 'p99 ≤ 1.25× Bolt',
      verdict: verdict(p99ratio <= 1.25),
      note: `@1: ${fmt(svc.slack1.rps)} req/s vs Bolt ${fmt(bolt.slack1.rps)}`,
    });
  }
  if (!svc && (bolt?.slack50 || floor?.slack50)) {
    rows.push({
      area: 'Slack path (baselines only)',
      figure: 'throughput @50 (req/s); p50 / p99 @50 and @1 (ms)',
      value: '—',
      baseline: [bolt, floor]
        .map((m, i) =>
          m?.slack50 && m.slack1
            ? `${i === 0 ? 'Bolt' : 'floor'} ${fmt(m.slack50.rps)} req/s, ${fmt(m.slack50.p50, 1)} / ${fmt(m.slack50.p99, 1)} @50, ${fmt(m.slack1.p50, 1)} / ${fmt(m.slack1.p99, 1)} @1`
            : '',
        )
        .filter(Boolean)
        .join('; '),
      verdict: 'info',
    });
  }

  // Teams path.
  if (svc?.teams50 && ca?.teams50) {
    const ratio = svc.teams50.rps / ca.teams50.rps;
    rows.push({
      area: 'Teams path',
      figure: 'throughput @50 (req/s)',
      value: fmt(svc.teams50.rps),
      baseline: `CloudAdapter echo ${fmt(ca.teams50.rps)}`,
      ratio: `${times(ratio)} echo`,
      target: '≥ 0.9× echo',
      verdict: verdict(ratio >= 0.9),
      note: loadNote(svc.teams50) ?? loadNote(ca.teams50),
    });
    rows.push({
      area: 'Teams path',
      figure: 'latency p50 / p99 @50 (ms)',
      value: `${fmt(svc.teams50.p50, 1)} / ${fmt(svc.teams50.p99, 1)}`,
      baseline: `echo ${fmt(ca.teams50.p50, 1)} / ${fmt(ca.teams50.p99, 1)}`,
      ratio: `p99 ${times(svc.teams50.p99 / ca.teams50.p99)}`,
      verdict: 'info',
    });
  }
  if (svc?.teams1 && ca?.teams1) {
    rows.push({
      area: 'Teams path',
      figure: 'latency p50 / p99 @1 (ms)',
      value: `${fmt(svc.teams1.p50, 2)} / ${fmt(svc.teams1.p99, 2)}`,
      baseline: `echo ${fmt(ca.teams1.p50, 2)} / ${fmt(ca.teams1.p99, 2)}`,
      ratio: `p99 ${times(svc.teams1.p99 / ca.teams1.p99)}`,
      verdict: 'info',
    });
  }
  if (!svc && ca?.teams50 && ca.teams1) {
    rows.push({
      area: 'Teams path (baseline only)',
      figure: 'throughput @50 (req/s); p50 / p99 @50 and @1 (ms)',
      value: '—',
      baseline: `echo ${fmt(ca.teams50.rps)} req/s, ${fmt(ca.teams50.p50, 1)} / ${fmt(ca.teams50.p99, 1)} @50, ${fmt(ca.teams1.p50, 1)} / ${fmt(ca.teams1.p99, 1)} @1`,
      verdict: 'info',
    });
  }

  // Start and memory.
  const med = (xs: number[]) => quantile(xs, 0.5);
  const startBase = base([
    ['Bolt', bolt ? med(bolt.startMs) : undefined, 0],
    ['CloudAdapter', ca ? med(ca.startMs) : undefined, 0],
    ['floor', floor ? med(floor.startMs) : undefined, 0],
  ]);
  const svcSlack = failed.has('service-slack') ? undefined : measured.get('service-slack');
  const svcTeams = failed.has('service-teams') ? undefined : measured.get('service-teams');
  const startRows: Array<[string, Measured | undefined, Measured | undefined, string]> = [
    ['Slack only', svcSlack, bolt, 'Bolt'],
    ['Teams only', svcTeams, ca, 'CloudAdapter'],
    ['both platforms', svc, ca, 'CloudAdapter'],
  ];
  for (const [which, m, against, name] of startRows) {
    if (!m || !against || m.startMs.length === 0) continue;
    const ratio = med(m.startMs) / med(against.startMs);
    rows.push({
      area: `Start, ${which}`,
      figure: `spawn → first correct answer, median of ${m.startMs.length} (ms)`,
      value: fmt(med(m.startMs)),
      baseline: startBase,
      ratio: `${times(ratio)} ${name}`,
      target: `≤ 1.5× ${name}`,
      verdict: verdict(ratio <= 1.5),
      note: `all runs: ${m.startMs.map((x) => fmt(x)).join(', ')}; ${which === 'Teams only' ? 'a `mali` activity' : 'a signed `/caac mali`'}`,
    });
    const cpuRatio = med(m.cpuMs) / med(against.cpuMs);
    rows.push({
      area: `Start, ${which}`,
      figure: 'CPU time to the first correct answer, median (ms)',
      value: fmt(med(m.cpuMs)),
      baseline: base([
        ['Bolt', bolt ? med(bolt.cpuMs) : undefined, 0],
        ['CloudAdapter', ca ? med(ca.cpuMs) : undefined, 0],
        ['floor', floor ? med(floor.cpuMs) : undefined, 0],
      ]),
      ratio: Number.isFinite(cpuRatio) ? `${times(cpuRatio)} ${name}` : undefined,
      verdict: 'info',
      note: 'user + system, from /proc (10 ms ticks): the same work whatever else the machine runs',
    });
  }
  if (!svc && !svcSlack && !svcTeams && (bolt || ca))
    rows.push({
      area: 'Start (baselines only)',
      figure: 'spawn → first correct answer, median (ms)',
      value: '—',
      baseline: startBase,
      verdict: 'info',
    });
  const rssBase = base([
    ['Bolt', bolt ? med(bolt.rssAfterStartMiB) : undefined, 1],
    ['CloudAdapter', ca ? med(ca.rssAfterStartMiB) : undefined, 1],
    ['floor', floor ? med(floor.rssAfterStartMiB) : undefined, 1],
  ]);
  if (svc)
    rows.push({
      area: 'Start',
      figure: 'RSS after start (MiB)',
      value: fmt(med(svc.rssAfterStartMiB), 1),
      baseline: rssBase,
      verdict: 'info',
      note: [
        'both platforms',
        svcSlack ? `Slack only ${fmt(med(svcSlack.rssAfterStartMiB), 1)}` : undefined,
        svcTeams ? `Teams only ${fmt(med(svcTeams.rssAfterStartMiB), 1)}` : undefined,
      ]
        .filter(Boolean)
        .join('; '),
    });
  else if (bolt || ca)
    rows.push({
      area: 'Start (baselines only)',
      figure: 'RSS after start (MiB)',
      value: '—',
      baseline: rssBase,
      verdict: 'info',
    });
  const peakBase = base([
    ['Bolt', bolt?.peakMiB, 1],
    ['CloudAdapter', ca?.peakMiB, 1],
    ['floor', floor?.peakMiB, 1],
  ]);
  if (svc?.peakMiB !== undefined && bolt?.peakMiB !== undefined && ca?.peakMiB !== undefined) {
    const ratio = svc.peakMiB / (bolt.peakMiB + ca.peakMiB);
    rows.push({
      area: 'Start',
      figure: 'peak RSS after all load (MiB)',
      value: fmt(svc.peakMiB, 1),
      baseline: peakBase,
      ratio: `${times(ratio)} (Bolt + CloudAdapter)`,
      target: '≤ 1.2× the two together',
      verdict: verdict(ratio <= 1.2),
      note: 'service peak covers both its Slack and Teams runs',
    });
  } else if (bolt?.peakMiB !== undefined || ca?.peakMiB !== undefined)
    rows.push({
      area: 'Start (baselines only)',
      figure: 'peak RSS after load (MiB)',
      value: '—',
      baseline: peakBase,
      verdict: 'info',
    });
  return rows;
}
