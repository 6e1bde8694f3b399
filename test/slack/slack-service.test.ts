// Slack through the running service (createApp on port 0) and Bolt's real HTTPReceiver, with requests signed as Slack
// signs them, form-encoded as Slack sends them. The Web API and response_url are stand-ins on 127.0.0.1 that record
// every call: the answer path must make none.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { CaacApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';
import { fixedClock } from '../../src/core/clock.js';
import { createLogger } from '../../src/logging.js';
import type { SlackBlock } from '../../src/render/answer-to-block-kit.js';
import { postSigned, slashCommandBody, startSlackStandIn } from './slack-stand-in.js';
import type { SlackStandIn } from './slack-stand-in.js';

const fixtures = new URL('../fixtures/slack/', import.meta.url);
const slash = JSON.parse(readFileSync(new URL('slash-command.json', fixtures), 'utf8')) as Record<string, string>;
const shareAction = JSON.parse(readFileSync(new URL('block-actions-share.json', fixtures), 'utf8')) as Record<string, unknown>;
const homeOpened = JSON.parse(readFileSync(new URL('event-app-home-opened.json', fixtures), 'utf8')) as Record<string, unknown>;

const SECRET = 'test-signing-secret-0123456789';
let slack: SlackStandIn;
let app: CaacApp;
let base: string;
let dir: string;

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-slack-'));
  const read = readConfig({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: slack.apiUrl,
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
  });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  app = createApp({ ...read.config, port: 0, host: '127.0.0.1' }, {
    logger: createLogger({ level: 'silent' }),
    scheduler: false,
    // Answers follow the injected clock (the founding document's date); signatures are checked against real time.
    clock: fixedClock(new Date('2021-06-01T09:00:00Z')),
  });
  const { port } = await app.start();
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app?.stop();
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('start-up', () => {
  it('resolved the bot ids with one auth.test', () => {
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['auth.test']);
  });
});

describe('/caac through the service', () => {
  beforeEach(() => {
    slack.apiCalls.length = 0;
    slack.responses.length = 0;
  });

  const ask = async (text: string) => {
    const res = await postSigned(base, SECRET, slashCommandBody({ ...slash, text, response_url: slack.responseUrl('cmd') }));
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
    expect(buttons(body.blocks)[0]).toMatchObject({ action_id: 'caac_share:0', value: 'mali', text: { text: 'Share in channel' } });
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

  it('never lets the user\'s text form a mention or a link, and treats empty text as help', async () => {
    const body = await ask('<!channel> <@U0123USER> <https://evil.example|x> & more');
    const parsed = [body.text, ...body.blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : []))];
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
      actions: [{ action_id: 'caac_run:0', block_id: 'b1', type: 'button', value: 'mnla', text: { type: 'plain_text', text: 'MNLA' }, action_ts: '1' }],
    };
    const res = await postSigned(base, SECRET, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
    expect(slack.responses[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(header(slack.responses[0]!.body.blocks as SlackBlock[])).toMatch(/MNLA|Mouvement national/);
    expect(slack.apiCalls).toEqual([]);
  });

  it('acknowledges a reminder command at once and answers it through response_url', async () => {
    const res = await postSigned(base, SECRET, slashCommandBody({ ...slash, text: 'remind mali', response_url: slack.responseUrl('remind') }));
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
    expect(view.blocks).toContainEqual({ type: 'header', text: { type: 'plain_text', text: 'Reminders in #mali-advocacy', emoji: true } });
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

describe('metrics', () => {
  it('counts Slack commands by kind and outcome, and refused signatures, never the text', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/caac_requests_total\{platform="slack",command="lookup",outcome="answered"\} [1-9]/);
    expect(text).toMatch(/caac_requests_total\{platform="slack",command="lookup",outcome="no-match"\} [1-9]/);
    expect(text).toMatch(/caac_requests_refused_total\{reason="bad-signature",platform="slack"\} [3-9]/);
    expect(text).not.toContain('mali');
  });
});
