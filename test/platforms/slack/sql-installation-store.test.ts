// The Bolt InstallationStore on slack_installations, run against SQLite and a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Installation } from '@slack/bolt';
import { manualClock } from '../../support/manual-clock.js';
import { SqlInstallationStore } from '../../../src/platforms/slack/sql-installation-store.js';
import type { Storage } from '../../../src/storage/open-database.js';
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

    beforeAll(async () => {
      backend = make();
      storage = await backend.open();
      store = new SqlInstallationStore(storage.db, clock);
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
      expect(await store.botTokenFor('T0001ABCD')).toBe('xoxb-second');
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
      expect(await store.botTokenFor('T0009GRID')).toBeUndefined();
      expect(await store.botTokenFor('T0009GRID', 'E0001ORG')).toBe('xoxb-org');
      await store.storeInstallation(teamInstall('xoxb-own'));
      expect(await store.botTokenFor('T0001ABCD', 'E0001ORG')).toBe('xoxb-own');
    });

    it('throws (as Bolt expects) for an unknown workspace, and deletes', async () => {
      await expect(
        store.fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false }),
      ).rejects.toThrow(/no Slack installation for T404/);
      await store.deleteInstallation({ teamId: 'T0001ABCD', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await store.botTokenFor('T0001ABCD')).toBeUndefined();
    });
  });
}
