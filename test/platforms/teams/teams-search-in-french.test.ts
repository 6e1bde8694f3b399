// The Teams search box (messaging extension) for a fr-FR user, through botbuilder's real CloudAdapter: the result
// previews name the country in French and say what each result is in French ("Partie au conflit · Mali").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

interface Previews {
  composeExtension: { attachments?: { preview: { content: { title: string; subtitle?: string } } }[] };
}

let connector: BotConnectorStandIn;
let harness: TeamsHarness;
beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  harness = await startTeamsHarness({});
});
afterAll(async () => {
  await harness.close();
  await connector.close();
});

async function search(value: string, locale: string) {
  const activity = fixture('compose-extension-query', { serviceUrl: connector.url, locale });
  activity.value = { commandId: 'searchQuery', parameters: [{ name: 'searchQuery', value }] };
  const res = await harness.post(activity);
  expect(res.status).toBe(200);
  return ((res.json() as Previews).composeExtension.attachments ?? []).map((a) => a.preview.content);
}

describe('the Teams search box in French', () => {
  it('names a country in French, and says what each result is in French', async () => {
    expect((await search('rdc', 'fr-FR'))[0]).toEqual({
      title: 'République démocratique du Congo',
      subtitle: 'Pays',
      text: expect.any(String),
    });
    const mnla = (await search('mnla', 'fr-FR')).find((p) => p.title.includes('Azawad'));
    expect(mnla?.subtitle).toBe('Partie au conflit · Mali');
  });

  it('stays in English for an en-US user', async () => {
    const mnla = (await search('mnla', 'en-US')).find((p) => p.title.includes('Azawad'));
    expect(mnla?.subtitle).toBe('Party to conflict · Mali');
  });
});
