// Bolt's InstallationStore on the service's database (table slack_installations, SQLite or PostgreSQL through one
// kysely handle), so OAuth installs survive restarts and are shared by replicas.
// https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth/
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Clock } from '../../core/clock.js';
import type { DatabaseSchema } from '../../storage/database-schema.js';

/** An InstallationStore kept in slack_installations: one row per workspace, or per enterprise for org-wide installs. */
export class SqlInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly clock: Clock,
  ) {}

  /** Saves (or replaces) an installation. */
  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const enterpriseId = installation.enterprise?.id ?? null;
    const teamId = installation.team?.id ?? null;
    const id = installation.isEnterpriseInstall && enterpriseId ? enterpriseId : teamId;
    if (!id) throw new Error('Slack installation has neither a team id nor an enterprise id');
    const row = {
      id,
      team_id: teamId,
      enterprise_id: enterpriseId,
      installation: JSON.stringify(installation),
      updated_at: this.clock.now().toISOString(),
    };
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
      .select('installation')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new Error(`no Slack installation for ${id}: install the app again (GET /slack/install)`);
    return JSON.parse(row.installation) as Installation<'v1' | 'v2', boolean>;
  }

  /** Removes an installation (app_uninstalled, tokens_revoked). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.db.deleteFrom('slack_installations').where('id', '=', keyOf(query)).execute();
  }

  /**
   * The bot token for a workspace (team id): its own install, else the org-wide install of its Enterprise Grid org
   * (`enterpriseId`); undefined when neither is installed.
   */
  async botTokenFor(teamId: string, enterpriseId?: string): Promise<string | undefined> {
    const ids = enterpriseId ? [teamId, enterpriseId] : [teamId];
    const rows = await this.db
      .selectFrom('slack_installations')
      .select(['id', 'team_id', 'installation'])
      .where((eb) => eb.or([eb('id', 'in', ids), eb('team_id', '=', teamId)]))
      .execute();
    // The workspace's own install first: it is the one its admins chose for it.
    const row = rows.find((r) => r.id === teamId || r.team_id === teamId) ?? rows[0];
    if (!row) return undefined;
    const installation = JSON.parse(row.installation) as Installation<'v1' | 'v2', boolean>;
    return installation.bot?.token;
  }
}

function keyOf(query: InstallationQuery<boolean>): string {
  const id = query.isEnterpriseInstall ? query.enterpriseId : (query.teamId ?? query.enterpriseId);
  if (!id) throw new Error('Slack installation query has neither a team id nor an enterprise id');
  return id;
}
