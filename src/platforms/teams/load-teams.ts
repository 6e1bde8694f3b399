// The Teams adapter's factory: botbuilder (and everything that needs it) is imported only when Teams is on, so a
// Slack-only service starts without loading it. Importing comes first (it can overlap with the rest of the start),
// then the connection (its delivery is needed before the core), then the adapter once the core exists.
import type { Logger } from 'pino';
import type { Config } from '../../config/read-config.js';
import type { Delivery } from '../../core/delivery.js';
import type { PlatformAdapter } from '../../http/platform-adapter.js';
import type { TeamsConnectionOptions } from './connect-teams.js';
import type { TeamsAdapterOptions } from './create-teams-adapter.js';
import { TEAMS_OFF_DELIVERY, logTeamsOff, teamsIsOn, teamsOffAdapter } from './teams-off.js';

export { TEAMS_ROUTES } from './teams-off.js';

/** Teams, connected as configured: its delivery now, its adapter once the core is built. */
export interface TeamsPlatform {
  readonly enabled: boolean;
  readonly delivery: Delivery;
  adapter(options: Omit<TeamsAdapterOptions, 'connection'>): PlatformAdapter;
}

/** Connects Teams with what loadTeams imported. */
export type ConnectTeams = (options: TeamsConnectionOptions) => TeamsPlatform;

/**
 * Imports what Teams needs as configured: botbuilder only when Teams is on (logged at once when it is off), and only
 * once `after` has settled (the caller's work that must not wait behind the import).
 */
export async function loadTeams(
  teams: Config['teams'],
  logger: Logger,
  after?: Promise<unknown>,
): Promise<ConnectTeams> {
  if (!teamsIsOn(teams)) {
    const log = logger.child({ platform: 'teams' });
    logTeamsOff(log);
    return () => ({
      enabled: false,
      delivery: TEAMS_OFF_DELIVERY,
      adapter: ({ onRefused }) => teamsOffAdapter(log, onRefused),
    });
  }
  await after?.catch(() => undefined);
  const [{ connectTeams }, { createTeamsAdapter }] = await Promise.all([
    import('./connect-teams.js'),
    import('./create-teams-adapter.js'),
  ]);
  return (options) => {
    const connection = connectTeams(options);
    return {
      enabled: connection.enabled,
      delivery: connection.delivery,
      adapter: (rest) => createTeamsAdapter({ ...rest, connection }),
    };
  };
}
