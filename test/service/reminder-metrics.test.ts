// The scheduler's outcomes reach /metrics: one-off reminders set by signed slash commands through the running
// service, on an injected clock, end delivered, late, failed (and their reminder disabled) and skipped; the
// caac_reminders_total counters say so. Slack's Web API and response_url are stand-ins on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService } from '../support/start-test-service.js';
import type { TestService } from '../support/start-test-service.js';
import { manualClock } from '../support/manual-clock.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';

const slash = JSON.parse(
  readFileSync(new URL('../fixtures/slack/slash-command.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const SECRET = 'reminder-metrics-signing-secret';
const clock = manualClock(new Date('2026-03-01T10:00:00Z'));
let slack: SlackStandIn;
let service: TestService;
let base: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  // One channel the bot cannot post to: a permanent error, so its reminder is disabled.
  slack.reply('chat.postMessage', (b) =>
    b.channel === 'C0BRAVO'
      ? { body: { ok: false, error: 'channel_not_found' } }
      : { body: { ok: true, channel: b.channel, ts: '1772359260.000100' } },
  );
  service = await startTestService(
    {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-reminder-metrics',
      SLACK_API_URL: slack.apiUrl,
      CAAC_SCHEDULER_POLL_MS: '100',
    },
    { clock },
    'caac-reminder-metrics-',
  );
  ({ base } = service);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await slack?.close();
});

/** Sets a one-off reminder in `channel` through the slash command, and waits for its answer on response_url. */
async function remindOnce(channel: string, text: string, at: string): Promise<void> {
  const id = `remind-${channel}`;
  const res = await postSigned(
    base,
    SECRET,
    slashCommandBody({
      ...slash,
      channel_id: channel,
      user_id: `U${channel}`,
      text: `remind "${text}" at ${at}`,
      response_url: slack.responseUrl(id),
    }),
  );
  expect(res.status).toBe(200);
  await slack.waitFor(() => slack.responses.some((r) => r.path.endsWith(id)));
  const answer = JSON.stringify(slack.responses.find((r) => r.path.endsWith(id))!.body);
  expect(answer).toContain(text);
}

/** The caac_reminders_total counters, by outcome. */
async function reminderCounts(): Promise<Record<string, number>> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return Object.fromEntries(
    [...text.matchAll(/^caac_reminders_total\{outcome="(\w+)"\} (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]),
  );
}

/** Waits (polling /metrics) until the counters equal `expected`; fails with the last counters after 10 s. */
async function countsBecome(expected: Record<string, number>): Promise<void> {
  const until = Date.now() + 10_000;
  let last = await reminderCounts();
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    last = await reminderCounts();
  }
  expect(last).toEqual(expected);
}

describe('reminder outcomes in /metrics', () => {
  it('start at zero for every outcome', async () => {
    expect(await reminderCounts()).toEqual({ delivered: 0, late: 0, skipped: 0, failed: 0, disabled: 0 });
  });

  it('count a delivery, and a failure that disables the reminder', async () => {
    await remindOnce('C0ALPHA', 'Alpha consultations', '2026-03-01T10:01:00Z');
    await remindOnce('C0BRAVO', 'Bravo consultations', '2026-03-01T10:01:00Z');
    clock.set(new Date('2026-03-01T10:01:10Z'));
    await countsBecome({ delivered: 1, late: 0, skipped: 0, failed: 1, disabled: 1 });
    expect(
      slack.apiCalls
        .filter((c) => c.path === 'chat.postMessage')
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(['C0ALPHA', 'C0BRAVO']);
  });

  it('count a late delivery as delivered and late', async () => {
    await remindOnce('C0CHARLIE', 'Charlie consultations', '2026-03-01T10:02:00Z');
    // Found five minutes after its time (the service was, say, down): posted, marked late.
    clock.set(new Date('2026-03-01T10:07:00Z'));
    await countsBecome({ delivered: 2, late: 1, skipped: 0, failed: 1, disabled: 1 });
  });

  it('count an occurrence missed by more than the grace window as skipped, and post nothing', async () => {
    await remindOnce('C0DELTA', 'Delta consultations', '2026-03-01T10:30:00Z');
    const posts = slack.apiCalls.filter((c) => c.path === 'chat.postMessage').length;
    clock.set(new Date('2026-03-03T12:00:00Z'));
    await countsBecome({ delivered: 2, late: 1, skipped: 1, failed: 1, disabled: 1 });
    expect(slack.apiCalls.filter((c) => c.path === 'chat.postMessage')).toHaveLength(posts);
  });
});
