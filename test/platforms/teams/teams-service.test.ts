// Teams through the whole service (src/app.ts createApp: one node:http server, the real dataset, SQLite, the
// reminder commands): a lookup answered in the HTTP response, and a reminder set from a Teams chat, which works
// because the chat's conversation reference is stored by its first message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import type { CaacApp } from '../../../src/app.js';
import { readConfig } from '../../../src/config/read-config.js';
import { fixedClock } from '../../../src/core/clock.js';
import { createLogger } from '../../../src/logging.js';
import type { AdaptiveCard } from '../../../src/render/answer-to-adaptive-card.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { NOW, fixture } from './support/teams-harness.js';

let dir: string;
let app: CaacApp;
let base: string;
let connector: BotConnectorStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'caac-teams-service-'));
  connector = await startBotConnectorStandIn();
  const read = readConfig({
    CAAC_DB_PATH: join(dir, 'caac.sqlite'),
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    LOG_LEVEL: 'silent',
  });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  app = createApp(
    { ...read.config, port: 0, host: '127.0.0.1' },
    { clock: fixedClock(NOW), logger: createLogger({ level: 'silent' }), scheduler: false },
  );
  base = `http://127.0.0.1:${(await app.start()).port}`;
});
afterAll(async () => {
  await app?.stop();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ask(text: string): Promise<{ summary: string; card: AdaptiveCard }> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      fixture('message-personal', { serviceUrl: connector.url, deliveryMode: 'expectReplies', text }),
    ),
  });
  expect(res.status).toBe(200);
  const { activities } = (await res.json()) as {
    activities: { summary: string; attachments: { content: AdaptiveCard }[] }[];
  };
  return { summary: activities[0]!.summary, card: activities[0]!.attachments[0]!.content };
}

describe('Teams in the service', () => {
  it('answers a lookup at POST /api/messages', async () => {
    const { card } = await ask('caac drc');
    expect((card.body[0] as { text: string }).text).toMatch(/Congo/);
  });

  it('sets a reminder from a Teams chat and lists it', async () => {
    const set = await ask('remind drc 7d at 09:00 tz Europe/Paris');
    expect(set.summary).toMatch(/^Reminders set for Democratic Republic of the Congo/);
    const listed = await ask('reminders');
    expect(listed.summary).toBe('1 reminder in this conversation'); // Teams: a chat is a conversation, not a channel
    expect(JSON.stringify(listed.card)).toMatch(/Democratic Republic of the Congo: 7d at 09:00 Europe\/Paris/);
  });
});
