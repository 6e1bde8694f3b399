// Every kind of answer the bot can produce, from the real dataset: each command of the grammar (for every country,
// party and mission), typos, no match, usage errors, the reminder commands of a Teams conversation, the proactive
// reminder messages and the welcome. For tests that must hold for all of them (cards that parse, citations once).
import type { Answer } from '../../src/core/answer.js';
import { fixedClock } from '../../src/core/clock.js';
import { createCore } from '../../src/core/create-core.js';
import { parseCommand } from '../../src/core/parse-command.js';
import type { ChannelRef, RequestContext } from '../../src/core/ports.js';
import { channelKey } from '../../src/core/ports.js';
import { calendarEvents } from '../../src/dataset/calendar-events.js';
import { entityCommand, listEntities } from '../../src/dataset/resolver.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { welcomeAnswer } from '../../src/platforms/teams/welcome.js';
import { createReminderCommands } from '../../src/reminders/create-reminder-commands.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { oneOffMessage, reminderMessage } from '../../src/reminders/reminder-message.js';
import type { SubscriptionReminder } from '../../src/reminders/reminder.js';
import { realDataset } from './real-dataset.js';
import { sqliteBackend } from './test-databases.js';

/** "Now" for these answers: Mali's and the DRC's events on both sides of it. */
const NOW = new Date('2026-11-28T10:00:00.000Z');

const teamsChannel: ChannelRef = { platform: 'teams', workspaceId: 'tenant-1', channelId: '19:every@thread.tacv2' };

/** The dataset-only commands: every command of the grammar, for every country, party and mission. */
export function everyCommand(dataset: Dataset): string[] {
  const countries = listEntities(dataset, 'country').map(entityCommand);
  const parties = listEntities(dataset, 'party').map(entityCommand);
  const missions = listEntities(dataset, 'mission').map(entityCommand);
  return [
    'help',
    'help remind',
    'codes',
    'renewals',
    'search recruitment',
    'search zzzqqq',
    'mlai',
    'ansar edine',
    'atlantis',
    'recs',
    'figures atlantis',
    ...countries.flatMap((c) => [c, `recs ${c}`, `figures ${c}`, `sources ${c}`, `renewals ${c}`]),
    ...parties.flatMap((p) => [p, `group ${p}`]),
    ...missions,
  ];
}

/** Every answer, labelled by the command (or message) that produced it. */
export async function everyAnswer(): Promise<{ label: string; answer: Answer }[]> {
  const dataset = await realDataset();
  const clock = fixedClock(NOW);
  const backend = sqliteBackend();
  try {
    const store = createReminderStore(await backend.open());
    const reminders = createReminderCommands({
      records: store.records,
      dataset: () => dataset,
      clock,
      deliveries: {
        teams: { canPost: async () => ({ ok: true }), deliver: async () => ({ kind: 'delivered' }) },
      },
    });
    const core = createCore({ dataset: () => dataset, clock, reminders });
    const context: RequestContext = { platform: 'teams', channel: teamsChannel, userId: 'user-1' };
    const out: { label: string; answer: Answer }[] = [];
    const run = async (text: string) =>
      out.push({ label: text, answer: await core.answer(parseCommand(text), context) });
    for (const text of everyCommand(dataset)) await run(text);
    for (const text of ['remind drc', 'remind mali 14d,2d at 08:30 tz Europe/Paris', 'remind atlantis'])
      await run(text);
    await run('remind "Mali consultations" at 2026-12-03T09:30:00+01:00');
    await run('reminders');
    const stored = await store.records.listByChannel(channelKey(teamsChannel));
    await run('forget nope');
    const subscription = stored.find(
      (r): r is SubscriptionReminder =>
        r.kind === 'subscription' && r.target.kind === 'country' && r.target.id !== 'mali',
    );
    const oneOff = stored.find((r) => r.kind === 'once');
    if (!subscription) throw new Error('remind drc stored no subscription');
    const event = calendarEvents(dataset).find((e) => e.countryId === subscription.target.id);
    if (!event) throw new Error('no dated event for the first subscription: the dataset changed');
    out.push({
      label: 'reminder message',
      answer: reminderMessage({ reminder: subscription, event, dataset, now: NOW }),
    });
    if (oneOff?.kind === 'once') out.push({ label: 'one-off message', answer: oneOffMessage(oneOff) });
    await run(`forget ${subscription.id}`);
    out.push({ label: 'welcome', answer: welcomeAnswer('en') }, { label: 'welcome fr', answer: welcomeAnswer('fr') });
    return out;
  } finally {
    await backend.cleanup();
  }
}
