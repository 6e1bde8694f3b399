// The Teams adapter's factory: botbuilder (and everything that needs it) is imported only when Teams is on, so a
// Slack-only service starts without loading it. The connection comes first (its delivery is needed before the core),
// the adapter once the core exists.
import type { Delivery } from '../../core/delivery.js';
import type { PlatformAdapter } from '../../http/platform-adapter.js';
import type { TeamsConnectionOptions } from './connect-teams.js';
import type { TeamsAdapterOptions } from './create-teams-adapter.js';
import { TEAMS_OFF_DELIVERY, logTeamsOff, teamsIsOn, teamsOffAdapter } from './teams-off.js';

/** Teams, loaded as configured: its delivery now, its adapter once the core is built. */
export interface TeamsPlatform {
  readonly enabled: boolean;
  readonly delivery: Delivery;
  adapter(options: Omit<TeamsAdapterOptions, 'connection'>): PlatformAdapter;
}

/** Connects Teams, importing botbuilder only when Teams is on. */
export async function loadTeams(options: TeamsConnectionOptions): Promise<TeamsPlatform> {
  if (!teamsIsOn(options.config.teams)) {
    const log = options.logger.child({ platform: 'teams' });
    logTeamsOff(log);
    return {
      enabled: false,
      delivery: TEAMS_OFF_DELIVERY,
      adapter: ({ onRefused }) => teamsOffAdapter(log, onRefused),
    };
  }
  const [{ connectTeams }, { createTeamsAdapter }] = await Promise.all([
    import('./connect-teams.js'),
    import('./create-teams-adapter.js'),
  ]);
  const connection = connectTeams(options);
  return {
    enabled: connection.enabled,
    delivery: connection.delivery,
    adapter: (rest) => createTeamsAdapter({ ...rest, connection }),
  };
}
