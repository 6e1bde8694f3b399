// `remind digest`, `remind stale`, `reminders` and `forget` for the two channel-wide kinds, through the real parser
// and the real reminder commands over a real SQLite store: set, changed in place when asked again, listed with
// their next post, removed; countries resolved (several, typos); replies in the channel's language.
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.js';
import type { ChannelCommand } from '../../src/core/commands/command-registry.js';
import { parseCommand } from '../../src/core/parse-command.js';
import type { RequestContext } from '../../src/core/ports.js';
import { createReminderCommands } from '../../src/reminders/create-reminder-commands.js';
import { createReminderStore } from '../../src/reminders/kysely-reminder-store.js';
import { sqliteBackend } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';
import { RecordingDelivery, makeDataset, slackChannel } from './fixtures.js';

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.cleanup();
  backend = undefined;
});

const NOW = new Date('2026-11-25T10:00:00Z'); // a Wednesday; MONUSCO expires on 20 December
const ctx = (over: Partial<RequestContext> = {}): RequestContext => ({
  platform: 'slack',
  channel: slackChannel('C100'),
  userId: 'U1',
  ...over,
});

async function setUp(dataset = makeDataset()) {
  backend = sqliteBackend();
  const store = createReminderStore(await backend.open());
  const commands = createReminderCommands({
    records: store.records,
    dataset: () => dataset,
    clock: fixedClock(NOW),
    deliveries: { slack: new RecordingDelivery() },
    defaultTz: 'Europe/Paris',
  });
  const run = (text: string, context = ctx()) => {
    const command = parseCommand(text);
    if (command.kind === 'invalid') throw new Error(`${text}: ${command.message}`);
    return commands.handle(command as ChannelCommand, context);
  };
  return { store, run };
}

