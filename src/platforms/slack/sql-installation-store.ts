// Bolt's InstallationStore on the service's database (table slack_installations, SQLite or PostgreSQL through one
// kysely handle), so OAuth installs survive restarts and are shared by replicas. The token fields are sealed with
// CAAC_SECRETS_KEY (src/storage/installation-secrets.ts); values under the previous key, or left in plaintext, are
// rewritten under the current key when read. A row no key opens counts as "not installed".
// https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import type { DatabaseSchema } from '../../storage/database-schema.js';
import { openInstallationRecord, sealInstallationRecord } from '../../storage/installation-secrets.js';
import type { SecretBox } from '../../storage/secret-box.js';

/** A stored installation: its row id (enterprise id for org-wide installs, team id otherwise) and Bolt's object. */
export interface StoredInstallation {
  rowId: string;
  installation: Installation<'v1' | 'v2', boolean>;
}

/** No usable installation for a workspace: never installed, uninstalled, or sealed with a key we no longer have. */
export class SlackNotInstalledError extends Error {
  readonly code = 'slack_not_installed';
  constructor(readonly workspaceId: string) {
    super(`no Slack installation for ${workspaceId}: install the app again (GET /slack/install)`);
    this.name = 'SlackNotInstalledError';
  }
}

/** Options of the store: the secret box is required, so no token is ever written in plaintext. */
export interface SqlInstallationStoreOptions {
  secrets: SecretBox;
  logger?: Logger;
}

/** An InstallationStore kept in slack_installations: one row per workspace, or per enterprise for org-wide installs. */
export class SqlInstallationStore implements InstallationStore {
  // Each unreadable row is logged at error level once per process, not on every request from that workspace.
  private readonly reported = new Set<string>();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly clock: Clock,
    private readonly options: SqlInstallationStoreOptions,
  ) {}

  /** Saves (or replaces) an installation, its tokens sealed. */
  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const enterpriseId = installation.enterprise?.id ?? null;
    const teamId = installation.team?.id ?? null;
    const id = installation.isEnterpriseInstall && enterpriseId ? enterpriseId : teamId;
    if (!id) throw new Error('Slack installation has neither a team id nor an enterprise id');
    const sealed = sealInstallationRecord(installation as unknown as Record<string, unknown>, id, this.options.secrets);
    const row = {
      id,
      team_id: teamId,
      enterprise_id: enterpriseId,
      installation: JSON.stringify(sealed),
      updated_at: this.clock.now().toISOString(),
    };
    this.reported.delete(id);
    await this.db
      .insertInto('slack_installations')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          team_id: row.team_id,
          enterprise_id: row.enterprise_id,
          installation: row.installation,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }

  /** Finds the installation for a workspace or an org-wide install; throws when there is none (as Bolt expects). */
  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const id = keyOf(query);
    const row = await this.db
      .selectFrom('slack_installations')
      .select(['id', 'installation'])
      .where('id', '=', id)
      .executeTakeFirst();
    const opened = row && (await this.open(row));
    if (!opened) throw new SlackNotInstalledError(query.teamId ?? id);
    return opened.installation;
  }

  /** Removes an installation (app_uninstalled, tokens_revoked). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.db.deleteFrom('slack_installations').where('id', '=', keyOf(query)).execute();
  }

  /**
   * The installation serving a workspace (team id): its own, else the org-wide install of its Enterprise Grid org
   * (`enterpriseId`, issue 17); undefined when none is usable.
   */
  async installationFor(teamId: string, enterpriseId?: string): Promise<StoredInstallation | undefined> {
    const ids = enterpriseId ? [teamId, enterpriseId] : [teamId];
    const rows = await this.db
      .selectFrom('slack_installations')
      .select(['id', 'team_id', 'installation'])
      .where((eb) => eb.or([eb('id', 'in', ids), eb('team_id', '=', teamId)]))
      .execute();
    // The workspace's own install first: it is the one its admins chose for it.
    const row = rows.find((r) => r.id === teamId || r.team_id === teamId) ?? rows[0];
    return row ? this.open(row) : undefined;
  }

  // Opens a row's secrets; rewrites it under the current key when it held plaintext or previous-key values (only if
  // nobody changed it meanwhile, so a token refreshed by another replica is never overwritten with an older one).
  private async open(row: { id: string; installation: string }): Promise<StoredInstallation | undefined> {
    const opened = openInstallationRecord(JSON.parse(row.installation), row.id, this.options.secrets);
    if (!opened.ok) {
      if (!this.reported.has(row.id)) {
        this.reported.add(row.id);
        this.options.logger?.error(
          { team: row.id },
          'slack installation cannot be decrypted with CAAC_SECRETS_KEY (nor CAAC_SECRETS_KEY_PREVIOUS): treated as not installed; the workspace must install the app again',
        );
      }
      return undefined;
    }
    if (opened.stale) {
      const sealed = JSON.stringify(sealInstallationRecord(opened.record, row.id, this.options.secrets));
      await this.db
        .updateTable('slack_installations')
        .set({ installation: sealed })
        .where('id', '=', row.id)
        .where('installation', '=', row.installation)
        .execute();
    }
    return { rowId: row.id, installation: opened.record as unknown as StoredInstallation['installation'] };
  }
}

function keyOf(query: InstallationQuery<boolean>): string {
  const id = query.isEnterpriseInstall ? query.enterpriseId : (query.teamId ?? query.enterpriseId);
  if (!id) throw new Error('Slack installation query has neither a team id nor an enterprise id');
  return id;
}
