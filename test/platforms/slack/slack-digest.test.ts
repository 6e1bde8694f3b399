// `/caac remind digest` end to end in Slack: the running service (createApp on port 0, its SQLite file, its scheduler
// polling every 100 ms on an injected clock), Bolt's real HTTPReceiver with signed slash commands, and the Web API and
// response_url stand-ins. The command sets the digest (answered through response_url), `reminders` lists it, and on
// Monday morning the scheduler posts it once with chat.postMessage.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../support/manual-clock.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';

const fixtures = new URL('../../fixtures/slack/', import.meta.url);
const slash = JSON.parse(readFileSync(new URL('slash-command.json', fixtures), 'utf8')) as Record<string, string>;
const SECRET = 'test-signing-secret-0123456789';
// A Saturday; answers and the scheduler follow this clock, signatures real time.
const clock = manualClock(new Date('2026-11-28T12:00:00Z'));

let slack: SlackStandIn;
let service: TestService;

beforeAll(async () => {
  slack = await startSlackStandIn();
  service = await startTestService(
    {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      CAAC_SCHEDULER_POLL_MS: '100',
    },
    { clock },
    'caac-slack-digest-',
  );
});
afterAll(async () => {
  await service?.stop();
  await slack?.close();
});

/** Sends `/caac <text>` and returns what the bot answered through response_url. */
async function caac(text: string): Promise<Record<string, unknown>> {
  const before = slack.responses.length;
  const res = await postSigned(
    service.base,
    SECRET,
    slashCommandBody({ ...slash, text, response_url: slack.responseUrl('cmd') }),
  );
  expect(res.status).toBe(200);
  await slack.waitFor(() => slack.responses.length > before);
  return slack.responses[before]!.body;
}

describe('/caac remind digest through the service', () => {
  it('sets the digest, lists it, changes it, and posts it once on its morning', { timeout: 30_000 }, async () => {
    const set = await caac('remind digest on monday at 09:00 tz Europe/Paris within 30d');
    expect(set.response_type).toBe('ephemeral');
    const setBlocks = JSON.stringify(set.blocks);
    expect(setBlocks).toContain('Weekly digest set for this channel');
    expect(setBlocks).toContain('30 November 2026, 09:00 Europe/Paris');
    const id = /digest ([a-z2-9]{6})/.exec(setBlocks)?.[1];
    expect(id).toBeDefined();

    const listed = JSON.stringify((await caac('reminders')).blocks);
    expect(listed).toContain(`Weekly digest: Mondays at 09:00 Europe/Paris, the next 30 days, all countries`);
    const again = JSON.stringify(
      (await caac('remind digest on monday at 09:00 tz Europe/Paris within 30d always')).blocks,
    );
    expect(again).toContain('Weekly digest of this channel changed');
    expect(again).toContain(`digest ${id}`);
    // A usage error needs no channel: it travels in the acknowledgement itself.
    const invalid = await postSigned(
      service.base,
      SECRET,
      slashCommandBody({ ...slash, text: 'remind digest on blursday', response_url: slack.responseUrl('cmd') }),
    ).then((r) => r.text());
    expect(invalid).toContain('is not a day of the week');

    // Monday 09:00 in Paris: the scheduler, polling every 100 ms, posts the digest once.
    const posts = () => slack.apiCalls.filter((c) => c.path === 'chat.postMessage');
    clock.set(new Date('2026-11-30T08:00:00Z'));
    await slack.waitFor(() => posts().length === 1);
    const body = posts()[0]!.body;
    expect(body.channel).toBe('C0123MALI');
    expect(String(body.text)).toMatch(/^Weekly digest: /);
    expect(JSON.stringify(body.blocks)).toContain('Weekly digest: the next 30 days');
    // Several more polls that morning: still one post.
    clock.set(new Date('2026-11-30T08:05:00Z'));
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toHaveLength(1);
  });
});
