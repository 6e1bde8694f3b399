// Setting a channel's curator notices when the ones the request read were forgotten meanwhile (another request's
// `forget`): they are set afresh, not refused as "too many reminders". On SQLite, through the real store.
import { afterEach, expect, it } from 'vitest';
import type { RequestContext } from '../../src/core/ports.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { remindStale } from '../../src/reminders/remind-stale.js';
import { MAX_REMINDERS_PER_CHANNEL } from '../../src/reminders/reminder-commands-deps.js';
import { sqliteBackend } from '../support/test-databases.js';
import { makeDataset, slackChannel } from './fixtures.js';

const NOW = new Date('2026-11-01T10:00:00Z');
const channel = slackChannel('C0FORGOT');
const ctx: RequestContext = { platform: 'slack', channel, userId: 'U1' };
const backend = sqliteBackend();
afterEach(() => backend.cleanup());

it('notices forgotten between the read of the channel and the change are added again', async () => {
  const { records } = createReminderStore(await backend.open());
  const first = await records.add({ kind: 'stale', channel, at: '09:00', tz: 'Europe/Paris' }, NOW, {
    maxPerChannel: MAX_REMINDERS_PER_CHANNEL,
  });
  if (first.kind !== 'added') throw new Error('the first notices were not added');
  const existing = await records.listByChannel(first.reminder.channelKey);
  expect(await records.remove(first.reminder.id, first.reminder.channelKey)).toBe(true);

  const input = { records, dataset: makeDataset(), now: NOW, defaultTz: 'Europe/Paris', existing };
  const answer = await remindStale({ kind: 'remind-stale', at: '08:00' }, ctx, input);

  expect(answer.outcome).toBe('answered');
  const now = await records.listByChannel(first.reminder.channelKey);
  expect(now).toHaveLength(1);
  expect(now[0]).toMatchObject({ kind: 'stale', at: '08:00' });
  expect(now[0]!.id).not.toBe(first.reminder.id);
  expect(answer.subtitle).toContain(now[0]!.id);
});
