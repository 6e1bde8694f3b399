// Teams messages through botbuilder's real CloudAdapter over HTTP: answers in the HTTP response (expectReplies) or
// posted to the activity's serviceUrl (a stand-in Bot Connector on 127.0.0.1), in personal chat, group chat and
// channels (@mention stripped), card buttons, and the search messaging extension.
import { parseCommand } from '../../../src/core/parse-command.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { escapeTeamsMarkdown } from '../../../src/render/answer-to-adaptive-card.js';
import type { AdaptiveCard } from '../../../src/render/answer-to-adaptive-card.js';
import { messageText } from '../../../src/platforms/teams/create-teams-bot.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

interface SentActivity {
  type: string;
  summary?: string;
  text?: string;
  replyToId?: string;
  attachments?: { contentType: string; content: AdaptiveCard }[];
}

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

/** The visible text of a card (title and every TextBlock), for loose assertions. */
function cardText(card: AdaptiveCard): string {
  const walk = (elements: unknown[]): string[] =>
    elements.flatMap((e) => {
      const el = e as { type: string; text?: string; items?: unknown[] };
      return el.type === 'Container' ? walk(el.items ?? []) : [el.text ?? ''];
    });
  return walk(card.body).join('\n');
}

function onlyCard(activity: SentActivity): AdaptiveCard {
  expect(activity.attachments).toHaveLength(1);
  expect(activity.attachments![0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = activity.attachments![0]!.content;
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  return card;
}

describe('a message in personal chat', () => {
  it('with deliveryMode expectReplies, answers in the HTTP response with an Adaptive Card and a plain fallback', async () => {
    const res = await harness.post(
      fixture('message-personal', { serviceUrl: connector.url, deliveryMode: 'expectReplies' }),
    );
    expect(res.status).toBe(200);
    const { activities } = res.json() as { activities: SentActivity[] };
    expect(activities).toHaveLength(1);
    const reply = activities[0]!;
    expect(reply.type).toBe('message');
    expect(reply.summary).toMatch(/Mali/);
    expect(reply.text).toBeUndefined(); // no text above the card: the card says it once
    const card = onlyCard(reply);
    expect(cardText(card).split('\n')[0]).toMatch(/Mali/);
    expect(card.fallbackText).toMatch(/^Mali/m);
    expect(cardText(card)).toMatch(/Source: /);
    expect(connector.requests).toEqual([]); // nothing went to the connector
  });

  it('without expectReplies, posts the answer to the serviceUrl as a reply to the message', async () => {
    const activity = fixture('message-personal', { serviceUrl: connector.url });
    const res = await harness.post(activity);
    expect(res.status).toBe(200);
    const [request] = await connector.waitFor(1);
    const conversation = encodeURIComponent((activity.conversation as { id: string }).id);
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(`/v3/conversations/${conversation}/activities/${activity.id as string}`);
    const sent = request!.body as unknown as SentActivity;
    expect(sent.replyToId).toBe(activity.id);
    expect(cardText(onlyCard(sent))).toMatch(/Mali/);
  });

  it('runs the command of a pressed card button (Action.Submit data { command })', async () => {
    const res = await harness.post(
      fixture('message-card-submit', { serviceUrl: connector.url, deliveryMode: 'expectReplies' }),
    );
    const reply = (res.json() as { activities: SentActivity[] }).activities[0]!;
    const recs = await harness.core.answer(parseCommand('recs mali'), { platform: 'teams' });
    expect(cardText(onlyCard(reply)).split('\n')[0]).toBe(escapeTeamsMarkdown(recs.title));
  });

  it('answers bad input with an answer, not an error', async () => {
    const res = await harness.post(
      fixture('message-personal', {
        serviceUrl: connector.url,
        deliveryMode: 'expectReplies',
        text: 'narnia [x](https://evil.example)',
      }),
    );
    expect(res.status).toBe(200);
    const card = onlyCard((res.json() as { activities: SentActivity[] }).activities[0]!);
    const text = cardText(card);
    expect(text).toMatch(/narnia/);
    expect(text).not.toContain('[x](https://evil.example)');
  });
});

describe('group chats and channels', () => {
  it('strips the @mention and a leading "caac" in a channel, and replies in the thread', async () => {
    const activity = fixture('message-channel-mention', { serviceUrl: connector.url });
    const res = await harness.post(activity);
    expect(res.status).toBe(200);
    const [request] = await connector.waitFor(1);
    expect(request!.path).toBe(
      `/v3/conversations/${encodeURIComponent((activity.conversation as { id: string }).id)}/activities/${activity.id as string}`,
    );
    const mali = await harness.core.answer(parseCommand('mali'), { platform: 'teams' });
    expect(cardText(onlyCard(request!.body as unknown as SentActivity)).split('\n')[0]).toBe(
      escapeTeamsMarkdown(mali.title),
    );
  });

  it('answers an @mention in a group chat', async () => {
    const res = await harness.post(
      fixture('message-groupchat-mention', { serviceUrl: connector.url, deliveryMode: 'expectReplies' }),
    );
    const codes = await harness.core.answer(parseCommand('codes'), { platform: 'teams' });
    expect(cardText(onlyCard((res.json() as { activities: SentActivity[] }).activities[0]!)).split('\n')[0]).toBe(
      escapeTeamsMarkdown(codes.title),
    );
  });

  it('removes every mention of the bot (and only of the bot) from the text', () => {
    const bot = { id: '28:bot', name: 'caac-bot' };
    expect(
      messageText({
        text: '<at>caac-bot</at> mali <at>caac-bot</at>&nbsp;',
        recipient: bot,
        entities: [{ type: 'mention', mentioned: bot, text: '<at>caac-bot</at>' }],
      }),
    ).toBe('mali');
    expect(
      messageText({
        text: '<at>Alex</at> <at>caac-bot</at> drc',
        recipient: bot,
        entities: [
          { type: 'mention', mentioned: { id: '29:alex', name: 'Alex' }, text: '<at>Alex</at>' },
          { type: 'mention', mentioned: bot, text: '<at>caac-bot</at>' },
        ],
      }),
    ).toBe('drc');
    expect(messageText({ text: 'caac help', recipient: bot })).toBe('caac help');
  });
});

describe('the search messaging extension', () => {
  interface ExtensionResult {
    composeExtension: {
      type: string;
      attachmentLayout?: string;
      text?: string;
      attachments?: {
        contentType: string;
        content: AdaptiveCard;
        preview: { contentType: string; content: { title: string; subtitle?: string; text: string } };
      }[];
    };
  }

  it('answers a query with result cards: a thumbnail preview and the Adaptive Card to insert', async () => {
    const res = await harness.post(fixture('compose-extension-query', { serviceUrl: connector.url }));
    expect(res.status).toBe(200);
    const { composeExtension } = res.json() as ExtensionResult;
    expect(composeExtension.type).toBe('result');
    expect(composeExtension.attachmentLayout).toBe('list');
    const first = composeExtension.attachments![0]!;
    expect(first.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first.preview.content.title).toBe('Mali');
    expect(first.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(first.content).split('\n')[0]).toMatch(/Mali/);
    expect(connector.requests).toEqual([]);
  });

  it('finds parties by acronym', async () => {
    const activity = fixture('compose-extension-query', { serviceUrl: connector.url });
    activity.value = { commandId: 'searchQuery', parameters: [{ name: 'searchQuery', value: 'mnla' }] };
    const { composeExtension } = (await harness.post(activity)).json() as ExtensionResult;
    expect(composeExtension.attachments![0]!.preview.content.title).toMatch(/Azawad/);
    expect(composeExtension.attachments![0]!.preview.content.subtitle).toMatch(/Mali/);
  });

  it('suggests a few countries when nothing is typed yet (initialRun)', async () => {
    const activity = fixture('compose-extension-query', { serviceUrl: connector.url });
    activity.value = { commandId: 'searchQuery', parameters: [{ name: 'initialRun', value: 'true' }] };
    const { composeExtension } = (await harness.post(activity)).json() as ExtensionResult;
    expect(composeExtension.type).toBe('result');
    expect(composeExtension.attachments!.length).toBeGreaterThanOrEqual(3);
    expect(composeExtension.attachments!.length).toBeLessThanOrEqual(8);
  });

  it('says so when nothing matches', async () => {
    const activity = fixture('compose-extension-query', { serviceUrl: connector.url });
    activity.value = { commandId: 'searchQuery', parameters: [{ name: 'searchQuery', value: 'qqqqzzzz' }] };
    const { composeExtension } = (await harness.post(activity)).json() as ExtensionResult;
    expect(composeExtension.type).toBe('message');
    expect(composeExtension.text).toMatch(/qqqqzzzz/);
  });
});
