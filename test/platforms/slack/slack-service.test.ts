// Slack through the running service (createApp on port 0) and Bolt's real HTTPReceiver, with requests signed as Slack
// signs them, form-encoded as Slack sends them. The Web API and response_url are stand-ins on 127.0.0.1 that record
// every call: the answer path must make none.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';
import { fixedClock } from '../../../src/core/clock.js';
import { BODY_LIMITS } from '../../../src/http/read-body.js';
import type { SlackBlock } from '../../../src/render/answer-to-block-kit.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

const fixtures = new URL('../../fixtures/slack/', import.meta.url);
const slash = JSON.parse(readFileSync(new URL('slash-command.json', fixtures), 'utf8')) as Record<string, string>;
const shareAction = JSON.parse(readFileSync(new URL('block-actions-share.json', fixtures), 'utf8')) as Record<
  string,
  unknown
>;
const homeOpened = JSON.parse(readFileSync(new URL('event-app-home-opened.json', fixtures), 'utf8')) as Record<
  string,
  unknown
>;

const SECRET = 'test-signing-secret-0123456789';
let slack: SlackStandIn;
let service: TestService;
let base: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  service = await startTestService(
    {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
    },
    {
      scheduler: false,
      // Answers follow the injected clock (the founding document's date); signatures are checked against real time.
      clock: fixedClock(new Date('2021-06-01T09:00:00Z')),
    },
    'caac-slack-',
  );
  ({ base } = service);
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
});

describe('start-up', () => {
  it('resolves the bot ids with one auth.test, in the background (see slack-startup.test.ts)', async () => {
    await slack.waitFor(() => slack.apiCalls.length > 0);
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['auth.test']);
  });
});

