// Reminders at scale: 100,000 subscriptions across 10,000 channels in the real store (SQLite, and PostgreSQL when
// DATABASE_URL is set), the time of one due-scan (the store's claim query, and the scheduler's whole poll), and the
// delivery of 1,000 simultaneously due reminders by the real scheduler and the real Slack delivery to a Web API
// stand-in that allows one message per second per channel (429 + Retry-After beyond it).
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import type { Dataset } from '../../src/dataset/schema.js';
import { generateDataset } from '../generate-dataset.js';
import { importPart, quantile } from '../support/import-part.js';
import { fmt, skipped, times, verdict, type Row } from '../support/row.js';
import { BENCH_BOT_TOKEN } from '../support/slack-request.js';
import { startSlackApiStandIn } from '../support/slack-api-stand-in.js';

type StorageModule = typeof import('../../src/storage/open-database.js');
type StoreModule = typeof import('../../src/reminders/kysely-reminder-store.js');
type SchedulerModule = typeof import('../../src/reminders/scheduler.js');
type SlackDeliveryModule = typeof import('../../src/platforms/slack/slack-delivery.js');
type LoaderModule = typeof import('../../src/dataset/load-dataset.js');
type Storage = Awaited<ReturnType<StorageModule['openDatabase']>>;

/** The reminders case's sizes and limits. */
export interface RemindersOptions {
  subscriptions: number;
  channels: number;
  due: number;
  dueChannels: number;
  databaseUrl?: string | undefined;
  workDir: string;
  /** Longest the delivery may run before it is cut off and reported as missed. */
  deliveryTimeoutMs: number;
  /** The scheduler's poll period for the delivery run (CAAC_SCHEDULER_POLL_MS). */
  pollMs: number;
  log: (line: string) => void;
}

const SLACK_TEAM = 'T0BENCH0001';

