// Teams reminder replies in French, through botbuilder's real CloudAdapter with real activities and the real reminder
// store: a fr-FR user's remind, remind "<text>" at …, reminders and forget are answered in French ("conversation",
// not "channel"); a channel's `lang en` comes before the user's locale; a fault and the rate limit are answered in
// French too.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { createRateLimiter } from '../../../src/http/rate-limit.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { askForCardText } from './support/card-text.js';
import { NOW, fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

let connector: BotConnectorStandIn;
const harnesses: TeamsHarness[] = [];
beforeAll(async () => {
  connector = await startBotConnectorStandIn();
});
afterAll(async () => {
  for (const h of harnesses) await h.close();
  await connector.close();
});

async function start(options: Parameters<typeof startTeamsHarness>[0]): Promise<TeamsHarness> {
  const harness = await startTeamsHarness(options);
  harnesses.push(harness);
  return harness;
}

async function ask(harness: TeamsHarness, name: string, text: string, locale: string): Promise<string> {
  return askForCardText(harness, connector.url, name, text, locale);
}

const ENGLISH = /Reminders set|Next reminders|Stop these reminders|List reminders|No reminders|this conversation/;

describe('Teams reminder replies for a fr-FR user', () => {
  let harness: TeamsHarness;
  beforeAll(async () => {
    harness = await start({ reminders: true });
  });
  const fr = (text: string) => ask(harness, 'message-personal', text, 'fr-FR');

  it('answers remind, reminders and forget in French', async () => {
    expect(await fr('reminders')).toContain('Aucun rappel dans cette conversation');
    const set = await fr('remind drc 7d');
    expect(set).toContain('Rappels programmés pour République démocratique du Congo dans cette conversation');
    expect(set).toContain('Prochains rappels');
    expect(set).toContain('7 jours avant\u00a0: MONUSCO\u00a0: expiration du mandat');
    expect(set).toContain('Arrêter ces rappels');
    expect(set).not.toMatch(ENGLISH);
    expect(await fr('remind drc')).toContain(
      'Cette conversation a déjà des rappels pour République démocratique du Congo',
    );

    const once = await fr('remind "Point sur la MONUSCO" at 2026-12-01T10:00:00+01:00');
    expect(once).toMatch(/Rappel [a-z0-9]+ programmé/);
    expect(once).toContain('1 décembre 2026, 09:00 UTC');

    const list = await fr('reminders');
    expect(list).toContain('Rappels dans cette conversation (2)');
    expect(list).toContain('« Point sur la MONUSCO » le 1 décembre 2026, 09:00 UTC');
    expect(list).not.toMatch(ENGLISH);

    const id = /Rappel ([a-z0-9]+) programmé/.exec(once)![1]!;
    expect(await fr(`forget ${id}`)).toContain(`Rappel ${id} supprimé`);
    expect(await fr('forget zzzzzz')).toContain('Aucun rappel zzzzzz dans cette conversation');
  });

  it("follows a channel's `lang en` before the user's locale", async () => {
    const mention = (text: string) => ask(harness, 'message-channel-mention', `<at>caac-bot</at> ${text}`, 'fr-FR');
    expect(await mention('reminders')).toContain('Aucun rappel dans cette conversation');
    await mention('lang en');
    expect(await mention('reminders')).toContain('No reminders in this conversation');
  });

  it('apologises for a fault in French', async () => {
    // The reminders table gone from under the running bot: `reminders` fails, the channel's `lang` still reads.
    await sql`ALTER TABLE reminders RENAME TO reminders_gone`.execute(harness.storage.db);
    const text = await fr('reminders');
    expect(text).toContain('Un problème est survenu de notre côté');
    expect(text).not.toContain('Something went wrong');
    expect(await ask(harness, 'message-personal', 'reminders', 'en-US')).toContain('Something went wrong on our side');
  });
});

describe('the Teams search box for a fr-FR user', () => {
  it('says in French that nothing matches', async () => {
    const harness = await start({});
    const activity = fixture('compose-extension-query', { serviceUrl: connector.url, locale: 'fr-FR' });
    activity.value = { commandId: 'searchQuery', parameters: [{ name: 'searchQuery', value: 'zzqx' }] };
    const res = await harness.post(activity);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      composeExtension: {
        type: 'message',
        text: 'Aucun pays ni aucune partie ne correspond à « zzqx ». Essayez un pays (mali, rdc) ou une partie (mnla).',
      },
    });
  });
});

describe('Teams over the rate limit', () => {
  it('asks a fr-FR user for a moment in French', async () => {
    const rateLimiter = createRateLimiter({ clock: fixedClock(NOW), perUser: { capacity: 1, perMinute: 2 } });
    const harness = await start({ rateLimiter });
    expect(await ask(harness, 'message-personal', 'codes', 'fr-FR')).toContain('Codes et symboles');
    const refused = await ask(harness, 'message-personal', 'codes', 'fr-FR');
    expect(refused).toContain('Un instant, s’il vous plaît');
    expect(refused).toContain('Vous avez envoyé beaucoup de commandes en peu de temps. Veuillez réessayer dans 30');
  });
});
