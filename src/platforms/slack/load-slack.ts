// The Slack adapter's factory: Bolt (and everything that needs it) is imported only when Slack is configured, so a
// Teams-only service starts without loading it. The connection comes first (its delivery is needed before the core),
// the adapter once the core exists.
import type { Delivery } from '../../core/delivery.js';
import type { PlatformAdapter } from '../../http/platform-adapter.js';
import type { SlackConnectionOptions } from './connect-slack.js';
import type { SlackAdapterOptions } from './create-slack-adapter.js';
import { SLACK_OFF_DELIVERY, logSlackOff, slackOffAdapter } from './slack-off.js';

/** Slack, loaded as configured: its delivery now, its adapter once the core is built. */
export interface SlackPlatform {
  readonly enabled: boolean;
  readonly delivery: Delivery;
  adapter(options: Omit<SlackAdapterOptions, 'connection'>): PlatformAdapter;
}

/** Connects Slack, importing Bolt only when Slack's mode is not 'off'. */
export async function loadSlack(options: SlackConnectionOptions): Promise<SlackPlatform> {
  if (options.config.mode === 'off') {
    logSlackOff(options.logger);
    return { enabled: false, delivery: SLACK_OFF_DELIVERY, adapter: () => slackOffAdapter() };
  }
  const [{ connectSlack }, { createSlackAdapter }] = await Promise.all([
    import('./connect-slack.js'),
    import('./create-slack-adapter.js'),
  ]);
  const connection = connectSlack(options);
  return {
    enabled: connection.enabled,
    delivery: connection.delivery,
    adapter: (rest) => createSlackAdapter({ ...rest, connection }),
  };
}
