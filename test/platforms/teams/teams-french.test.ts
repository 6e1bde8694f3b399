// Teams in French: a fr-FR user gets every answer kind in French through botbuilder's real CloudAdapter (the
// activity's locale), and a channel's `lang` setting, stored in the database, comes before the user's locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { askForCardText } from './support/card-text.js';
import { startTeamsHarness } from './support/teams-harness.js';
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

async function ask(name: string, text: string, locale: string): Promise<string> {
  return askForCardText(harness, connector.url, name, text, locale);
}

describe('Teams for a fr-FR user', () => {
  it.each([
    [
      'mali',
      ['Mali — enfants et conflits armés', 'Parties inscrites', 'Source\u00a0:', 'Recommandations', 'situation en'],
    ],
    ['renewals mali', ['Échéances et événements datés — Mali', 'Passés', 'il y a']],
    ['recs mali', ['Recommandations — Mali', 'citées mot pour mot, en anglais', 'Au Conseil de sécurité']],
    ['codes', ['Codes et symboles', 'Recrutement et utilisation d’enfants', '(en anglais)']],
    ['help', ['Rechercher', 'Rappels (dans un canal Slack ou une conversation Teams)', 'lang fr']],
    ['drc', ['République démocratique du Congo', 'Sanctions RDC (1533)']],
  ])('answers %s in French', async (command, expected) => {
    const text = await ask('message-personal', command, 'fr-FR');
    for (const e of expected) expect(text).toContain(e);
    expect(text).not.toMatch(/· as of |Source: |Renewals|Recommendations on|Look things up|Share in channel|Show more/);
  });

  it('answers an en-US user in English', async () => {
    const text = await ask('message-personal', 'mali', 'en-US');
    expect(text).toContain('Mali — children and armed conflict');
    expect(text).toContain('Source: ');
  });

  it("follows a channel's `lang en` before the user's locale, and `lang` says which it is", async () => {
    const set = await ask('message-channel-mention', '<at>caac-bot</at> lang en', 'fr-FR');
    expect(set).toContain('From now on this channel gets answers, reminders and digests in English.');
    expect(await ask('message-channel-mention', '<at>caac-bot</at> codes', 'fr-FR')).toContain(
      "Codes and markers of the Secretary-General's annexes",
    );
    await ask('message-channel-mention', '<at>caac-bot</at> lang fr', 'en-GB');
    expect(await ask('message-channel-mention', '<at>caac-bot</at> lang', 'en-GB')).toContain(
      'Langue de ce canal\u00a0: français.',
    );
    expect(await ask('message-channel-mention', '<at>caac-bot</at> codes', 'en-GB')).toContain('Codes et symboles');
  });
});
