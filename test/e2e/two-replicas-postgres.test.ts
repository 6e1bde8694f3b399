// Issue 5, through the running service: two service processes on one PostgreSQL schema, as two replicas behind a
// load balancer. A batch of one-offs in several channels, set through both and all due at the same second, is posted
// exactly once each: every occurrence goes to one replica (FOR UPDATE SKIP LOCKED and a lease).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { DATABASE_URL } from '../support/test-databases.js';
import { createTestSchema } from '../support/postgres-schema.js';
import type { TestSchema } from '../support/postgres-schema.js';
import { postedLines, reminderIdIn } from './support/reminder-logs.js';
import { startService, stopAllServices } from './support/service-process.js';
import type { ServiceProcess } from './support/service-process.js';
import { SIGNING_SECRET, isoSecondsAhead, postsWith, slashCommand, uniqueMarker } from './support/slack-channel.js';
import { sleep, waitUntil } from './support/wait-until.js';

const CHANNELS = ['C0E2EPG1', 'C0E2EPG2', 'C0E2EPG3', 'C0E2EPG4'];
const PER_CHANNEL = 5;

let slack: SlackStandIn;
let schema: TestSchema | undefined;
let replicas: ServiceProcess[] = [];

beforeAll(async () => {
  if (!DATABASE_URL) return;
  slack = await startSlackStandIn();
  schema = await createTestSchema(DATABASE_URL);
  const env = {
    DATABASE_URL: schema.databaseUrl,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-e2e-replicas',
    SLACK_API_URL: slack.apiUrl,
    CAAC_SCHEDULER_POLL_MS: '200',
  };
  // Started together: the migrations run once, under PostgreSQL's advisory lock.
  replicas = await Promise.all([startService(env), startService(env)]);
}, 60_000);

afterAll(async () => {
  await stopAllServices();
  await slack?.close();
  await schema?.drop();
});

it.skipIf(!DATABASE_URL)(
  'posts each of a batch of reminders due at once exactly once across two replicas',
  async () => {
    // The migrations ran in the test's schema, not in public.
    const tables = await schema!.query<{ table_schema: string }>(
      "select table_schema from information_schema.tables where table_name = 'reminders'",
    );
    expect(tables.map((t) => t.table_schema)).toContain(schema!.name);

    const batch = uniqueMarker('Batch');
    const { iso, at } = isoSecondsAhead(8);
    const set: Array<{ id: string; marker: string; channel: string }> = [];
    // Set through both replicas alternately, one user per channel (within the per-user rate limit), a channel at a time.
    for (const [c, channel] of CHANNELS.entries()) {
      const answers = await Promise.all(
        Array.from({ length: PER_CHANNEL }, async (_, i) => {
          const marker = `${batch} ${channel} #${i}`;
          const replica = replicas[(c + i) % 2]!;
          const answer = await slashCommand(replica.base, slack, `remind "${marker}" at ${iso}`, {
            channelId: channel,
            userId: `U0E2E${c}`,
          });
          return { id: reminderIdIn(answer), marker, channel };
        }),
      );
      set.push(...answers);
    }
    expect(Date.now(), 'setting the batch took past its due time; the test proves less than it should').toBeLessThan(
      at,
    );
    const stored = await schema!.query<{ n: string }>(
      `select count(*) as n from reminders where text like '${batch}%'`,
    );
    expect(Number(stored[0]!.n)).toBe(set.length);

    const all = () => postsWith(slack, batch);
    await waitUntil(() => all().length >= set.length, {
      what: `${set.length} reminders posted`,
      timeoutMs: Math.max(0, at - Date.now()) + 20_000,
      detail: () =>
        `posted ${all().length}: ${all()
          .map((c) => String(c.body.text))
          .join(' | ')}`,
    });
    await sleep(2_000); // ten more polls on each replica: nothing is posted twice
    for (const { marker, channel } of set) {
      const posts = postsWith(slack, marker).filter((p) => String(p.body.text) === `Reminder: ${marker}`);
      expect(posts, marker).toHaveLength(1);
      expect(posts[0]!.body.channel).toBe(channel);
    }
    expect(all()).toHaveLength(set.length);

    // Each reminder is logged as posted by exactly one of the two processes.
    const lines = replicas.flatMap((r) => postedLines(r)).filter((l) => set.some((s) => s.id === l.reminderId));
    expect(lines.map((l) => l.reminderId).sort()).toEqual(set.map((s) => s.id).sort());
    for (const l of lines) expect(['delivered', 'late']).toContain(l.outcome);
    const outcomes = await schema!.query<{ outcome: string; n: string }>(
      'select outcome, count(*) as n from reminder_occurrences group by outcome',
    );
    expect(outcomes.map((o) => ({ outcome: o.outcome, n: Number(o.n) }))).toEqual([
      { outcome: 'delivered', n: set.length },
    ]);
  },
  60_000,
);
