// Prometheus metrics for /metrics, on a registry of our own (not prom-client's global one), so that tests and several
// services in one process never share counters. Labels are closed sets (platform, command kind, outcome): never the
// user's text, a channel or a user id, which would leak data and explode cardinality.
// https://github.com/siimon/prom-client#readme
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import type { Dataset } from './dataset/schema.js';

/** What became of a reminder occurrence, as the scheduler counts it. */
export type ReminderOutcome = 'delivered' | 'late' | 'skipped' | 'failed' | 'disabled';

/** The service's metrics and the means to record them. */
export interface Metrics {
  readonly registry: Registry;
  /** Counts one handled command and observes its latency. `command` is a `Command['kind']` (or 'unknown'). */
  observeRequest(labels: { platform: string; command: string; outcome: string }, seconds: number): void;
  /** Starts a latency timer; call the returned function with the labels once the answer is known. */
  startRequest(): (labels: { platform: string; command: string; outcome: string }) => void;
  /** Counts one reminder occurrence by what became of it. A late delivery counts as both `delivered` and `late`. */
  reminder(outcome: ReminderOutcome, count?: number): void;
  /** Counts a request refused at the edge: body too large, rate limited, bad signature. */
  refused(reason: 'body-too-large' | 'rate-limited' | 'bad-signature' | 'unauthenticated', platform: string): void;
  /** Records the dataset now served: its version (info gauge) and its newest as-of date (for the age gauge). */
  setDataset(dataset: Dataset): void;
  /** Counts a dataset reload attempt. */
  reload(result: 'ok' | 'refused'): void;
  /** The exposition text and its content type, for the /metrics handler. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Options of `createMetrics`. */
export interface CreateMetricsOptions {
  /** For the dataset's age; default the system clock. */
  clock?: Clock;
  /** Node's default process metrics (CPU, memory, event loop lag); default on. */
  defaultMetrics?: boolean;
  /** Metric name prefix; default `caac_`. */
  prefix?: string;
}

/** Creates the metrics on a new registry. */
export function createMetrics(options: CreateMetricsOptions = {}): Metrics {
  const clock = options.clock ?? systemClock;
  const prefix = options.prefix ?? 'caac_';
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix });
  const served: Served = {};
  const { requests, latency, reminders, refusals, reloads, datasetInfo } = createInstruments(
    registry,
    prefix,
    clock,
    served,
  );
  // Pre-create the reminder series so that dashboards and alerts see zeros, not absent series.
  for (const outcome of ['delivered', 'late', 'skipped', 'failed', 'disabled'] as const) reminders.inc({ outcome }, 0);
  for (const result of ['ok', 'refused'] as const) reloads.inc({ result }, 0);

  const observeRequest: Metrics['observeRequest'] = (labels, seconds) => {
    requests.inc(labels);
    latency.observe(labels, seconds);
  };
  return {
    registry,
    observeRequest,
    startRequest() {
      const started = performance.now();
      return (labels) => observeRequest(labels, (performance.now() - started) / 1000);
    },
    reminder(outcome, count = 1) {
      reminders.inc({ outcome }, count);
    },
    refused(reason, platform) {
      refusals.inc({ reason, platform });
    },
    setDataset(dataset) {
      datasetInfo.reset();
      datasetInfo.set({ version: dataset.version }, 1);
      const newest = newestAsOfDate(dataset);
      served.newestAsOf = newest ? partialDateStart(newest) : undefined;
    },
    reload(result) {
      reloads.inc({ result });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** What the dataset-age gauge reads when it is collected: set by `setDataset`. */
interface Served {
  newestAsOf?: Date | undefined;
}

/** Registers the service's counters, histogram and gauges (in exposition order) on `registry`. */
function createInstruments(registry: Registry, prefix: string, clock: Clock, served: Served) {
  const requests = new Counter({
    name: `${prefix}requests_total`,
    help: 'Commands handled, by platform, command kind and outcome.',
    labelNames: ['platform', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: `${prefix}request_duration_seconds`,
    help: 'Time to answer a command, by platform, command kind and outcome.',
    labelNames: ['platform', 'command', 'outcome'] as const,
    // Slack wants an acknowledgement within 3 s: the buckets are dense below that.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  const reminders = new Counter({
    name: `${prefix}reminders_total`,
    help: 'Reminder occurrences by outcome: delivered, late (delivered after their time), skipped, failed, disabled.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: `${prefix}requests_refused_total`,
    help: 'Requests refused at the edge, by reason and platform.',
    labelNames: ['reason', 'platform'] as const,
    registers: [registry],
  });
  const reloads = new Counter({
    name: `${prefix}dataset_reloads_total`,
    help: 'Dataset reload attempts: ok (swapped in) or refused (invalid; the old dataset keeps serving).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const datasetInfo = new Gauge({
    name: `${prefix}dataset_info`,
    help: 'The dataset served: 1 for its version label.',
    labelNames: ['version'] as const,
    registers: [registry],
  });
  new Gauge({
    name: `${prefix}dataset_age_seconds`,
    help: 'Seconds since the newest as-of date in the dataset (partial dates count from their first day).',
    registers: [registry],
    collect() {
      const newest = served.newestAsOf;
      if (newest) this.set(Math.max(0, (clock.now().getTime() - newest.getTime()) / 1000));
    },
  });
  return { requests, latency, reminders, refusals, reloads, datasetInfo };
}

/** The newest as-of date in a dataset (facts' `as_of`, else their source's date), as written (`2021`, `2021-06`…). */
export function newestAsOfDate(dataset: Dataset): string | undefined {
  let newest: string | undefined;
  const consider = (d: unknown) => {
    // Partial dates compare correctly as strings once padded to a full day.
    if (typeof d === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) && (!newest || pad(d) > pad(newest))) newest = d;
  };
  const visit = (value: unknown, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'string') {
      consider(record.as_of ?? dataset.sources.get(record.source)?.date);
    }
    for (const v of Object.values(record)) visit(v, depth + 1);
  };
  for (const map of [dataset.countries, dataset.parties, dataset.missions, dataset.events]) {
    for (const v of map.values()) visit(v, 0);
  }
  return newest;
}

function pad(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

function partialDateStart(d: string): Date {
  return new Date(`${pad(d)}T00:00:00Z`);
}
