// Conversation references stored on install and on the first message, removed on uninstall, in the service's
// database; and reminders posted proactively through them to a stand-in Bot Connector, with the connector's
// failures turned into the scheduler's terms (403/404 permanent, 429/5xx retry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/answer.js';
import type { ChannelRef } from '../../../src/core/ports.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;
let connector: BotConnectorStandIn;

beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  harness = await startTeamsHarness();
});
afterAll(async () => {
  await harness.close();
  await connector.close();
});

async function storedIds(): Promise<string[]> {
  const rows = await harness.storage.db
    .selectFrom('teams_conversations')
    .select('conversation_id')
    .orderBy('conversation_id')
    .execute();
  return rows.map((r) => r.conversation_id);
}

async function storedReference(id: string): Promise<Record<string, unknown>> {
  const row = await harness.storage.db
    .selectFrom('teams_conversations')
    .selectAll()
    .where('conversation_id', '=', id)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.reference) as Record<string, unknown>;
}

const reminder: Answer = {
  kind: 'reminder',
  outcome: 'answered',
  title: "MONUSCO's mandate expires in 7 days — 20 December 2026",
  sections: [{ items: [{ text: 'Democratic Republic of the Congo · SCR 2808 (2025)' }] }],
  actions: [{ label: 'Open the DRC brief', command: 'drc' }],
  summary: "MONUSCO's mandate expires in 7 days",
};

const TENANT = '72f988bf-0000-4000-8000-00000000c0de';
const TEAM = '19:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d@thread.tacv2';
const teamChannel: ChannelRef = { platform: 'teams', workspaceId: TENANT, channelId: TEAM };

