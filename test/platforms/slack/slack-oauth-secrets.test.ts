// Issue 18 through the real Bolt OAuth flow, on SQLite and PostgreSQL: installed tokens are sealed at rest (the
// SQLite file's bytes, the PostgreSQL table), expiring tokens are refreshed on requests (Bolt) and before a reminder
// is delivered (the refreshed token is the one that posts), a restart keeps answering and delivering, the key is
// rotated (`caac secrets rotate` with the previous key, and rewrites on read), and a key that opens nothing means
// "reinstall", logged once.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli.js';
import { createLogger } from '../../../src/logging.js';
import { createTestSchema } from '../../support/postgres-schema.js';
import type { TestSchema } from '../../support/postgres-schema.js';
import {
  SIGNING_SECRET,
  isoSecondsAhead,
  postsWith,
  slashCommand,
  uniqueMarker,
} from '../../e2e/support/slack-channel.js';
import { waitUntil } from '../../e2e/support/wait-until.js';
import { captureLogs } from '../../support/capture-logs.js';
import { DATABASE_URL } from '../../support/test-databases.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';
import { installThroughBrowser, rotatingOAuth, tokenOf } from '../../support/rotating-oauth.js';
import type { RotatingOAuth } from '../../support/rotating-oauth.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { SlackStandIn } from '../../support/slack-stand-in.js';

const newKey = () => randomBytes(32).toString('base64');

