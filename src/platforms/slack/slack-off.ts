// Slack when it is off: the reminder delivery that refuses every channel and the adapter that answers 503 on Slack's
// routes. Nothing here loads Bolt, so a service without Slack never pays for it (load-slack.ts decides).
import type { Logger } from 'pino';
import { PLATFORM_VARIABLES } from '../../config/platform-variables.js';
import type { Delivery } from '../../core/delivery.js';
import type { PlatformAdapter } from '../../http/platform-adapter.js';
import { sendJson } from '../../http/send-json.js';
import { SLACK_PATHS } from './slack-manifest.js';

/** The methods of Slack's routes: Slack posts events; browsers get the install pages. */
export const SLACK_METHODS: Readonly<Record<string, readonly string[]>> = {
  [SLACK_PATHS.events]: ['POST'],
  [SLACK_PATHS.install]: ['GET'],
  [SLACK_PATHS.oauthRedirect]: ['GET'],
};

/** Which requests are Slack's, on or off: the server routes them before Slack is loaded. */
export const SLACK_ROUTES: Pick<PlatformAdapter, 'handles' | 'methods'> = {
  handles: (_method, path) => path.startsWith('/slack/'),
  methods: (path) => SLACK_METHODS[path],
};

/** Slack off: the delivery refuses every channel, saying how to turn Slack on. */
export const SLACK_OFF_DELIVERY: Delivery = {
  canPost: async () => ({ ok: false, problem: 'off', platform: 'slack', variables: PLATFORM_VARIABLES.slack }),
  deliver: async () => ({ kind: 'retry', afterMs: 3_600_000, reason: 'Slack is not configured on this service' }),
};

/** Logs that Slack is off and how to turn it on (the same line connectSlack logs). */
export function logSlackOff(logger: Logger): void {
  logger.info(`Slack is off: /slack/events answers 503. To turn it on, ${PLATFORM_VARIABLES.slack}`);
}

/** The adapter of a service without Slack: its routes answer 503 saying which variables turn it on. */
export function slackOffAdapter(): PlatformAdapter {
  const message = `Slack is not configured on this service: ${PLATFORM_VARIABLES.slack}`;
  return {
    enabled: false,
    delivery: SLACK_OFF_DELIVERY,
    ...SLACK_ROUTES,
    handle: (_req, res) => sendJson(res, 503, { error: 'slack_disabled', message }),
    start: async () => undefined,
    stop: async () => undefined,
  };
}
