// The Bolt InstallationStore on slack_installations, run against SQLite and a real PostgreSQL: tokens sealed with
// CAAC_SECRETS_KEY, a ciphertext bound to its row, the previous key read and rewritten, an unopenable row treated as
// not installed (logged once).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { createLogger } from '../../../src/logging.js';
import { manualClock } from '../../support/manual-clock.js';
import { SqlInstallationStore } from '../../../src/platforms/slack/sql-installation-store.js';
import type { Storage } from '../../../src/storage/open-database.js';
import { createSecretBox } from '../../../src/storage/secret-box.js';
import { captureLogs } from '../../support/capture-logs.js';
import { backends } from '../../support/test-databases.js';
import type { TestBackend } from '../../support/test-databases.js';

const teamInstall = (token: string): Installation<'v2', false> => ({
  team: { id: 'T0001ABCD', name: 'Example' },
  enterprise: undefined,
  user: { id: 'U0001', token: undefined, scopes: undefined },
  bot: { id: 'BBOT0001', userId: 'UBOT0001', token, scopes: ['commands', 'chat:write'] },
  appId: 'A0123CAAC',
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

const orgInstall: Installation<'v2', true> = {
  team: undefined,
  enterprise: { id: 'E0001ORG', name: 'Org' },
  user: { id: 'U0002', token: undefined, scopes: undefined },
  bot: { id: 'BBOT0003', userId: 'UBOT0003', token: 'xoxb-org', scopes: ['commands'] },
  appId: 'A0123CAAC',
  isEnterpriseInstall: true,
  authVersion: 'v2',
};

for (const { name, make, skip } of backends()) {
  describe.skipIf(skip)(`SqlInstallationStore on ${name}`, () => {
    let backend: TestBackend;
    let storage: Storage;
    const clock = manualClock(new Date('2026-11-28T10:00:00Z'));
    let store: SqlInstallationStore;
    const key = randomBytes(32);
    const box = createSecretBox(key);
    const tokenOf = async (team: string) => (await store.installationFor(team))?.installation.bot?.token;

    beforeAll(async () => {
      backend = make();
      storage = await backend.open();
      store = new SqlInstallationStore(storage.db, clock, { secrets: box });
    });
    afterAll(() => backend.cleanup());

    it('stores, replaces and fetches a workspace installation', async () => {
      await store.storeInstallation(teamInstall('xoxb-first'));
      clock.advance(60_000);
      await store.storeInstallation(teamInstall('xoxb-second'));
      const fetched = await store.fetchInstallation({
        teamId: 'T0001ABCD',
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(fetched.bot).toMatchObject({ token: 'xoxb-second', id: 'BBOT0001', userId: 'UBOT0001' });
      const rows = await storage.db.selectFrom('slack_installations').selectAll().execute();
      expect(rows).toEqual([
        expect.objectContaining({
          id: 'T0001ABCD',
          team_id: 'T0001ABCD',
          enterprise_id: null,
          updated_at: '2026-11-28T10:01:00.000Z',
        }),
      ]);
      expect(await tokenOf('T0001ABCD')).toBe('xoxb-second');
    });

    it('keys org-wide installs by enterprise id', async () => {
      await store.storeInstallation(orgInstall);
      const fetched = await store.fetchInstallation({
        teamId: undefined,
        enterpriseId: 'E0001ORG',
        isEnterpriseInstall: true,
      });
      expect(fetched.bot?.token).toBe('xoxb-org');
    });

    it('gives a workspace of the org the org-wide install token, its own install first (issue 17)', async () => {
      await store.storeInstallation(orgInstall);
      // T0009GRID has no install of its own: only the org's covers it, found through the enterprise id.
      expect(await store.installationFor('T0009GRID')).toBeUndefined();
      expect((await store.installationFor('T0009GRID', 'E0001ORG'))?.installation.bot?.token).toBe('xoxb-org');
      await store.storeInstallation(teamInstall('xoxb-own'));
      expect((await store.installationFor('T0001ABCD', 'E0001ORG'))?.installation.bot?.token).toBe('xoxb-own');
    });

    it('throws (as Bolt expects) for an unknown workspace, and deletes', async () => {
      await expect(
        store.fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false }),
      ).rejects.toThrow(/no Slack installation for T404/);
      await store.deleteInstallation({ teamId: 'T0001ABCD', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await tokenOf('T0001ABCD')).toBeUndefined();
    });

    it('keeps no token in plaintext: bot, refresh and user tokens are sealed, the ids stay searchable', async () => {
      const rotating: Installation<'v2', false> = {
        ...teamInstall('xoxe.xoxb-1-secret-bot'),
        team: { id: 'T0005ROT', name: 'Rotating' },
        user: { id: 'U0005', token: 'xoxp-secret-user', refreshToken: 'xoxe-1-secret-user-refresh', scopes: ['x'] },
        bot: {
          id: 'BBOT0005',
          userId: 'UBOT0005',
          token: 'xoxe.xoxb-1-secret-bot',
          refreshToken: 'xoxe-1-secret-bot-refresh',
          expiresAt: 1_800_000_000,
          scopes: ['commands'],
        },
      };
      await store.storeInstallation(rotating);
      const row = await storage.db
        .selectFrom('slack_installations')
        .selectAll()
        .where('id', '=', 'T0005ROT')
        .executeTakeFirstOrThrow();
      expect(row.installation).not.toMatch(/secret|xox/);
      expect(row.installation).toMatch(/"token":"enc:v1:/);
      const fetched = await store.fetchInstallation({
        teamId: 'T0005ROT',
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(fetched.bot).toMatchObject({ token: 'xoxe.xoxb-1-secret-bot', refreshToken: 'xoxe-1-secret-bot-refresh' });
      expect(fetched.bot?.expiresAt).toBe(1_800_000_000);
      expect(fetched.user).toMatchObject({ token: 'xoxp-secret-user', refreshToken: 'xoxe-1-secret-user-refresh' });
    });

    it("refuses a ciphertext moved to another workspace's row, logging it once and naming the team only", async () => {
      await store.storeInstallation({ ...teamInstall('xoxb-victim'), team: { id: 'T0006VIC', name: 'V' } });
      await store.storeInstallation({ ...teamInstall('xoxb-other'), team: { id: 'T0007MOV', name: 'M' } });
      const victim = await storage.db
        .selectFrom('slack_installations')
        .select('installation')
        .where('id', '=', 'T0006VIC')
        .executeTakeFirstOrThrow();
      const movedToken = (JSON.parse(victim.installation) as { bot: { token: string } }).bot.token;
      const other = await storage.db
        .selectFrom('slack_installations')
        .select('installation')
        .where('id', '=', 'T0007MOV')
        .executeTakeFirstOrThrow();
      const tampered = JSON.parse(other.installation) as { bot: { token: string } };
      tampered.bot.token = movedToken;
      await storage.db
        .updateTable('slack_installations')
        .set({ installation: JSON.stringify(tampered) })
        .where('id', '=', 'T0007MOV')
        .execute();

      const logs = captureLogs();
      const watched = new SqlInstallationStore(storage.db, clock, {
        secrets: box,
        logger: createLogger({ level: 'info', destination: logs }),
      });
      const query = { teamId: 'T0007MOV', enterpriseId: undefined, isEnterpriseInstall: false } as const;
      await expect(watched.fetchInstallation(query)).rejects.toThrow(/no Slack installation for T0007MOV/);
      await expect(watched.fetchInstallation(query)).rejects.toThrow(/install the app again/);
      expect(await watched.installationFor('T0007MOV')).toBeUndefined();
      const errors = logs.lines().filter((l) => l.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ team: 'T0007MOV' });
      expect(logs.text()).not.toContain(movedToken);
      expect(logs.text()).not.toContain('xoxb-');
      // The victim's own row still opens.
      expect((await watched.installationFor('T0006VIC'))?.installation.bot?.token).toBe('xoxb-victim');
    });

    it('reads values under the previous key and rewrites them under the new one; a third key opens nothing', async () => {
      await store.storeInstallation({ ...teamInstall('xoxb-rotated'), team: { id: 'T0008KEY', name: 'K' } });
      const stored = async () =>
        (
          await storage.db
            .selectFrom('slack_installations')
            .select('installation')
            .where('id', '=', 'T0008KEY')
            .executeTakeFirstOrThrow()
        ).installation;
      const before = await stored();
      const newKey = randomBytes(32);
      const rotated = new SqlInstallationStore(storage.db, clock, { secrets: createSecretBox(newKey, key) });
      expect((await rotated.installationFor('T0008KEY'))?.installation.bot?.token).toBe('xoxb-rotated');
      const after = await stored();
      expect(after).not.toBe(before);
      // Now only the new key is needed.
      const newOnly = new SqlInstallationStore(storage.db, clock, { secrets: createSecretBox(newKey) });
      expect((await newOnly.installationFor('T0008KEY'))?.installation.bot?.token).toBe('xoxb-rotated');
      const oldOnly = new SqlInstallationStore(storage.db, clock, { secrets: createSecretBox(key) });
      expect(await oldOnly.installationFor('T0008KEY')).toBeUndefined();
      expect(await stored()).toBe(after);
    });
  });
}
