// The welcome card: posted once per conversation when the bot itself is installed or added (installationUpdate add,
// conversationUpdate with the bot among membersAdded), through botbuilder's real CloudAdapter to a stand-in Bot
// Connector; never for other members; never twice, even from a second handler on the same database; again after
// the bot was removed and added back; in French for a French client.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isBotInstall, welcomeAnswer } from '../../../src/platforms/teams/welcome.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn, ConnectorRequest } from '../../support/bot-connector-stand-in.js';
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
afterEach(() => {
  connector.requests.length = 0;
});

type Card = { body: { type: string; text?: string; items?: { text?: string }[] }[]; actions: { data?: unknown }[] };

function welcomes(requests: ConnectorRequest[] = connector.requests): { path: string; card: Card; body: unknown }[] {
  return requests
    .filter((r) => /^caac-bot/.test(String((r.body as { summary?: string }).summary)))
    .map((r) => ({
      path: r.path,
      body: r.body,
      card: (r.body as { attachments: { content: Card }[] }).attachments[0]!.content,
    }));
}

/** Every text of a card, flattened. */
function texts(card: Card): string {
  return card.body.flatMap((e) => [e.text ?? '', ...(e.items ?? []).map((i) => i.text ?? '')]).join('\n');
}

const groupChat = (id: string, overrides: Record<string, unknown> = {}) => {
  const a = fixture('conversation-update-bot-added', { serviceUrl: connector.url, ...overrides });
  a.conversation = { ...(a.conversation as object), id };
  return a;
};

describe('the welcome card', () => {
  it('is posted once when the bot is installed in a team, though Teams sends two events for it', async () => {
    const install = fixture('installation-update-add', { serviceUrl: connector.url });
    const team = (install.conversation as { id: string }).id;
    const update = groupChat(team, { conversation: install.conversation });
    await Promise.all([harness.post(install), harness.post(update)]);
    await harness.post(install); // Teams may resend it
    const posted = welcomes();
    expect(posted).toHaveLength(1);
    // A new post in the channel, not a reply under the install event.
    expect(posted[0]!.path).toBe(`/v3/conversations/${encodeURIComponent(team)}/activities`);
    expect(posted[0]!.body).not.toHaveProperty('replyToId');
    const text = texts(posted[0]!.card);
    expect(text).toContain('Every fact shows its source and as-of date');
    for (const command of ['mali', 'mnla', 'renewals']) expect(text).toContain(`**${command}**`);
    expect(text).toContain('@caac-bot remind mali');
    expect(posted[0]!.card.actions.map((a) => a.data)).toEqual([
      { command: 'mali' },
      { command: 'mnla' },
      { command: 'renewals' },
      { command: 'help' },
    ]);
  });

  it('is posted when the bot is added to a group chat, and not when other members join it', async () => {
    await harness.post(groupChat('19:welcome-chat-1@thread.v2'));
    expect(welcomes()).toHaveLength(1);
    connector.requests.length = 0;
    await harness.post(groupChat('19:welcome-chat-2@thread.v2', { membersAdded: [{ id: '29:someone-else' }] }));
    await harness.post(groupChat('19:welcome-chat-1@thread.v2', { membersAdded: [{ id: '29:someone-else' }] }));
    expect(connector.requests).toEqual([]);
  });

  it('is remembered in the database, so another replica does not post it again', async () => {
    await harness.post(groupChat('19:welcome-chat-3@thread.v2'));
    expect(welcomes()).toHaveLength(1);
    const rows = await harness.storage.db
      .selectFrom('teams_welcomes')
      .selectAll()
      .where('conversation_id', '=', '19:welcome-chat-3@thread.v2')
      .execute();
    expect(rows).toEqual([{ conversation_id: '19:welcome-chat-3@thread.v2', sent_at: '2026-11-28T10:00:00.000Z' }]);
    // A second handler on the same database (another replica, or the service after a restart).
    const second = await startTeamsHarness({ storage: harness.storage });
    try {
      await second.post(groupChat('19:welcome-chat-3@thread.v2'));
    } finally {
      await second.close();
    }
    expect(welcomes()).toHaveLength(1);
  });

  it('is posted again when the bot was removed and added back', async () => {
    const chat = '19:welcome-chat-4@thread.v2';
    await harness.post(groupChat(chat));
    const removed = fixture('conversation-update-bot-removed', { serviceUrl: connector.url });
    removed.conversation = { ...(removed.conversation as object), id: chat };
    await harness.post(removed);
    await harness.post(groupChat(chat));
    expect(welcomes()).toHaveLength(2);
  });

  it('is written in French for a French client', async () => {
    await harness.post(groupChat('19:welcome-chat-5@thread.v2', { locale: 'fr-FR' }));
    const [posted] = welcomes();
    expect(texts(posted!.card)).toContain('Bonjour, je suis caac-bot');
    expect(texts(posted!.card)).toContain('@caac-bot remind mali');
  });

  it('is released when the post fails, so the next install event tries again', async () => {
    const chat = '19:welcome-chat-6@thread.v2';
    connector.replyNext({ status: 403 }); // not retried by the connector client
    await harness.post(groupChat(chat));
    expect(
      await harness.storage.db.selectFrom('teams_welcomes').selectAll().where('conversation_id', '=', chat).execute(),
    ).toEqual([]);
    await harness.post(groupChat(chat));
    expect(welcomes()).toHaveLength(2); // the refused one and the one after it
    const rows = await harness.storage.db
      .selectFrom('teams_welcomes')
      .selectAll()
      .where('conversation_id', '=', chat)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('isBotInstall', () => {
  const bot = { id: '28:bot', name: 'caac-bot' };
  it('is true for the bot installed or added, false for anything else', () => {
    expect(isBotInstall({ type: 'installationUpdate', action: 'add', recipient: bot })).toBe(true);
    expect(isBotInstall({ type: 'installationUpdate', action: 'add-upgrade', recipient: bot })).toBe(false);
    expect(isBotInstall({ type: 'installationUpdate', action: 'remove', recipient: bot })).toBe(false);
    expect(isBotInstall({ type: 'conversationUpdate', membersAdded: [bot], recipient: bot })).toBe(true);
    expect(
      isBotInstall({ type: 'conversationUpdate', membersAdded: [{ id: '29:user', name: 'Someone' }], recipient: bot }),
    ).toBe(false);
    expect(isBotInstall({ type: 'conversationUpdate', membersRemoved: [bot], recipient: bot })).toBe(false);
    expect(isBotInstall({ type: 'message', recipient: bot })).toBe(false);
  });

  it('has three example commands and a button for each, plus help', () => {
    const answer = welcomeAnswer();
    expect(answer.actions.map((a) => a.command)).toEqual(['mali', 'mnla', 'renewals', 'help']);
  });
});
