// The Slack adapter's factory: Bolt (and everything that needs it) is imported only when Slack is configured, so a
// Teams-only service starts without loading it. Importing comes first (it can overlap with the rest of the start),
// then the connection (its delivery is needed before the core), then the adapter once the core exists.
import type { Logger } from 'pino';
import type { SlackConfig } from '../../config/slack-config.js';
import type { Delivery } from '../../core/delivery.js';
import type { PlatformAdapter } from '../../http/platform-adapter.js';
import type { SlackConnectionOptions } from './connect-slack.js';
import type { SlackAdapterOptions } from './create-slack-adapter.js';
import { SLACK_OFF_DELIVERY, logSlackOff, slackOffAdapter } from './slack-off.js';

export { SLACK_ROUTES } from './slack-off.js';

/** Slack, connected as configured: its delivery now, its adapter once the core is built. */
export interface SlackPlatform {
  readonly enabled: boolean;
  readonly delivery: Delivery;
  adapter(options: Omit<SlackAdapterOptions, 'connection'>): PlatformAdapter;
}

/** Connects Slack with what loadSlack imported. */
export type ConnectSlack = (options: SlackConnectionOptions) => SlackPlatform;

/**
 * Imports what Slack needs as configured: Bolt only when Slack's mode is not 'off' (logged at once when it is), and
 * only once `after` has settled (the caller's work that must not wait behind the import).
 */
export async function loadSlack(config: SlackConfig, logger: Logger, after?: Promise<unknown>): Promise<ConnectSlack> {
  if (config.mode === 'off') {
    logSlackOff(logger);
    return () => ({ enabled: false, delivery: SLACK_OFF_DELIVERY, adapter: () => slackOffAdapter() });
  }
  await after?.catch(() => undefined);
  const [{ connectSlack }, { createSlackAdapter }] = await Promise.all([
    import('./connect-slack.js'),
    import('./create-slack-adapter.js'),
  ]);
  return (options) => {
    const connection = connectSlack(options);
    return {
      enabled: connection.enabled,
      delivery: connection.delivery,
      adapter: (rest) => createSlackAdapter({ ...rest, connection }),
    };
  };
}
