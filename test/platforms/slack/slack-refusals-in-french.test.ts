// The answers Slack gets when nothing was looked up, in the channel's language (`lang fr`), through the running
// service and Bolt's real receiver with signed requests: "one moment" over the rate limit (a real limiter), and
// "install the bot again" from a workspace with no installation (OAuth mode; the channel's language was kept).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { channelKey } from '../../../src/core/ports.js';
import { createRateLimiter } from '../../../src/http/rate-limit.js';
import { createChannelLanguageStore } from '../../../src/storage/channel-languages.js';
import { openDatabase } from '../../../src/storage/open-database.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';

const slash = JSON.parse(
  readFileSync(new URL('../../fixtures/slack/slash-command.json', import.meta.url), 'utf8'),
) as Record<string, string>;
const SECRET = 'test-signing-secret-0123456789';
const clock = fixedClock(new Date('2026-12-05T09:00:00Z'));

let slack: SlackStandIn | undefined;
let service: TestService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});
afterAll(async () => {
  await slack?.close();
});

async function ask(text: string, channel: string, user = 'U0123USER'): Promise<string> {
  const body = slashCommandBody({ ...slash, text, channel_id: channel, user_id: user });
  const res = await postSigned(service!.base, SECRET, body);
  expect(res.status).toBe(200);
  return await res.text();
}

describe('over the rate limit', () => {
  it('asks for a moment in French in a French channel, in English elsewhere', async () => {
    slack = await startSlackStandIn();
    // A real limiter: two commands per user, then one a minute.
    const rateLimiter = createRateLimiter({ clock, perUser: { capacity: 2, perMinute: 1 } });
    service = await startTestService(
      { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl },
      { scheduler: false, rateLimiter, clock },
      'caac-slack-limit-fr-',
    );
    expect(await ask('lang fr', 'C0123MALI', 'U1')).toContain('Désormais');
    expect(await ask('codes', 'C0123MALI', 'U1')).toContain('Codes et symboles');
    const refused = await ask('codes', 'C0123MALI', 'U1');
    expect(refused).toContain('Un instant, s’il vous plaît');
    expect(refused).toContain('Vous avez envoyé beaucoup de commandes en peu de temps. Veuillez réessayer dans 60');
    expect(refused).not.toMatch(/One moment|try again/);

    expect(await ask('codes', 'C0999OTHER', 'U2')).toContain('Codes and markers');
    await ask('codes', 'C0999OTHER', 'U2');
    expect(await ask('codes', 'C0999OTHER', 'U2')).toContain('You have sent a lot of commands in a short time.');
  });
});

describe('a workspace without the app installed', () => {
  it('is told to reinstall in the language its channel chose', async () => {
    slack ??= await startSlackStandIn();
    service = await startTestService(
      {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_CLIENT_ID: '1111.2222',
        SLACK_CLIENT_SECRET: 'client-secret-for-tests',
        SLACK_STATE_SECRET: 'state-secret-0123456789',
        CAAC_SECRETS_KEY: randomBytes(32).toString('base64'),
        SLACK_API_URL: slack.apiUrl,
      },
      { scheduler: false, clock },
      'caac-slack-uninstalled-fr-',
    );
    // The channel chose French while the app was installed; the installation is gone, the choice is kept.
    const storage = await openDatabase({ sqlitePath: join(service.dir, 'caac.sqlite') });
    try {
      const key = channelKey({ platform: 'slack', workspaceId: slash.team_id!, channelId: 'C0123MALI' });
      await createChannelLanguageStore(storage.db, () => clock.now()).set(key, 'fr');
    } finally {
      await storage.close();
    }
    const fr = JSON.parse(await ask('mali', 'C0123MALI')) as { response_type: string; text: string };
    expect(fr.response_type).toBe('ephemeral');
    expect(fr.text).toContain('Le bot n’est pas installé dans cet espace de travail');
    expect(fr.text).toContain('/slack/install');
    const en = JSON.parse(await ask('mali', 'C0999OTHER')) as { text: string };
    expect(en.text).toMatch(/^The bot is not installed in this workspace/);
  });
});
