// The Slack Delivery against a Web API stand-in: posts with chat.postMessage, retries after Retry-After on 429, gives
// up for good when the channel is gone or has removed the bot, and checks membership with conversations.info.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/answer.js';
import type { ChannelRef } from '../../../src/core/ports.js';
import { createSlackDelivery } from '../../../src/platforms/slack/slack-delivery.js';
import type { Delivery } from '../../../src/core/delivery.js';
import { startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

const channel: ChannelRef = { platform: 'slack', workspaceId: 'T0001ABCD', channelId: 'C0123MALI' };
const reminder: Answer = {
  kind: 'reminder',
  outcome: 'answered',
  title: "MONUSCO's mandate expires in 7 days — 20 December 2026",
  sections: [{ items: [{ text: 'Democratic Republic of the Congo <!channel>' }] }],
  actions: [{ label: 'Stop these reminders', command: 'forget r1', kind: 'forget', style: 'danger' }],
  summary: "MONUSCO's mandate expires in 7 days <!here>",
};

let slack: SlackStandIn;
let delivery: Delivery;

beforeAll(async () => {
  slack = await startSlackStandIn();
  delivery = createSlackDelivery({
    apiUrl: slack.apiUrl,
    tokenFor: async (channel) => (channel.workspaceId === 'T0001ABCD' ? 'xoxb-test' : undefined),
  });
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.apiCalls.length = 0;
});

describe('SlackDelivery.deliver', () => {
  it('posts the rendered reminder with chat.postMessage, escaped', async () => {
    const result = await delivery.deliver(channel, reminder);
    expect(result).toEqual({ kind: 'delivered', messageId: '1717000100.000100' });
    expect(slack.apiCalls).toHaveLength(1);
    const [call] = slack.apiCalls;
    expect(call!.path).toBe('chat.postMessage');
    expect(call!.body).toMatchObject({
      channel: 'C0123MALI',
      token: 'xoxb-test',
      text: "MONUSCO's mandate expires in 7 days &lt;!here&gt;",
    });
    expect(JSON.stringify(call!.body.blocks)).not.toContain('<!channel>');
    expect(JSON.stringify(call!.body.blocks)).toContain('forget r1');
  });

  it('asks to retry after Retry-After (in ms) on a 429, without retrying by itself', async () => {
    slack.reply('chat.postMessage', () => ({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { ok: false, error: 'ratelimited' },
    }));
    expect(await delivery.deliver(channel, reminder)).toEqual({
      kind: 'retry',
      afterMs: 7000,
      reason: 'rate limited by Slack (429)',
    });
    expect(slack.apiCalls).toHaveLength(1);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive'])(
    'gives up for good on %s',
    async (error) => {
      slack.reply('chat.postMessage', () => ({ body: { ok: false, error } }));
      expect(await delivery.deliver(channel, reminder)).toEqual({ kind: 'permanent', reason: error });
    },
  );

  it('retries a transient Slack error and a 5xx', async () => {
    slack.reply('chat.postMessage', () => ({ body: { ok: false, error: 'internal_error' } }));
    expect(await delivery.deliver(channel, reminder)).toEqual({ kind: 'retry', reason: 'internal_error' });
    slack.reply('chat.postMessage', () => ({ status: 503, body: { ok: false } }));
    expect((await delivery.deliver(channel, reminder)).kind).toBe('retry');
  });

  it('abandons a call Slack never answers after its timeout, as a possible repeat (issue 17)', async () => {
    const hanging = createSlackDelivery({ apiUrl: slack.apiUrl, tokenFor: async () => 'xoxb-test', timeoutMs: 300 });
    slack.reply('chat.postMessage', () => new Promise(() => undefined)); // accepted, never answered
    const started = Date.now();
    const result = await hanging.deliver(channel, reminder);
    slack.reply('chat.postMessage', (b) => ({ body: { ok: true, channel: b.channel, ts: '1717000100.000100' } }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({ kind: 'retry', reason: 'no answer from Slack in time', maybePosted: true });
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['chat.postMessage']);
  });

  it('posts for a workspace covered only by its Enterprise Grid org-wide install', async () => {
    const grid = createSlackDelivery({
      apiUrl: slack.apiUrl,
      // As the installation store answers: nothing for the workspace itself, the org's token through its enterprise id.
      tokenFor: async (c) => (c.enterpriseId === 'E0001ORG' ? 'xoxb-org' : undefined),
    });
    const inGrid: ChannelRef = {
      platform: 'slack',
      workspaceId: 'T0009GRID',
      channelId: 'C0GRID',
      enterpriseId: 'E0001ORG',
    };
    expect(await grid.deliver(inGrid, reminder)).toMatchObject({ kind: 'delivered' });
    const call = slack.apiCalls[0]!;
    expect(call.body.token ?? call.authorization).toMatch(/xoxb-org/);
    const { enterpriseId: _, ...withoutOrg } = inGrid;
    expect(await grid.deliver(withoutOrg, reminder)).toMatchObject({
      kind: 'permanent',
    });
  });

  it('gives up when the app is not installed in the workspace', async () => {
    expect(await delivery.deliver({ ...channel, workspaceId: 'T9999' }, reminder)).toMatchObject({ kind: 'permanent' });
    expect(slack.apiCalls).toEqual([]);
  });
});

describe('SlackDelivery.canPost', () => {
  it('is ok when the bot is a member', async () => {
    expect(await delivery.canPost(channel)).toEqual({ ok: true });
    expect(slack.apiCalls.map((c) => c.path)).toEqual(['conversations.info']);
  });

  it('says how to fix it when the bot is not a member, the channel is archived or unseen', async () => {
    slack.reply('conversations.info', () => ({ body: { ok: true, channel: { id: 'C0123MALI', is_member: false } } }));
    expect(await delivery.canPost(channel)).toEqual({ ok: false, problem: 'not-member' });
    slack.reply('conversations.info', () => ({
      body: { ok: true, channel: { id: 'C0123MALI', is_member: true, is_archived: true } },
    }));
    expect(await delivery.canPost(channel)).toEqual({ ok: false, problem: 'archived' });
    slack.reply('conversations.info', () => ({ body: { ok: false, error: 'channel_not_found' } }));
    expect(await delivery.canPost(channel)).toEqual({ ok: false, problem: 'not-visible' });
  });
});
