// A reminder posted to a Bot Connector that cannot be reached is a `retry` for the scheduler, after one attempt (the
// delivery removes the pipeline's retries). The bot is added while the stand-in answers: the welcome card is an
// inbound reply, which the pipeline does retry, with seconds of waits, against a closed port.
// The other delivery outcomes (posted, 403/404 permanent, 429/5xx retry) are in teams-conversations.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/core/answer.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;

beforeAll(async () => {
  harness = await startTeamsHarness();
});
afterAll(async () => {
  await harness.close();
});

const reminder: Answer = {
  kind: 'reminder',
  outcome: 'answered',
  title: "MONUSCO's mandate expires in 7 days — 20 December 2026",
  sections: [{ items: [{ text: 'Democratic Republic of the Congo · SCR 2808 (2025)' }] }],
  actions: [{ label: 'Open the DRC brief', command: 'drc' }],
  summary: "MONUSCO's mandate expires in 7 days",
};

const TENANT = '72f988bf-0000-4000-8000-00000000c0de';

describe('proactive delivery', () => {
  it('reports an unreachable Bot Connector as retry', async () => {
    const gone = await startBotConnectorStandIn();
    const chat = '19:unreachable-connector@thread.v2';
    const added = await harness.post(
      fixture('conversation-update-bot-added', {
        serviceUrl: gone.url,
        conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: chat },
      }),
    );
    expect(added.status).toBe(200);
    await gone.close(); // its port now refuses connections
    const result = await harness.handler.delivery.deliver(
      { platform: 'teams', workspaceId: TENANT, channelId: chat },
      reminder,
    );
    expect(result).toMatchObject({ kind: 'retry', reason: expect.stringMatching(/could not reach/) });
  });
});
