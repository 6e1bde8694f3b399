// Slack reminder replies in French, through the running service and Bolt's real receiver with correctly signed
// requests: after `lang fr` in a channel, remind, remind "<text>" at …, reminders and forget answer in French (through
// response_url, as every reminder command); the Home tab follows the `lang` of the app's Messages tab; a fault is
// apologised for in French; another channel stays English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';

const fixtures = new URL('../../fixtures/slack/', import.meta.url);
const slash = JSON.parse(readFileSync(new URL('slash-command.json', fixtures), 'utf8')) as Record<string, string>;
const shareAction = JSON.parse(readFileSync(new URL('block-actions-share.json', fixtures), 'utf8')) as Record<
  string,
  unknown
>;
const homeOpened = JSON.parse(readFileSync(new URL('event-app-home-opened.json', fixtures), 'utf8')) as {
  event: { channel: string };
};
const SECRET = 'test-signing-secret-0123456789';
const FR = 'C0123MALI';
const EN = 'C0999OTHER';

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
    'caac-slack-reminders-fr-',
  );
});

afterAll(async () => {
  await service?.stop();
  await slack?.close();
});

beforeEach(() => {
  slack.apiCalls.length = 0;
  slack.responses.length = 0;
});

/** The acknowledgement of `/caac <text>` typed in `channel`, as JSON text. */
async function ack(text: string, channel: string): Promise<string> {
  const body = slashCommandBody({ ...slash, text, channel_id: channel, response_url: slack.responseUrl('ack') });
  const res = await postSigned(service.base, SECRET, body);
  expect(res.status).toBe(200);
  return await res.text();
}

/** A reminder command's answer: acknowledged empty at once, then posted to response_url (as JSON text). */
async function remindCommand(text: string, channel = FR): Promise<string> {
  slack.responses.length = 0;
  const body = slashCommandBody({ ...slash, text, channel_id: channel, response_url: slack.responseUrl('remind') });
  const res = await postSigned(service.base, SECRET, body);
  expect(res.status).toBe(200);
  await slack.waitFor(() => slack.responses.length === 1);
  return JSON.stringify(slack.responses[0]!.body);
}

const ENGLISH =
  /Reminders set|Next reminders|Stop these reminders|List reminders|No reminders in|Reminder \w+ (set|removed)|this channel/;

describe('Slack reminder replies after `lang fr`', () => {
  beforeAll(async () => {
    expect(await ack('lang fr', FR)).toContain('Désormais, ce canal reçoit');
  });

  it('answers remind in French, with the French names and the next reminders', async () => {
    const body = await remindCommand('remind drc 30d,7d at 09:00 tz Europe/Paris');
    expect(body).toContain('Rappels programmés pour République démocratique du Congo dans ce canal');
    expect(body).toMatch(/Rappel [a-z0-9]+\u00a0: 30d, 7d à 09:00 Europe\/Paris/);
    expect(body).toContain('Prochains rappels');
    expect(body).toMatch(/\d+ jours avant\u00a0: /);
    expect(body).toContain('Ouvrir la fiche République démocratique du Congo');
    expect(body).toContain('Arrêter ces rappels');
    expect(body).not.toMatch(ENGLISH);
    const again = await remindCommand('remind drc 7d');
    expect(again).toContain('Ce canal a déjà des rappels pour République démocratique du Congo');
    expect(again).toContain('Pour changer son calendrier');
  });

  it('answers a name it does not know and a time past in French', async () => {
    expect(await remindCommand('remind narnia')).toContain('Aucun pays ni aucune mission ne correspond à « narnia »');
    const past = await remindCommand('remind "Réunion" at 2026-01-05T09:00:00+01:00');
    expect(past).toContain('Cette heure est déjà passée');
    expect(past).toContain('Il est maintenant 5 décembre 2026, 09:00 UTC');
  });

  it('sets a one-off, lists the reminders and forgets one, in French', async () => {
    const once = await remindCommand('remind "Consultations sur le Mali" at 2026-12-10T09:30:00+01:00');
    const id = /Rappel ([a-z0-9]+) programmé/.exec(once)?.[1];
    expect(id).toBeDefined();
    expect(once).toContain('programmé pour le 10 décembre 2026, 08:30 UTC');
    expect(once).toContain('Annuler ce rappel');
    expect(once).toContain('Voir les rappels');

    const list = await remindCommand('reminders');
    expect(list).toContain('Rappels dans ce canal (2)');
    expect(list).toContain('« Consultations sur le Mali » le 10 décembre 2026, 08:30 UTC');
    expect(list).toContain('République démocratique du Congo\u00a0: 30d, 7d à 09:00 Europe/Paris');
    expect(list).toContain(
      'prochain\u00a0: 13 décembre 2026, 09:00 Europe/Paris (7 jours avant «\u00a0MONUSCO\u00a0: expiration du mandat\u00a0»)',
    );
    expect(list).not.toMatch(ENGLISH);

    expect(await remindCommand('forget zzzzzz')).toContain('Aucun rappel zzzzzz dans ce canal');
    const forgot = await remindCommand(`forget ${id}`);
    expect(forgot).toContain(`Rappel ${id} supprimé`);
    expect(forgot).toContain('Le rappel « Consultations sur le Mali » ne sera pas publié.');
  });

  it('says in French why it cannot post in a channel the bot is not in', async () => {
    slack.reply('conversations.info', (b) => ({
      body: { ok: true, channel: { id: b.channel, is_member: false, is_archived: false } },
    }));
    try {
      const body = await remindCommand('remind mali');
      expect(body).toContain('Je ne peux pas publier de rappels dans ce canal');
      expect(body).toContain('le bot n’est pas membre de ce canal');
      expect(body).toContain('Pour y remédier\u00a0: invitez-le avec /invite @caac, puis réessayez');
    } finally {
      slack.reply('conversations.info', (b) => ({
        body: { ok: true, channel: { id: b.channel, is_member: true, is_archived: false } },
      }));
    }
  });

  it('keeps another channel in English', async () => {
    const body = await remindCommand('reminders', EN);
    expect(body).toContain('No reminders in this channel');
    expect(body).toContain('Try: remind mali');
  });
});