describe('conversation references', () => {
  it('are stored when the bot is installed in a team, without the user who installed it', async () => {
    const res = await harness.post(fixture('installation-update-add', { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    expect(await storedIds()).toContain(TEAM);
    const reference = await storedReference(TEAM);
    expect(reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: TEAM, tenantId: TENANT },
    });
    expect(reference).not.toHaveProperty('user');
    expect(reference).not.toHaveProperty('activityId');
    const row = await harness.storage.db
      .selectFrom('teams_conversations')
      .selectAll()
      .where('conversation_id', '=', TEAM)
      .executeTakeFirstOrThrow();
    expect(row.tenant_id).toBe(TENANT);
    expect(row.updated_at).toBe('2026-11-28T10:00:00.000Z'); // the injected clock
    // Installing posts only the welcome card (test/platforms/teams/welcome.test.ts), never the reference's user.
    expect(connector.requests.map((r) => (r.body as { summary?: string }).summary)).toEqual([
      expect.stringMatching(/^caac-bot: /),
    ]);
  });

  it('are stored when the bot is added to a group chat, and removed when it is removed', async () => {
    const added = fixture('conversation-update-bot-added', { serviceUrl: connector.url });
    const chat = (added.conversation as { id: string }).id;
    await harness.post(added);
    expect(await storedIds()).toContain(chat);
    await harness.post(fixture('conversation-update-bot-removed', { serviceUrl: connector.url }));
    expect(await storedIds()).not.toContain(chat);
  });

  it('ignore other members joining', async () => {
    const other = fixture('conversation-update-bot-added', {
      serviceUrl: connector.url,
      membersAdded: [{ id: '29:someone-else' }],
    });
    other.conversation = { ...(other.conversation as object), id: '19:another-chat@thread.v2' };
    await harness.post(other);
    expect(await storedIds()).not.toContain('19:another-chat@thread.v2');
  });

  it('are stored on the first message, keyed by the channel (not the thread) for a channel post', async () => {
    const message = fixture('message-channel-mention', { serviceUrl: connector.url, deliveryMode: 'expectReplies' });
    const channel = '19:0f1e2d3c4b5a69788796a5b4c3d2e1f0@thread.tacv2';
    await harness.post(message);
    expect(await storedIds()).toContain(channel);
    expect((await storedReference(channel)).conversation).toMatchObject({ id: channel });
  });

  it('are removed when the app is uninstalled, after which the channel cannot be posted to', async () => {
    await harness.post(fixture('installation-update-add', { serviceUrl: connector.url }));
    expect(await harness.handler.delivery.canPost(teamChannel)).toEqual({ ok: true });
    await harness.post(fixture('installation-update-remove', { serviceUrl: connector.url }));
    expect(await storedIds()).not.toContain(TEAM);
    const refused = await harness.handler.delivery.canPost(teamChannel);
    expect(refused).toEqual({ ok: false, problem: 'not-added' });
  });

  it('are stored again on a reinstall that another replica handles, though it had seen the conversation', async () => {
    // A second handler on the same database: another replica of the service.
    const other = await startTeamsHarness({ storage: harness.storage });
    try {
      await other.post(fixture('installation-update-add', { serviceUrl: connector.url }));
      await harness.post(fixture('installation-update-remove', { serviceUrl: connector.url }));
      expect(await storedIds()).not.toContain(TEAM);
      await other.post(fixture('installation-update-add', { serviceUrl: connector.url }));
      expect(await storedIds()).toContain(TEAM);
      expect(await other.handler.delivery.canPost(teamChannel)).toEqual({ ok: true });
    } finally {
      await other.close();
    }
  });
});

describe('proactive delivery', () => {
  beforeAll(async () => {
    await harness.post(fixture('installation-update-add', { serviceUrl: connector.url }));
  });

  it('posts the reminder card to the stored conversation through continueConversationAsync', async () => {
    connector.requests.length = 0;
    const result = await harness.handler.delivery.deliver(teamChannel, reminder);
    expect(result).toEqual({ kind: 'delivered', messageId: expect.stringMatching(/^activity-/) });
    expect(connector.requests).toHaveLength(1);
    const [request] = connector.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(`/v3/conversations/${encodeURIComponent(TEAM)}/activities`);
    const body = request!.body as {
      summary: string;
      attachments: { contentType: string; content: { body: { text: string }[] } }[];
      conversation: { id: string };
    };
    expect(body.summary).toBe(reminder.summary);
    expect(body.conversation.id).toBe(TEAM);
    expect(body.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]!.content.body[0]!.text).toBe("MONUSCO's mandate expires in 7 days — 20 December 2026");
  });

  it('reports 403 and 404 as permanent (bot removed, conversation gone)', async () => {
    connector.replyNext({
      status: 403,
      body: {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      },
    });
    expect(await harness.handler.delivery.deliver(teamChannel, reminder)).toMatchObject({
      kind: 'permanent',
      reason: expect.stringMatching(/403/),
    });
    connector.replyNext({
      status: 404,
      body: { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } },
    });
    expect(await harness.handler.delivery.deliver(teamChannel, reminder)).toMatchObject({
      kind: 'permanent',
      reason: expect.stringMatching(/404/),
    });
  });

  it('reports 429 (with Retry-After) and 5xx as retry, after one attempt each (the scheduler retries)', async () => {
    connector.requests.length = 0;
    connector.replyNext({ status: 429, headers: { 'retry-after': '7' }, body: { error: { code: 'TooManyRequests' } } });
    expect(await harness.handler.delivery.deliver(teamChannel, reminder)).toEqual({
      kind: 'retry',
      afterMs: 7_000,
      reason: expect.stringMatching(/429/),
    });
    connector.replyNext({ status: 502, body: { error: { code: 'ServiceError' } } });
    expect(await harness.handler.delivery.deliver(teamChannel, reminder)).toMatchObject({
      kind: 'retry',
      reason: expect.stringMatching(/502/),
    });
    expect(connector.requests).toHaveLength(2);
  });

  it('reports a conversation it has no reference for as permanent, and other platforms as not postable', async () => {
    const unknown: ChannelRef = { platform: 'teams', workspaceId: TENANT, channelId: '19:never-installed@thread.v2' };
    expect(await harness.handler.delivery.deliver(unknown, reminder)).toMatchObject({ kind: 'permanent' });
    expect(
      await harness.handler.delivery.canPost({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' }),
    ).toMatchObject({ ok: false });
  });
});