/** Runs the reminders cases on each available backend. */
export async function remindersAtScale(opts: RemindersOptions): Promise<Row[]> {
  const storageMod = await importPart<StorageModule>('src/storage/open-database.js');
  if (!storageMod.ok) return [skipped('Reminders', storageMod.reason)];
  const storeMod = await importPart<StoreModule>('src/reminders/kysely-reminder-store.js');
  if (!storeMod.ok) return [skipped('Reminders', storeMod.reason)];
  const loader = await importPart<LoaderModule>('src/dataset/load-dataset.js');
  if (!loader.ok) return [skipped('Reminders', loader.reason)];
  const schedulerMod = await importPart<SchedulerModule>('src/reminders/scheduler.js');
  const slackMod = await importPart<SlackDeliveryModule>('src/platforms/slack/slack-delivery.js');

  // The subscriptions follow countries of a generated dataset whose mandates all run to 2030, so that nothing is due
  // from them now: the 1,000 due reminders below are the only work, and every poll still plans all 100,000.
  const generated = await generateDataset({
    countries: 200,
    partiesPerCountry: 5,
    seed: 11,
    missionExpires: '2030-06-30',
  });
  const loaded = await loader.module.loadDataset(generated.dir);
  await rm(generated.dir, { recursive: true, force: true });
  if (!loaded.ok) return [skipped('Reminders', 'the generated dataset did not load')];
  const dataset = loaded.dataset;

  const backends: Array<{
    name: 'SQLite' | 'PostgreSQL';
    open: () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>;
  }> = [
    {
      name: 'SQLite',
      open: async () => {
        const file = path.join(opts.workDir, `reminders-${randomUUID().slice(0, 8)}.sqlite`);
        const storage = await storageMod.module.openDatabase({ sqlitePath: file });
        return {
          storage,
          cleanup: async () => {
            await storage.close();
            for (const f of [file, `${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
          },
        };
      },
    },
  ];
  const rows: Row[] = [];
  if (opts.databaseUrl) {
    const databaseUrl = opts.databaseUrl;
    backends.push({
      name: 'PostgreSQL',
      open: async () => {
        const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
        const storage = await storageMod.module.openDatabase({ databaseUrl, schema });
        return {
          storage,
          cleanup: async () => {
            const { sql } = await import('kysely');
            await sql
              .raw(`drop schema if exists ${schema} cascade`)
              .execute(storage.db)
              .catch(() => undefined);
            await storage.close();
          },
        };
      },
    });
  } else rows.push(skipped('Reminders on PostgreSQL', 'DATABASE_URL is not set'));

  for (const backend of backends) {
    const area = `Reminders, ${backend.name}`;
    opts.log(
      `reminders on ${backend.name}: seeding ${fmt(opts.subscriptions)} subscriptions in ${fmt(opts.channels)} channels`,
    );
    let opened: { storage: Storage; cleanup: () => Promise<void> };
    try {
      opened = await backend.open();
    } catch (error) {
      rows.push(skipped(area, `could not open: ${(error as Error).message}`));
      continue;
    }
    const { storage } = opened;
    try {
      const store = storeMod.module.createReminderStore(storage);
      const seedMs = await seed(storage, dataset, opts);
      rows.push({
        area,
        figure: `seed ${fmt(opts.subscriptions)} subscriptions + ${fmt(opts.subscriptions)} past occurrences (ms)`,
        value: fmt(seedMs),
        verdict: 'info',
        note: 'bulk inserts, 500 rows a statement',
      });

      // The store's due query alone, nothing due among 100,000 stored occurrences.
      const now = new Date();
      const claims: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t = performance.now();
        const got = await store.queue.claimDue({ now, owner: 'bench', leaseMs: 60_000, limit: 50 });
        claims.push(performance.now() - t);
        if (got.length > 0) throw new Error(`expected nothing due, claimed ${got.length}`);
      }
      rows.push({
        area,
        figure: 'store due query (claimDue), nothing due: p50 / max (ms)',
        value: `${fmt(quantile(claims, 0.5), 2)} / ${fmt(Math.max(...claims), 2)}`,
        target: '< 20 ms',
        verdict: verdict(quantile(claims, 0.5) < 20),
        note: 'the indexed query on reminder_occurrences',
      });

      if (!schedulerMod.ok) {
        rows.push(skipped(area, schedulerMod.reason));
        continue;
      }
      const logger = pino({ level: 'silent' });
      const idle = schedulerMod.module.createScheduler({
        store,
        dataset: () => dataset,
        deliveries: {},
        clock: { now: () => new Date() },
        logger,
      });
      const ticks: number[] = [];
      // Three polls, or one when a poll takes more than a second (the bench stays bounded in time).
      for (let i = 0; i < 3 && (i === 0 || ticks[0]! < 1000); i++) {
        const t = performance.now();
        const report = await idle.tick();
        ticks.push(performance.now() - t);
        if (report.claimed > 0) throw new Error('expected nothing due');
      }
      rows.push({
        area,
        figure: `scheduler due-scan, one whole poll over ${fmt(opts.subscriptions)} subscriptions: median of ${ticks.length} (ms)`,
        value: fmt(quantile(ticks, 0.5)),
        target: '< 20 ms',
        verdict: verdict(quantile(ticks, 0.5) < 20),
        note: `runs: ${ticks.map((x) => fmt(x)).join(', ')}; plan what is due from the calendar, then claim`,
      });

      if (!slackMod.ok) {
        rows.push(skipped(area, slackMod.reason));
        continue;
      }
      const poll = quantile(ticks, 0.5);
      if (poll > opts.deliveryTimeoutMs / 2) {
        // Deliveries start only after a poll has planned every subscription: with polls this long, the run would be
        // cut off after one or two batches of 50, which says nothing the poll time above does not already say.
        rows.push(
          skipped(
            area,
            `delivery of ${fmt(opts.due)} due reminders not run: one poll takes ${fmt(poll / 1000, 1)} s, more than half the ${fmt(opts.deliveryTimeoutMs / 1000)} s the bench allows the delivery`,
          ),
        );
        continue;
      }
      rows.push(...(await deliver(store, dataset, schedulerMod.module, slackMod.module, opts, area)));
    } catch (error) {
      rows.push(skipped(area, `failed: ${(error as Error).message.split('\n')[0]}`));
    } finally {
      await opened.cleanup();
    }
  }
  return rows;
}

/** Bulk-inserts (exported for profiling scripts) the subscriptions and one past, delivered occurrence for each, straight through kysely. */
export async function seed(storage: Storage, dataset: Dataset, opts: RemindersOptions): Promise<number> {
  const countries = [...dataset.countries.keys()];
  const t0 = performance.now();
  const created = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const batch = 500;
  for (let start = 0; start < opts.subscriptions; start += batch) {
    const reminders = [];
    const occurrences = [];
    for (let i = start; i < Math.min(opts.subscriptions, start + batch); i++) {
      const channel = `C${String(i % opts.channels).padStart(8, '0')}`;
      const id = `bsub${i}`;
      reminders.push({
        id,
        channel_key: `slack:${SLACK_TEAM}:${channel}`,
        platform: 'slack',
        workspace_id: SLACK_TEAM,
        channel_id: channel,
        channel_name: null,
        kind: 'subscription' as const,
        target_kind: 'country',
        target_id: countries[i % countries.length]!,
        lead_days: '30,7,1',
        time_of_day: '09:00',
        tz: i % 3 === 0 ? 'Europe/Paris' : i % 3 === 1 ? 'America/New_York' : 'UTC',
        text: null,
        fire_at: null,
        created_at: created,
        created_by: null,
        disabled_at: null,
        disabled_reason: null,
      });
      const due = new Date(Date.now() - (30 + (i % 50)) * 86_400_000).toISOString();
      occurrences.push({
        id: randomUUID(),
        reminder_id: id,
        occurrence_key: `past-event@${due}#7d`,
        event_id: 'past-event',
        lead_days: 7,
        due_at: due,
        status: 'done' as const,
        outcome: 'delivered',
        next_attempt_at: due,
        claim_token: null,
        claimed_by: null,
        lease_until: null,
        last_error: null,
        message_id: null,
        created_at: due,
        recorded_at: due,
      });
    }
    await storage.db.insertInto('reminders').values(reminders).execute();
    await storage.db.insertInto('reminder_occurrences').values(occurrences).execute();
  }
  return performance.now() - t0;
}

/** 1,000 one-offs due now across `dueChannels` channels, delivered by the real scheduler through the real Slack delivery. */
async function deliver(
  store: ReturnType<StoreModule['createReminderStore']>,
  dataset: Dataset,
  schedulerMod: SchedulerModule,
  slackMod: SlackDeliveryModule,
  opts: RemindersOptions,
  area: string,
): Promise<Row[]> {
  const standIn = await startSlackApiStandIn(1000);
  try {
    const fireAt = new Date();
    for (let i = 0; i < opts.due; i++) {
      const channelId = `CDUE${String(i % opts.dueChannels).padStart(5, '0')}`;
      await store.records.addOneOff(
        {
          channel: { platform: 'slack', workspaceId: SLACK_TEAM, channelId },
          tz: 'UTC',
          text: `Bench reminder ${String(i).padStart(4, '0')}`,
          fireAt,
        },
        fireAt,
      );
    }
    const delivery = slackMod.createSlackDelivery({ tokenFor: async () => BENCH_BOT_TOKEN, apiUrl: standIn.url });
    const scheduler = schedulerMod.createScheduler({
      store,
      dataset: () => dataset,
      deliveries: { slack: delivery },
      clock: { now: () => new Date() },
      logger: pino({ level: 'silent' }),
      pollMs: opts.pollMs,
    });
    opts.log(
      `reminders: delivering ${opts.due} due reminders in ${opts.dueChannels} channels (poll every ${opts.pollMs} ms)`,
    );
    const t0 = Date.now();
    scheduler.start();
    const deadline = t0 + opts.deliveryTimeoutMs;
    const seen = () =>
      new Set(standIn.posts.map((p) => /Bench reminder (\d{4})/.exec(p.text)?.[1]).filter(Boolean)).size;
    while (seen() < opts.due && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const cutOff = seen() < opts.due;
    // Complete: the time of the last post. Cut off: the whole time waited (the last post says nothing then).
    const elapsedMs = cutOff ? Date.now() - t0 : standIn.posts.at(-1)!.at - t0;
    await scheduler.stop();
    // Give a straggler a moment to show up as a duplicate, then count.
    await new Promise((r) => setTimeout(r, 500));
    const ids = standIn.posts.map((p) => /Bench reminder (\d{4})/.exec(p.text)?.[1] ?? '?');
    const unique = new Set(ids).size;
    const duplicates = ids.length - unique;
    const perChannel = Math.ceil(opts.due / opts.dueChannels);
    const minimumMs = (perChannel - 1) * 1000;
    const inTime = elapsedMs <= 1.5 * minimumMs + opts.pollMs;
    const allOnce = unique === opts.due && duplicates === 0;
    return [
      {
        area,
        figure: `deliver ${fmt(opts.due)} due reminders, ${perChannel} per channel in ${opts.dueChannels} channels`,
        value: `${fmt(unique)} delivered, ${fmt(duplicates)} twice, in ${fmt(elapsedMs / 1000, 1)} s`,
        baseline: `rate limits allow ${fmt(minimumMs / 1000, 0)} s`,
        ratio: cutOff ? 'n/a (cut off)' : times(elapsedMs / minimumMs),
        target: 'all once, in the time the limits allow (≤ 1.5× + one poll)',
        verdict: verdict(allOnce && inTime),
        note:
          `${fmt(standIn.refused())} posts refused with 429; poll ${fmt(opts.pollMs)} ms` +
          (cutOff
            ? `; cut off after ${fmt(opts.deliveryTimeoutMs / 1000)} s, ${fmt(opts.due - unique)} never posted`
            : ''),
      },
    ];
  } finally {
    await standIn.close();
  }
}