for (const backend of ['sqlite', 'postgres'] as const) {
  describe.skipIf(backend === 'postgres' && DATABASE_URL === undefined)(`Slack tokens at rest on ${backend}`, () => {
    let slack: SlackStandIn;
    let oauth: RotatingOAuth;
    let dir: string;
    let schema: TestSchema | undefined;
    let service: TestService | undefined;
    let logs = captureLogs();
    const keyA = newKey();
    const keyB = newKey();

    const env = (keys: Record<string, string>): Record<string, string> => ({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret-for-tests',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
      SLACK_API_URL: slack.apiUrl,
      CAAC_SCHEDULER_POLL_MS: '200',
      CAAC_DB_PATH: join(dir, 'caac.sqlite'),
      ...(schema ? { DATABASE_URL: schema.databaseUrl } : {}),
      ...keys,
    });
    const start = async (keys: Record<string, string>) => {
      await service?.stop();
      logs = captureLogs();
      service = await startTestService(env(keys), { logger: createLogger({ level: 'info', destination: logs }) });
      return service.base;
    };
    // Everything the database holds, as bytes or text: the SQLite file and its write-ahead log, or the table.
    const storedText = async (): Promise<string> => {
      if (schema) {
        const rows = await schema.query<{ installation: string }>('select installation from slack_installations');
        return rows.map((r) => r.installation).join('\n');
      }
      const files = ['caac.sqlite', 'caac.sqlite-wal'].map((f) => join(dir, f)).filter((f) => existsSync(f));
      return Buffer.concat(files.map((f) => readFileSync(f))).toString('latin1');
    };
    const expectNoTokenStored = async () => {
      const text = await storedText();
      for (const token of [...oauth.accessTokens, ...oauth.refreshTokens]) expect(text).not.toContain(token);
      expect(text).not.toContain('xoxe');
    };

    beforeAll(async () => {
      slack = await startSlackStandIn();
      oauth = rotatingOAuth(slack, 600); // within the two hours before expiry: every use refreshes first
      dir = mkdtempSync(join(tmpdir(), 'caac-secrets-'));
      if (backend === 'postgres') schema = await createTestSchema(DATABASE_URL!);
      await start({ CAAC_SECRETS_KEY: keyA });
    });

    afterAll(async () => {
      await service?.stop();
      await schema?.drop();
      await slack?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('installs through Bolt and stores no token in plaintext', async () => {
      const redirect = await installThroughBrowser(service!.base);
      expect(redirect.status).toBe(200);
      expect(oauth.accessTokens).toHaveLength(1);
      await expectNoTokenStored();
      expect(await storedText()).toContain('enc:v1:');
    });

    it('refreshes the expiring token on a request (Bolt), answers, and stores the new pair sealed', async () => {
      const marker = uniqueMarker('refresh');
      const answer = await slashCommand(service!.base, slack, `remind "${marker}" at ${isoSecondsAhead(3).iso}`, {
        channelId: 'C0SECRETS',
      });
      expect(answer).toMatch(/Reminder [a-z0-9]+ set/);
      expect(oauth.refreshCalls().length).toBeGreaterThanOrEqual(1);
      expect(oauth.refreshCalls()[0]!.body).toMatchObject({
        client_id: '1111.2222',
        refresh_token: oauth.refreshTokens[0],
      });
      await expectNoTokenStored();

      // The reminder: its delivery refreshes the (again expiring) token first and posts with the new one.
      await waitUntil(() => postsWith(slack, marker).length === 1, { what: 'the reminder', timeoutMs: 20_000 });
      const postIndex = slack.apiCalls.indexOf(postsWith(slack, marker)[0]!);
      const before = slack.apiCalls[postIndex - 1]!;
      expect(before.path).toBe('oauth.v2.access');
      expect(before.body.grant_type).toBe('refresh_token');
      expect(tokenOf(slack.apiCalls[postIndex]!)).toBe(oauth.accessTokens.at(-1));
      expect(tokenOf(slack.apiCalls[postIndex]!)).not.toBe(oauth.accessTokens[0]);
      await expectNoTokenStored();
    }, 40_000);

    it('rotates the key with `caac secrets rotate`, then answers and delivers after a restart on the new key', async () => {
      await service!.stop();
      const rotated = await run(
        ['secrets', 'rotate'],
        env({ CAAC_SECRETS_KEY: keyB, CAAC_SECRETS_KEY_PREVIOUS: keyA }),
      );
      expect(rotated).toMatchObject({ code: 0, stderr: '' });
      expect(rotated.stdout).toBe('rewrote 1 of 1 Slack installation under the current CAAC_SECRETS_KEY\n');
      const again = await run(['secrets', 'rotate'], env({ CAAC_SECRETS_KEY: keyB }));
      expect(again.stdout).toMatch(/^rewrote 0 of 1 /);

      const base = await start({ CAAC_SECRETS_KEY: keyB });
      const res = await postSigned(base, SIGNING_SECRET, slashCommandBody({ ...slashFields(), text: 'mali' }));
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toMatch(/Mali/);
      const marker = uniqueMarker('after restart');
      await slashCommand(base, slack, `remind "${marker}" at ${isoSecondsAhead(3).iso}`, { channelId: 'C0SECRETS' });
      await waitUntil(() => postsWith(slack, marker).length === 1, { what: 'the reminder', timeoutMs: 20_000 });
      expect(tokenOf(postsWith(slack, marker)[0]!)).toBe(oauth.accessTokens.at(-1));
      await expectNoTokenStored();
    }, 60_000);

    it('reads under the previous key and rewrites on read, so the old key can then be dropped', async () => {
      const keyC = newKey();
      const sealedUnderB = await storedText();
      await start({ CAAC_SECRETS_KEY: keyC, CAAC_SECRETS_KEY_PREVIOUS: keyB });
      const res = await postSigned(service!.base, SIGNING_SECRET, slashCommandBody({ ...slashFields(), text: 'mali' }));
      expect(JSON.stringify(await res.json())).toMatch(/Mali/);
      expect(await storedText()).not.toBe(sealedUnderB);
      await start({ CAAC_SECRETS_KEY: keyC });
      const after = await postSigned(
        service!.base,
        SIGNING_SECRET,
        slashCommandBody({ ...slashFields(), text: 'mali' }),
      );
      expect(JSON.stringify(await after.json())).toMatch(/Mali/);
      await expectNoTokenStored();
    }, 30_000);

    it('treats an installation no key opens as not installed: the user is told to reinstall, logged once', async () => {
      await start({ CAAC_SECRETS_KEY: newKey() });
      for (let i = 0; i < 2; i++) {
        const res = await postSigned(
          service!.base,
          SIGNING_SECRET,
          slashCommandBody({ ...slashFields(), text: 'mali' }),
        );
        expect(res.status).toBe(200);
        const body = (await res.json()) as { response_type: string; text: string };
        expect(body.response_type).toBe('ephemeral');
        expect(body.text).toMatch(/not installed in this workspace.*install it again/);
      }
      const errors = logs.lines().filter((l) => l.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ team: 'T0001ABCD' });
      expect(String(errors[0]!.msg)).toMatch(/cannot be decrypted/);
      expect(logs.text()).not.toContain('enc:v1:');
      expect(logs.text()).not.toContain('xoxe');
    }, 30_000);
  });
}

function slashFields(): Record<string, string> {
  return JSON.parse(
    readFileSync(new URL('../../fixtures/slack/slash-command.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
}
