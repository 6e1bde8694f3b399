// Migration 0004 on SQLite and PostgreSQL: Slack installations stored in plaintext by the earlier release are sealed
// at the first start with CAAC_SECRETS_KEY; without a key the start is refused while plaintext tokens remain.
// The earlier release's state is made by opening a store, writing a plaintext row as that release did, and taking
// 0004 off kysely's record, so the next open runs it as an upgrade would.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/core/clock.js';
import { SqlInstallationStore } from '../../src/platforms/slack/sql-installation-store.js';
import type { Storage } from '../../src/storage/open-database.js';
import { createSecretBox } from '../../src/storage/secret-box.js';
import { backends } from '../support/test-databases.js';
import type { TestBackend } from '../support/test-databases.js';

const plaintextInstallation = {
  team: { id: 'T0009OLD', name: 'Old' },
  user: { id: 'U0009' },
  bot: { id: 'BBOT0009', userId: 'UBOT0009', token: 'xoxb-plaintext-from-before', scopes: ['commands'] },
  appId: 'A0123CAAC',
  isEnterpriseInstall: false,
  authVersion: 'v2',
};

async function asEarlierRelease(storage: Storage): Promise<void> {
  await storage.db
    .insertInto('slack_installations')
    .values({
      id: 'T0009OLD',
      team_id: 'T0009OLD',
      enterprise_id: null,
      installation: JSON.stringify(plaintextInstallation),
      updated_at: '2026-11-01T00:00:00.000Z',
    })
    .execute();
  await sql`delete from kysely_migration where name = '0004-slack-tokens-sealed'`.execute(storage.db);
  await storage.close();
}

for (const { name, make, skip } of backends()) {
  describe.skipIf(skip)(`migration 0004 (Slack tokens sealed) on ${name}`, () => {
    let backend: TestBackend | undefined;
    afterEach(async () => {
      await backend?.cleanup();
      backend = undefined;
    });

    it('seals the plaintext tokens at the first start with a key, and the installation still opens', async () => {
      backend = make();
      await asEarlierRelease(await backend.open());
      const box = createSecretBox(randomBytes(32));
      const storage = await backend.open({ secrets: box });
      const rows = await storage.db.selectFrom('slack_installations').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.installation).not.toContain('xoxb-plaintext-from-before');
      expect(rows[0]!.installation).toMatch(/"token":"enc:v1:/);
      const store = new SqlInstallationStore(storage.db, manualClock(new Date()), { secrets: box });
      expect((await store.installationFor('T0009OLD'))?.installation.bot?.token).toBe('xoxb-plaintext-from-before');
    });

    it('refuses to start without a key while plaintext tokens remain, naming CAAC_SECRETS_KEY', async () => {
      backend = make();
      await asEarlierRelease(await backend.open());
      await expect(backend.open()).rejects.toThrow(/CAAC_SECRETS_KEY/);
      // Nothing was changed by the refused start: a start with the key still seals the row.
      const storage = await backend.open({ secrets: createSecretBox(randomBytes(32)) });
      const row = await storage.db.selectFrom('slack_installations').select('installation').executeTakeFirstOrThrow();
      expect(row.installation).not.toContain('xoxb-');
    });

    it('needs no key on a database without Slack installations', async () => {
      backend = make();
      const storage = await backend.open();
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(storage.db);
      expect(applied.rows.map((r) => r.name)).toContain('0004-slack-tokens-sealed');
    });
  });
}
