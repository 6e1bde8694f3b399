// `npm run bench`: every benchmark of issue 8 against its baselines in the same run, all load on 127.0.0.1, bounded in
// count and time (well under 10 minutes on 2 cores), then one table with the figures, the ratios and the targets.
//   node --expose-gc dist/bench/run.js [--only slack,dataset,reminders] [--duration 5] [--quick] [--out file.md]
// `slack` covers the Slack path, the Teams path and the start (they share the processes); `start` the start alone
// (`--start-rounds n`, default 3); see bench/README.md.
import { cpus, totalmem } from 'node:os';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { datasetAtScale } from './cases/dataset-at-scale.js';
import { httpPaths } from './cases/http-paths.js';
import { remindersAtScale } from './cases/reminders-at-scale.js';
import { rowsToMarkdown, type Row } from './support/row.js';
import { startSlackApiStandIn } from './support/slack-api-stand-in.js';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes('--quick');
const only = new Set((flag('only') ?? 'slack,dataset,reminders').split(','));
const durationSec = Number(flag('duration') ?? (quick ? 2 : 5));
const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

const machine = [
  `node ${process.version}`,
  `${cpus().length} CPUs (nproc), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
  `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
  `${process.platform} ${process.arch}`,
  `load average at start ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
];
if (!(globalThis as { gc?: unknown }).gc) log('note: run with --expose-gc (npm run bench does) for the heap figures');

const workDir = await mkdtemp(path.join(tmpdir(), 'caac-bench-'));
const rows: Row[] = [];
try {
  if (only.has('slack') || only.has('start')) {
    const standIn = await startSlackApiStandIn();
    try {
      rows.push(
        ...(await httpPaths({
          durationSec,
          warmupSec: quick ? 1 : 2,
          startRounds: quick ? 1 : Number(flag('start-rounds') ?? 3),
          loadRuns: only.has('slack'),
          slackApiUrl: standIn.url,
          workDir,
          logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
          log,
        })),
      );
      const answerPathCalls = [...standIn.calls].filter(([method]) => method !== 'auth.test');
      rows.push({
        area: 'Slack path',
        figure: 'Slack Web API calls on the answer path',
        value: answerPathCalls.length === 0 ? 'none' : answerPathCalls.map(([m, n]) => `${m} ×${n}`).join(', '),
        verdict: 'info',
        note: `auth.test at start-ups only: ${standIn.calls.get('auth.test') ?? 0}`,
      });
    } finally {
      await standIn.close();
    }
  }
  if (only.has('dataset')) {
    log('dataset at scale');
    rows.push(
      ...(await datasetAtScale({
        scales: quick ? [1] : [1, 2, 4],
        lookups: quick ? 500 : 2000,
        budgetMs: quick ? 60_000 : 180_000,
        loopMs: quick ? 5_000 : 10_000,
        log,
      })),
    );
  }
  if (only.has('reminders')) {
    rows.push(
      ...(await remindersAtScale({
        subscriptions: quick ? 10_000 : 100_000,
        channels: quick ? 1_000 : 10_000,
        due: 1000,
        dueChannels: 100,
        databaseUrl: process.env.DATABASE_URL,
        workDir,
        deliveryTimeoutMs: quick ? 20_000 : 60_000,
        pollMs: Number(process.env.BENCH_POLL_MS ?? 1000),
        log,
      })),
    );
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}

const table = rowsToMarkdown(rows);
const report = [
  `## caac-bot bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick: shorter runs, not for the record)' : ''}`,
  '',
  ...machine.map((m) => `- ${m}`),
  `- load runs: autocannon 8, ${durationSec} s measured after a warm-up, on 127.0.0.1; total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`,
  '',
  table,
  '',
].join('\n');
process.stdout.write(report);
const out = flag('out') ?? 'var/bench/last-run.md';
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, report);
log(`written to ${out}`);
const missed = rows.filter((r) => r.verdict === 'missed').length;
log(
  `${rows.filter((r) => r.verdict === 'met').length} targets met, ${missed} missed, ${rows.filter((r) => r.verdict === 'skipped').length} skipped`,
);
