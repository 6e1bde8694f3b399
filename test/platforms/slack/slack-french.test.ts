// Slack in French: `lang fr` in a channel, through Bolt's real receiver with correctly signed slash commands, stores
// the channel's language; from then on every answer there is French (the Block Kit labels included), other channels
// stay English, and `lang en` brings it back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';

const slash = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/slash-command.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const SECRET = 'test-signing-secret-0123456789';

let slack: SlackStandIn;
let service: TestService;

beforeAll(async () => {
  slack = await startSlackStandIn();
  service = await startTestService(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl },
    {
      scheduler: false,
      rateLimiter: { take: () => ({ ok: true }), size: () => 0 },
      clock: fixedClock(new Date('2026-12-05T09:00:00Z')),
    },
    'caac-slack-fr-',
  );
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
});

/** The acknowledgement of `/caac <text>` typed in `channel`, as JSON text. */
async function command(text: string, channel = 'C0123MALI'): Promise<string> {
  const body = slashCommandBody({ ...slash, text, channel_id: channel, response_url: slack.responseUrl('cmd') });
  const res = await postSigned(service.base, SECRET, body);
  expect(res.status).toBe(200);
  return await res.text();
}

describe('Slack after `lang fr`', () => {
  it('shows the default, then sets French for this channel only', async () => {
    expect(await command('lang')).toContain('This channel uses the default language, English.');
    expect(await command('lang fr')).toContain('Désormais, ce canal reçoit réponses, rappels et résumés en français.');
    expect(await command('lang')).toContain('Langue de ce canal\u00a0: français.');
    expect(await command('codes', 'C0999OTHER')).toContain("Codes and markers of the Secretary-General's annexes");
  });

  it.each([
    ['mali', ['Mali — enfants et conflits armés', 'Parties inscrites (rapport annuel', 'Partager dans le canal']],
    ['renewals mali', ['Échéances et événements datés — Mali', 'il y a']],
    ['recs mali', ['Recommandations — Mali', 'en anglais', 'Au Conseil de sécurité']],
    ['codes', ['Codes et symboles', 'Meurtres et mutilations d’enfants']],
    ['help', ['Rechercher', 'lang fr']],
    ['lang de', ['« de » n’est pas une langue que caac parle', 'Syntaxe']],
  ])('answers %s in French', async (text, expected) => {
    const body = await command(text);
    for (const e of expected) expect(body).toContain(e);
    expect(body).not.toMatch(/Share in channel|· as of |Sources?: |Look things up|"Usage"/);
  });

  it('goes back to English with `lang en`', async () => {
    expect(await command('lang en')).toContain(
      'From now on this channel gets answers, reminders and digests in English.',
    );
    expect(await command('mali')).toContain('Mali — children and armed conflict');
  });
});