describe('/caac through the service', () => {
  beforeEach(() => {
    slack.apiCalls.length = 0;
    slack.responses.length = 0;
  });

  const ask = async (text: string) => {
    const res = await postSigned(
      base,
      SECRET,
      slashCommandBody({ ...slash, text, response_url: slack.responseUrl('cmd') }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: SlackBlock[] };
    // The answer travelled in the acknowledgement: nothing went to the Web API or to response_url.
    expect(slack.apiCalls).toEqual([]);
    expect(slack.responses).toEqual([]);
    return body;
  };
  const buttons = (blocks: SlackBlock[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
  const header = (blocks: SlackBlock[]) => (blocks[0]?.type === 'header' ? blocks[0].text.text : '');

  it('answers mali in the ack, ephemeral, with a Share button', async () => {
    const body = await ask('mali');
    expect(body.response_type).toBe('ephemeral');
    expect(header(body.blocks)).toMatch(/^Mali/);
    expect(JSON.stringify(body.blocks)).toMatch(/MINUSMA[^"]*30 June 2021[^"]*29 days left/);
    expect(JSON.stringify(body.blocks)).toMatch(/as of/);
    expect(buttons(body.blocks)[0]).toMatchObject({
      action_id: 'caac_share:0',
      value: 'mali',
      text: { text: 'Share in channel' },
    });
    expect(body.text.length).toBeGreaterThan(0);
  });

  it('answers mnla with the party', async () => {
    const body = await ask('mnla');
    expect(header(body.blocks)).toMatch(/MNLA|Mouvement national de lib/);
    expect(JSON.stringify(body.blocks)).toMatch(/recruitment and use/);
  });

  it('answers help', async () => {
    const body = await ask('help');
    expect(body.response_type).toBe('ephemeral');
    expect(JSON.stringify(body.blocks)).toMatch(/remind/);
  });

  it('answers a miss with its suggestions as buttons, and no Share button', async () => {
    const body = await ask('maly');
    const all = buttons(body.blocks);
    expect(all.some((b) => b.action_id.startsWith('caac_share'))).toBe(false);
    expect(all.some((b) => b.action_id.startsWith('caac_run') && /mali/i.test(b.value))).toBe(true);
  });

  it("never lets the user's text form a mention or a link, and treats empty text as help", async () => {
    const body = await ask('<!channel> <@U0123USER> <https://evil.example|x> & more');
    const parsed = [
      body.text,
      ...body.blocks.flatMap((b) =>
        b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
      ),
    ];
    for (const text of parsed) expect(text).not.toMatch(/<!|<@|<https:\/\/evil/);
    expect(JSON.stringify(body)).toContain('&lt;!channel&gt;');
    const help = await ask('');
    expect(JSON.stringify(help.blocks)).toMatch(/remind/);
  });

  it('posts the shared answer visibly through response_url, with no Web API call', async () => {
    const payload = { ...shareAction, response_url: slack.responseUrl('share') };
    const res = await postSigned(base, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
    const [post] = slack.responses;
    expect(post!.path).toBe('/response/share');
    expect(post!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const blocks = post!.body.blocks as SlackBlock[];
    expect(header(blocks)).toMatch(/^Mali/);
    expect(buttons(blocks).some((b) => b.action_id.startsWith('caac_share'))).toBe(false);
    expect(JSON.stringify(blocks.at(-1))).toContain('Shared by <@U0123USER>');
    expect(slack.apiCalls).toEqual([]);
  });

  it('runs a suggestion button privately, in place of the ephemeral answer it was on', async () => {
    const payload = {
      ...shareAction,
      response_url: slack.responseUrl('run'),
      actions: [
        {
          action_id: 'caac_run:0',
          block_id: 'b1',
          type: 'button',
          value: 'mnla',
          text: { type: 'plain_text', text: 'MNLA' },
          action_ts: '1',
        },
      ],
    };
    const res = await postSigned(base, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
    expect(slack.responses[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(header(slack.responses[0]!.body.blocks as SlackBlock[])).toMatch(/MNLA|Mouvement national/);
    expect(slack.apiCalls).toEqual([]);
  });

  it('acknowledges a reminder command at once and answers it through response_url', async () => {
    const res = await postSigned(
      base,
      SECRET,
      slashCommandBody({ ...slash, text: 'remind mali', response_url: slack.responseUrl('remind') }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await slack.waitFor(() => slack.responses.length === 1);
    expect(slack.responses[0]!.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(slack.responses[0]!.body.blocks)).toMatch(/[Mm]ali/);
    // The only Web API call: whether the bot can post in this channel, asked before the reminder is stored.
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['conversations.info']);
    expect(slack.apiCalls[0]!.body).toMatchObject({ channel: 'C0123MALI', token: 'xoxb-test-token' });
  });

  it('publishes the Home tab with the next dated events', async () => {
    const res = await postSigned(base, SECRET, JSON.stringify(homeOpened), { contentType: 'application/json' });
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.apiCalls.length === 1);
    const [call] = slack.apiCalls;
    expect(call!.path).toBe('views.publish');
    expect(call!.body.user_id).toBe('U0123USER');
    const view = call!.body.view as { type: string; blocks: SlackBlock[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeGreaterThan(2);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    // The channel subscribed by the previous test shows with its reminders.
    expect(view.blocks).toContainEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Reminders in #mali-advocacy', emoji: true },
    });
  });
});

describe("requests no listener of ours takes, answered at once (not left to Bolt's 3-second timeout and 404)", () => {
  beforeEach(() => {
    slack.apiCalls.length = 0;
    slack.responses.length = 0;
  });
  const interactive = (payload: Record<string, unknown>) =>
    postSigned(base, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());

  it('tells the user privately that an unknown slash command is not ours, escaping its name', async () => {
    for (const command of ['/caac-old', '/<!channel>&']) {
      const res = await postSigned(
        base,
        SECRET,
        slashCommandBody({ ...slash, command, text: 'mali', response_url: slack.responseUrl('unknown') }),
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { response_type: string; text: string; blocks?: unknown };
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toMatch(/^This app does not know the command \S+\. Try `\/caac help`/);
      expect(body.text).not.toMatch(/<!/);
      expect(body.blocks).toBeUndefined();
    }
    expect(slack.apiCalls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it('acknowledges a button with an unknown action id with an empty 200, and does nothing else', async () => {
    for (const action_id of ['caac_old_button', 'caac_share', 'caac_share:1x', 'caac_share:0\n']) {
      const payload = {
        ...shareAction,
        response_url: slack.responseUrl('unknown-action'),
        actions: [
          {
            action_id,
            block_id: 'b1',
            type: 'button',
            value: 'mali',
            text: { type: 'plain_text', text: 'Old' },
            action_ts: '1',
          },
        ],
      };
      const res = await interactive(payload);
      expect(res.status, action_id).toBe(200);
      expect(await res.text()).toBe('');
    }
    expect(slack.apiCalls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it('acknowledges shortcuts, modal submissions and menu requests the manifest never declared', async () => {
    const user = { id: 'U0123USER', team_id: 'T0001ABCD' };
    const team = { id: 'T0001ABCD', domain: 'example' };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'shortcut', callback_id: 'old_shortcut', trigger_id: 't', user, team }, ''],
      [
        {
          type: 'message_action',
          callback_id: 'old_action',
          trigger_id: 't',
          user,
          team,
          channel: { id: 'C0123MALI' },
          message: { ts: '1' },
          response_url: slack.responseUrl('ma'),
        },
        '',
      ],
      [
        {
          type: 'view_submission',
          user,
          team,
          view: { id: 'V1', callback_id: 'old_modal', type: 'modal', state: { values: {} } },
        },
        '',
      ],
      [{ type: 'block_suggestion', user, team, action_id: 'old_menu', block_id: 'b', value: 'ma' }, '{"options":[]}'],
    ];
    for (const [payload, expected] of cases) {
      const res = await interactive(payload);
      expect(res.status, String(payload.type)).toBe(200);
      expect(await res.text()).toBe(expected);
    }
    expect(slack.apiCalls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it('still answers its own buttons', async () => {
    const res = await interactive({ ...shareAction, response_url: slack.responseUrl('own') });
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
    expect(slack.responses[0]!.body).toMatchObject({ response_type: 'in_channel' });
  });
});

describe('request verification', () => {
  const body = () => slashCommandBody({ ...slash, response_url: slack.responseUrl('v') });
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a wrong signature with 401', async () => {
    const res = await postSigned(base, 'not-the-secret', body());
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request more than 5 minutes old with 401', async () => {
    const res = await postSigned(base, SECRET, body(), { timestamp: now() - 6 * 60 });
    expect(res.status).toBe(401);
  });

  it('refuses a correctly signed request more than 5 minutes ahead with 401', async () => {
    const res = await postSigned(base, SECRET, body(), { timestamp: now() + 6 * 60 });
    expect(res.status).toBe(401);
  });

  it('accepts a correctly signed request 4 minutes off in either direction', async () => {
    expect((await postSigned(base, SECRET, body(), { timestamp: now() - 4 * 60 })).status).toBe(200);
    expect((await postSigned(base, SECRET, body(), { timestamp: now() + 4 * 60 })).status).toBe(200);
  });
});

describe('bodies Slack never sends, correctly signed', () => {
  beforeEach(() => {
    slack.apiCalls.length = 0;
    slack.responses.length = 0;
  });

  it('answers 400 to JSON that is not an object (Bolt would throw outside any handler and never answer)', async () => {
    // The last two: objects Bolt cannot classify, which it would leave unanswered for 3 seconds, then 404.
    for (const json of ['null', '1', '"x"', '[]', '[{"type":"block_actions"}]', '{"type":"anything"}', '{}']) {
      for (const contentType of ['application/json', 'text/plain']) {
        const res = await postSigned(base, SECRET, json, { contentType });
        expect(res.status, `${contentType} ${json}`).toBe(400);
        expect(((await res.json()) as { error: string }).error).toBe('bad_request');
      }
    }
  });

  it('answers 400 to interactivity payloads whose actions, user or channel Bolt would trip on, and does nothing', async () => {
    const user = { id: 'U0123USER', team_id: 'T0001ABCD' };
    const payloads = [
      { type: 'block_actions', user, actions: [] },
      { type: 'block_actions', user, actions: '' },
      { type: 'block_actions', user, actions: 5 },
      { type: 'block_actions', user, actions: [null] },
      { type: 'block_actions', user, actions: [{ action_id: 7, block_id: 'b', value: 'mali' }] },
      { type: '', actions: [] },
      { type: 'block_actions', team: null, actions: [{ action_id: 'caac_share:0', block_id: 'b', value: 'mali' }] },
      { ...shareAction, channel: null },
      { ...shareAction, user: null },
      { ...shareAction, response_url: undefined, response_urls: null },
      { type: 'view_submission', user, view: null },
      { type: 'event_callback', event: null },
      { type: 'event_callback', event: { type: 'app_home_opened', user: null } },
      { type: 'event_callback', event: { type: 'message', channel: 3 } },
      { type: 'event_callback', event: { type: 'app_home_opened', user: 'U1' }, authorizations: [null] },
    ];
    for (const payload of payloads) {
      const res = await postSigned(base, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
      expect(res.status, JSON.stringify(payload)).toBe(400);
    }
    // A repeated field of a slash command parses to an array: refused before it reaches the core.
    const repeated = `${slashCommandBody({ ...slash, response_url: slack.responseUrl('r') })}&text=codes`;
    expect((await postSigned(base, SECRET, repeated)).status).toBe(400);
    expect(slack.apiCalls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it("still answers the real payloads, and Slack's unsigned ssl_check", async () => {
    const share = await postSigned(
      base,
      SECRET,
      new URLSearchParams({
        payload: JSON.stringify({ ...shareAction, response_url: slack.responseUrl('ok') }),
      }).toString(),
    );
    expect(share.status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
    const ssl = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    expect(ssl.status).toBe(200);
    const challenge = await postSigned(base, SECRET, JSON.stringify({ type: 'url_verification', challenge: 'c-123' }), {
      contentType: 'application/json',
    });
    expect(await challenge.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers an unsigned body of a bad shape with 401, like any unsigned request', async () => {
    const res = await postSigned(base, SECRET, 'null', {
      contentType: 'application/json',
      signature: `v0=${'0'.repeat(64)}`,
    });
    expect(res.status).toBe(401);
  });

  it('answers 413 to a correctly signed body over the limit, and counts it', async () => {
    const big = `${slashCommandBody({ ...slash, response_url: slack.responseUrl('big') })}&pad=${'x'.repeat(BODY_LIMITS.slack)}`;
    const res = await postSigned(base, SECRET, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: 'body_too_large', limit: BODY_LIMITS.slack });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/caac_requests_refused_total\{reason="body-too-large",platform="slack"\} 1/);
    expect(slack.responses).toEqual([]);
  });
});

describe('metrics', () => {
  it('counts Slack commands by kind and outcome, and refused signatures, never the text', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/caac_requests_total\{platform="slack",command="lookup",outcome="answered"\} [1-9]/);
    expect(text).toMatch(/caac_requests_total\{platform="slack",command="lookup",outcome="no-match"\} [1-9]/);
    expect(text).toMatch(/caac_requests_refused_total\{reason="bad-signature",platform="slack"\} [3-9]/);
    expect(text).not.toContain('mali');
  });
});