describe('the other Slack replies in a French channel', () => {
  it('signs a shared answer in French', async () => {
    const payload = { ...shareAction, response_url: slack.responseUrl('share') };
    const res = await postSigned(
      service.base,
      SECRET,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    );
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
    const shared = JSON.stringify(slack.responses[0]!.body);
    expect(shared).toContain('Partagé par <@U0123USER> avec /caac mali');
    expect(shared).toContain('Mali — enfants et conflits armés');
  });

  it('says in French that a slash command is not ours', async () => {
    const body = slashCommandBody({ ...slash, command: '/caac-old', text: 'mali', channel_id: FR });
    const res = await postSigned(service.base, SECRET, body);
    expect(((await res.json()) as { text: string }).text).toBe(
      'Cette application ne connaît pas la commande /caac-old. Tapez `/caac help` pour voir ce à quoi elle répond.',
    );
  });
});

describe('the Home tab', () => {
  const publishHome = async (): Promise<string> => {
    slack.apiCalls.length = 0;
    const res = await postSigned(service.base, SECRET, JSON.stringify(homeOpened), {
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.apiCalls.some((c) => c.path === 'views.publish'));
    return JSON.stringify(slack.apiCalls.find((c) => c.path === 'views.publish')!.body.view);
  };

  it('is in English until `lang fr` is typed in the app’s Messages tab, then in French', async () => {
    const before = await publishHome();
    expect(before).toContain('Type `/caac help` in any channel');
    expect(before).toContain('Reminders in ');

    expect(await ack('lang fr', homeOpened.event.channel)).toContain('Désormais');
    const after = await publishHome();
    expect(after).toContain('Tapez `/caac help` dans n’importe quel canal');
    expect(after).toContain('Échéances');
    // The channel set to French above, with its reminder, named as the Home tab names channels.
    expect(after).toMatch(/Rappels dans #\S+/);
    expect(after).toContain('République démocratique du Congo\u00a0: 30d, 7d à 09:00 Europe/Paris');
    expect(after).not.toMatch(/Type `\/caac help`|Reminders in |Stop these reminders/);
  });
});

describe('a fault on our side', () => {
  it('is apologised for in the channel’s language', async () => {
    // The reminders table gone from under the running service: `reminders` fails, the channel's `lang` still reads.
    const db = new Database(join(service.dir, 'caac.sqlite'));
    try {
      db.exec('ALTER TABLE reminders RENAME TO reminders_gone');
    } finally {
      db.close();
    }
    const fr = await remindCommand('reminders', FR);
    expect(fr).toContain('Un problème est survenu de notre côté');
    expect(fr).toContain('Réessayez dans un moment');
    const en = await remindCommand('reminders', EN);
    expect(en).toContain('Something went wrong on our side');
  });
});