describe('remind digest', () => {
  it('sets the channel’s digest, says when it comes and what it would say today', async () => {
    const { store, run } = await setUp();
    const a = await run('remind digest');
    const [digest] = await store.records.listByChannel('slack:T1:C100');
    expect(digest).toMatchObject({
      kind: 'digest',
      weekday: 1,
      at: '09:00',
      tz: 'Europe/Paris',
      withinDays: 30,
      countries: [],
      always: false,
      createdBy: 'U1',
    });
    expect(a).toMatchObject({
      kind: 'remind-digest',
      outcome: 'answered',
      title: 'Weekly digest set for this channel',
      subtitle: `digest ${digest!.id}`,
    });
    expect(a.sections[0]!.items.map((i) => [i.label, i.text])).toEqual([
      ['Next digest', '30 November 2026, 09:00 Europe/Paris'],
      [undefined, 'Today it would list 1 date.'],
      [
        undefined,
        'A week with nothing falling due and nothing expired without renewal is not posted; add `always` to have it posted anyway.',
      ],
    ]);
    expect(a.actions.map((x) => x.command)).toEqual(['renewals within 30d', `forget ${digest!.id}`]);
  });

  it('changes the digest in place when asked again, and keeps one per channel', async () => {
    const { store, run } = await setUp();
    await run('remind digest');
    const [before] = await store.records.listByChannel('slack:T1:C100');
    const a = await run('remind digest on friday at 08:30 tz UTC within 14d mali, drc always');
    const after = await store.records.listByChannel('slack:T1:C100');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      id: before!.id,
      weekday: 5,
      at: '08:30',
      tz: 'UTC',
      withinDays: 14,
      countries: ['mali', 'democratic-republic-of-the-congo'],
      always: true,
    });
    expect(a.title).toBe('Weekly digest of this channel changed');
    expect(a.sections[0]!.items[0]).toMatchObject({
      text: '27 November 2026, 08:30 UTC',
      detail:
        'Fridays at 08:30 UTC, the next 14 days, Mali, Democratic Republic of the Congo, even when there is nothing to say',
    });
  });

  it('reads several countries written with spaces, forgives a typo, and says which name matches nothing', async () => {
    const { store, run } = await setUp();
    await run('remind digest mali drc');
    expect((await store.records.listByChannel('slack:T1:C100'))[0]).toMatchObject({
      countries: ['mali', 'democratic-republic-of-the-congo'],
    });
    await run('remind digest mlai');
    expect((await store.records.listByChannel('slack:T1:C100'))[0]).toMatchObject({ countries: ['mali'] });
    const miss = await run('remind digest atlantis');
    expect(miss).toMatchObject({ outcome: 'no-match', title: 'No country matches "atlantis"' });
    expect(miss.sections[0]!.items[0]!.text).toMatch(/^A digest follows countries\. Try one of: /);
    expect((await store.records.listByChannel('slack:T1:C100'))[0]).toMatchObject({ countries: ['mali'] });
  });

  it('is listed by `reminders` with its next post, and removed by `forget`', async () => {
    const { store, run } = await setUp();
    await run('remind digest on tuesday within 60d');
    await run('remind stale at 08:00');
    // Both set at the same instant: listed by id then, so found by kind here.
    const listed = await store.records.listByChannel('slack:T1:C100');
    const digest = listed.find((r) => r.kind === 'digest');
    const stale = listed.find((r) => r.kind === 'stale');
    const list = await run('reminders');
    const byId = (a: { label?: string }, b: { label?: string }) =>
      a.label === digest!.id ? -1 : b.label === digest!.id ? 1 : 0;
    expect([...list.sections[0]!.items].sort(byId)).toEqual([
      {
        label: digest!.id,
        text: 'Weekly digest: Tuesdays at 09:00 Europe/Paris, the next 60 days, all countries',
        detail: 'next digest: 1 December 2026, 09:00 Europe/Paris',
        tone: 'normal',
      },
      {
        label: stale!.id,
        text: 'Curator notices: the morning after an expiry with no renewal recorded, at 08:00 Europe/Paris',
        detail:
          'next possible notice: 21 December 2026, 08:00 Europe/Paris, if MONUSCO has no renewal recorded by then',
        tone: 'normal',
      },
    ]);
    expect(list.actions.map((x) => x.label).sort()).toEqual(['Stop curator notices', 'Stop this digest']);
    const forgot = await run(`forget ${digest!.id}`);
    expect(forgot.title).toBe(`Reminder ${digest!.id} removed`);
    expect(forgot.sections[0]!.items[0]!.text).toBe('The weekly digest will not be posted any more.');
    expect((await store.records.listByChannel('slack:T1:C100')).map((r) => r.kind)).toEqual(['stale']);
  });

  it('answers in the channel’s language, listing and forgetting included', async () => {
    const { run, store } = await setUp();
    const a = await run('remind digest on lundi', ctx({ lang: 'fr' }));
    expect(a).toMatchObject({ lang: 'fr', title: 'Digest hebdomadaire programmé pour ce canal' });
    expect(a.sections[0]!.items[0]).toMatchObject({
      label: 'Prochain digest',
      text: '30 novembre 2026, 09:00 Europe/Paris',
      detail: 'le lundi à 09:00 Europe/Paris, les 30 prochains jours, tous les pays',
    });
    await run('remind stale', ctx({ lang: 'fr' }));
    const list = await run('reminders', ctx({ lang: 'fr' }));
    expect(list.sections[0]!.items.map((i) => i.text).sort()).toEqual([
      'Alertes de curation\u00a0: le lendemain d’une expiration sans renouvellement enregistré, à 09:00 Europe/Paris',
      'Digest hebdomadaire\u00a0: le lundi à 09:00 Europe/Paris, les 30 prochains jours, tous les pays',
    ]);
    const digest = (await store.records.listByChannel('slack:T1:C100')).find((r) => r.kind === 'digest');
    const forgot = await run(`forget ${digest!.id}`, ctx({ lang: 'fr' }));
    expect(forgot.sections[0]!.items[0]!.text).toBe('Le digest hebdomadaire ne sera plus publié.');
  });
});

describe('remind stale', () => {
  it('sets curator notices, lists what is already stale, and changes their time when asked again', async () => {
    const { store, run } = await setUp(makeDataset({ monuscoExpires: '2026-11-20' }));
    const a = await run('remind stale');
    const [stale] = await store.records.listByChannel('slack:T1:C100');
    expect(stale).toMatchObject({ kind: 'stale', at: '09:00', tz: 'Europe/Paris' });
    expect(a.title).toBe('Curator notices set for this channel');
    expect(a.sections[1]).toMatchObject({
      heading: 'Already expired with no renewal recorded (no notice for these)',
      items: [
        expect.objectContaining({
          label: 'MONUSCO',
          text: '20 November 2026, under SCR 2808 (2025)',
          detail: 'Data as of 19 December 2025',
          tone: 'warning',
          cite: [expect.objectContaining({ sourceId: 'un-sc-16260' })],
        }),
      ],
    });
    const again = await run('remind stale at 07:00 tz UTC');
    expect(again.title).toBe('Curator notices of this channel changed');
    expect(await store.records.listByChannel('slack:T1:C100')).toEqual([
      expect.objectContaining({ id: stale!.id, at: '07:00', tz: 'UTC' }),
    ]);
  });

  it('says so when nothing is stale, in French too', async () => {
    const { run } = await setUp();
    const a = await run('remind stale', ctx({ lang: 'fr' }));
    expect(a.title).toBe('Alertes de curation programmées pour ce canal');
    expect(a.sections[1]!.items).toEqual([{ text: 'Rien n’est périmé aujourd’hui.', tone: 'gap' }]);
  });
});
