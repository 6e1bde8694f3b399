// `@caac <command>` through the running service and Bolt's real HTTPReceiver: events signed as Slack signs them, the
// answer posted in the mention's thread through the Web API stand-in on 127.0.0.1, and Slack's retries of the same
// event answered once, also when two replicas share one PostgreSQL.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { mentionCommandText } from '../../../src/platforms/slack/slack-mention-listener.js';
import { createTestSchema } from '../../support/postgres-schema.js';
import { slackSignature, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { RecordedCall, SlackStandIn } from '../../support/slack-stand-in.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';
import { DATABASE_URL } from '../../support/test-databases.js';

const SECRET = 'test-signing-secret-mentions';
const clock = fixedClock(new Date('2021-06-01T09:00:00Z'));
let sequence = 0;

/** An app_mention event_callback as Slack sends it (JSON), with a fresh event id unless one is given. */
function mentionEvent(text: string, extra: { thread_ts?: string; event_id?: string } = {}): Record<string, unknown> {
  sequence += 1;
  const ts = `1717000000.${String(sequence).padStart(6, '0')}`;
  return {
    token: 'legacy-verification-token',
    team_id: 'T0001ABCD',
    api_app_id: 'A0123CAAC',
    type: 'event_callback',
    event_id: extra.event_id ?? `Ev0MENTION${sequence}`,
    event_time: 1717000000,
    authorizations: [{ team_id: 'T0001ABCD', user_id: 'UBOT0001', is_bot: true }],
    event: {
      type: 'app_mention',
      user: 'U0001ALICE',
      text,
      ts,
      channel: 'C0001MALI',
      event_ts: ts,
      ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}),
    },
  };
}

/** POSTs an event to /slack/events, signed now, as Slack's n-th retry when `retry` is given. */
async function sendEvent(base: string, event: Record<string, unknown>, retry?: number): Promise<Response> {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SECRET, timestamp, body),
      ...(retry !== undefined ? { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
}

const posts = (slack: SlackStandIn): RecordedCall[] => slack.apiCalls.filter((c) => c.path === 'chat.postMessage');
const allText = (call: RecordedCall): string => JSON.stringify(call.body);

/** Every `text` of a mrkdwn object anywhere in the blocks. */
function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
}

/** Waits a little longer than a listener needs, so that "nothing more was posted" means something. */
const settle = () => new Promise((r) => setTimeout(r, 400));

describe('@caac in a channel (SQLite)', () => {
  let slack: SlackStandIn;
  let service: TestService;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    service = await startTestService(
      { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl },
      { scheduler: false, clock },
      'caac-mentions-',
    );
  });
  afterAll(async () => {
    await service?.stop();
    await slack?.close();
  });
  afterEach(() => {
    slack.apiCalls.length = 0;
  });

  it('acknowledges at once and answers in the thread of the mention, for everyone', async () => {
    const event = mentionEvent('<@UBOT0001> mali');
    const res = await sendEvent(service.base, event);
    expect(res.status).toBe(200);
    await slack.waitFor(() => posts(slack).length === 1);
    const [post] = posts(slack);
    const e = event.event as { ts: string };
    expect(post!.body.channel).toBe('C0001MALI');
    expect(post!.body.thread_ts).toBe(e.ts);
    expect(post!.body.response_type).toBeUndefined();
    expect(allText(post!)).toContain('Mali');
    expect(allText(post!)).toContain('MNLA');
  });

  it('answers a mention made inside a thread in that thread', async () => {
    await sendEvent(service.base, mentionEvent('<@UBOT0001> codes', { thread_ts: '1716999999.000001' }));
    await slack.waitFor(() => posts(slack).length === 1);
    expect(posts(slack)[0]!.body.thread_ts).toBe('1716999999.000001');
  });

  it('answers a retried event once', async () => {
    const event = mentionEvent('<@UBOT0001> renewals mali');
    await sendEvent(service.base, event);
    await slack.waitFor(() => posts(slack).length === 1);
    expect((await sendEvent(service.base, event, 1)).status).toBe(200);
    expect((await sendEvent(service.base, event, 2)).status).toBe(200);
    await settle();
    expect(posts(slack)).toHaveLength(1);
  });

  it('escapes the text it echoes, so a mention cannot make the bot ping the channel', async () => {
    await sendEvent(service.base, mentionEvent('<@UBOT0001> <!channel> &lt;!here&gt; zzqx'));
    await slack.waitFor(() => posts(slack).length === 1);
    // What Slack parses for mentions: the top-level text and every mrkdwn text object (plain_text is shown as is).
    const body = posts(slack)[0]!.body;
    const parsed = [String(body.text), ...mrkdwnTexts(body.blocks)];
    expect(parsed.join('\n')).toContain('&lt;!channel&gt;');
    for (const text of parsed) expect(text).not.toMatch(/<!(channel|here)/);
  });

  it('takes reminder commands as /caac does, for the channel of the mention', async () => {
    await sendEvent(service.base, mentionEvent('<@UBOT0001> remind mali 7d'));
    await slack.waitFor(() => posts(slack).length === 1);
    await sendEvent(service.base, mentionEvent('<@UBOT0001> reminders'));
    await slack.waitFor(() => posts(slack).length === 2);
    const listing = allText(posts(slack)[1]!);
    expect(listing).toContain('Mali');
    expect(listing).toMatch(/7 days|7d/);
  });
});

describe('mention text', () => {
  it('drops user mentions and gives back the characters Slack escapes', () => {
    expect(mentionCommandText('<@UBOT0001> mali')).toBe('mali');
    expect(mentionCommandText('<@UBOT0001|caac>   recs   mali ')).toBe('recs   mali');
    expect(mentionCommandText('<@W0BOT> search a &amp; b &lt;x&gt;')).toBe('search a & b <x>');
  });
});

describe.skipIf(!DATABASE_URL)('two replicas on one PostgreSQL', () => {
  it('answer a retried event once, whichever replica each delivery reaches', async () => {
    const schema = await createTestSchema(DATABASE_URL!);
    const slack = await startSlackStandIn();
    const env = {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: schema.databaseUrl,
    };
    const replicas: TestService[] = [];
    try {
      replicas.push(await startTestService(env, { scheduler: false, clock }, 'caac-replica-a-'));
      replicas.push(await startTestService(env, { scheduler: false, clock }, 'caac-replica-b-'));
      const event = mentionEvent('<@UBOT0001> mali');
      // The first delivery and two retries, at the same moment, spread over both replicas.
      const statuses = await Promise.all([
        sendEvent(replicas[0]!.base, event),
        sendEvent(replicas[1]!.base, event, 1),
        sendEvent(replicas[0]!.base, event, 2),
        sendEvent(replicas[1]!.base, event, 3),
      ]);
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      await slack.waitFor(() => posts(slack).length >= 1);
      await settle();
      expect(posts(slack)).toHaveLength(1);
      const stored = await schema.query<{ n: string }>('select count(*) as n from slack_events');
      expect(Number(stored[0]!.n)).toBe(1);
    } finally {
      for (const r of replicas) await r.stop();
      await slack.close();
      await schema.drop();
    }
  });
});
