// The weekly digest in Teams: a conversation reference stored by a real installation activity through botbuilder's
// CloudAdapter, the real scheduler over the service's database (SQLite, and the real PostgreSQL) and the real
// dataset, and the Teams delivery posting an Adaptive Card to the Bot Connector stand-in, once per week, a restart
// included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../../src/core/ports.js';
import { createReminderStore } from '../../../src/reminders/kysely-reminder-store.js';
import { createScheduler } from '../../../src/reminders/scheduler.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { manualClock } from '../../support/manual-clock.js';
import { memoryLogger } from '../../reminders/fixtures.js';
import { backends } from '../../support/test-databases.js';
import type { TestBackend } from '../../support/test-databases.js';
import { fixture, realDataset, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

const TENANT = '72f988bf-0000-4000-8000-00000000c0de';
const TEAM = '19:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d@thread.tacv2';
const teamChannel: ChannelRef = { platform: 'teams', workspaceId: TENANT, channelId: TEAM };

describe.each(backends())('the weekly digest in Teams on $name', ({ make: makeBackend, skip }) => {
  let backend: TestBackend;
  let harness: TeamsHarness;
  let connector: BotConnectorStandIn;

  beforeAll(async () => {
    if (skip) return;
    backend = makeBackend();
    connector = await startBotConnectorStandIn();
    harness = await startTeamsHarness({ storage: await backend.open() });
    await harness.post(fixture('installation-update-add', { serviceUrl: connector.url }));
  });
  afterAll(async () => {
    if (skip) return;
    await harness.close();
    await connector.close();
    await backend.cleanup();
  });

  it.skipIf(skip)('posts the digest card to the conversation once per week', { timeout: 30_000 }, async () => {
    const dataset = await realDataset();
    const store = createReminderStore(harness.storage);
    const clock = manualClock(new Date('2026-11-28T12:00:00Z'));
    const make = () =>
      createScheduler({
        store,
        dataset: () => dataset,
        deliveries: { teams: harness.handler.delivery },
        clock,
        logger: memoryLogger().logger,
      });
    const added = await store.records.add(
      {
        kind: 'digest',
        channel: teamChannel,
        weekday: 1,
        at: '09:00',
        tz: 'Europe/Paris',
        withinDays: 30,
        countries: [],
        always: false,
      },
      clock.now(),
      { maxPerChannel: 50 },
    );
    if (added.kind !== 'added') throw new Error('not added');
    connector.requests.length = 0;

    clock.set(new Date('2026-11-30T08:00:00Z'));
    const first = make();
    expect((await first.tick()).outcomes).toEqual([
      { reminderId: added.reminder.id, key: 'digest@2026-11-30T08:00:00.000Z', outcome: 'delivered' },
    ]);
    expect(connector.requests).toHaveLength(1);
    const [request] = connector.requests;
    expect(request!.path).toBe(`/v3/conversations/${encodeURIComponent(TEAM)}/activities`);
    const body = request!.body as {
      summary: string;
      attachments: { contentType: string; content: { body: { text?: string }[] } }[];
    };
    expect(body.summary).toMatch(/^Weekly digest: /);
    expect(body.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]!.content.body[0]!.text).toBe('📅 Weekly digest: the next 30 days');
    const card = JSON.stringify(body.attachments[0]!.content);
    // The real data: what has lapsed with no renewal recorded is flagged under its own heading.
    expect(card).toContain('Expired, no renewal recorded');
    expect(card).toContain(`forget ${added.reminder.id}`);

    // Again the same morning, and from a restarted scheduler: nothing more this week.
    expect((await first.tick()).outcomes).toEqual([]);
    clock.set(new Date('2026-11-30T11:00:00Z'));
    expect((await make().tick()).outcomes).toEqual([]);
    expect(connector.requests).toHaveLength(1);
  });
});
