// Reminder replies name the place they were asked from in the platform's words: a Slack channel, a Teams
// conversation (which may be a chat, not a channel). Through the real reminder commands and a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { ChannelRef, RequestContext } from '../../src/core/ports.js';
import { createReminderCommands } from '../../src/reminders/create-reminder-commands.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { RecordingDelivery, makeDataset, slackChannel } from './fixtures.js';
import { sqliteBackend } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

const teamsChat: ChannelRef = { platform: 'teams', workspaceId: 'tenant-1', channelId: '19:chat-abc@thread.v2' };

async function commandsFor() {
  backend = sqliteBackend();
  const store = createReminderStore(await backend.open());
  const delivery = new RecordingDelivery();
  return createReminderCommands({
    records: store.records,
    dataset: () => makeDataset(),
    clock: fixedClock(new Date('2026-11-01T10:00:00Z')),
    deliveries: { slack: delivery, teams: delivery },
    defaultTz: 'Europe/Paris',
  });
}

describe('reminder replies', () => {
  it('speak of a conversation in Teams', async () => {
    const commands = await commandsFor();
    const ctx: RequestContext = { platform: 'teams', channel: teamsChat, userId: 'u1' };
    expect((await commands.handle({ kind: 'reminders' }, ctx)).title).toBe('No reminders in this conversation');
    const set = await commands.handle({ kind: 'remind', target: 'DRC', leadDays: [30, 7, 1], at: '09:00' }, ctx);
    expect(set.title).toBe('Reminders set for Democratic Republic of the Congo in this conversation');
    const again = await commands.handle({ kind: 'remind', target: 'DRC', leadDays: [30, 7, 1], at: '09:00' }, ctx);
    expect(again.title).toBe('This conversation is already reminded about Democratic Republic of the Congo');
    const listed = await commands.handle({ kind: 'reminders' }, ctx);
    expect(listed.title).toBe('Reminders in this conversation (1)');
    expect(listed.summary).toBe('1 reminder in this conversation');
    expect((await commands.handle({ kind: 'forget', id: 'zzzzzz' }, ctx)).title).toBe(
      'No reminder zzzzzz in this conversation',
    );
  });

  it('keep "this channel" in Slack', async () => {
    const commands = await commandsFor();
    const ctx: RequestContext = { platform: 'slack', channel: slackChannel(), userId: 'U1' };
    const set = await commands.handle({ kind: 'remind', target: 'DRC', leadDays: [7], at: '09:00' }, ctx);
    expect(set.title).toBe('Reminders set for Democratic Republic of the Congo in this channel');
  });
});
