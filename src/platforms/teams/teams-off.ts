// Teams when it is off: the reminder delivery that refuses every conversation and the adapter that answers 503 at
// /api/messages. Nothing here loads botbuilder, so a service without Teams never pays for it (load-teams.ts decides).
import type { Logger } from 'pino';
import type { Config } from '../../config/read-config.js';
import { PLATFORM_VARIABLES } from '../../config/platform-variables.js';
import type { Delivery } from '../../core/delivery.js';
import type { PlatformAdapter, Refusal } from '../../http/platform-adapter.js';
import { BODY_LIMITS, BodyTooLargeError, readBody, sendBodyTooLarge } from '../../http/read-body.js';
import { requestLogger } from '../../http/request-logger.js';
import { sendJson } from '../../http/send-json.js';

/** Where Teams' requests arrive, as in the manifest's bot endpoint. */
export const TEAMS_PATH = '/api/messages';

/** Which requests are Teams', on or off: the server routes them before Teams is loaded. */
export const TEAMS_ROUTES: Pick<PlatformAdapter, 'handles' | 'methods'> = {
  handles: (_method, path) => path === TEAMS_PATH,
  methods: (path) => (path === TEAMS_PATH ? ['POST'] : undefined),
};

/**
 * Whether Teams is on. Without MicrosoftAppId the Bot Framework skips authentication entirely, so without an app id
 * Teams is off unless TEAMS_ALLOW_UNAUTHENTICATED=true (the Emulator, on one's own machine).
 */
export function teamsIsOn(teams: Config['teams']): boolean {
  return (teams.appId ?? '') !== '' || teams.allowUnauthenticated;
}

/** Teams off: the delivery refuses every channel, saying how to turn Teams on. */
export const TEAMS_OFF_DELIVERY: Delivery = {
  canPost: async () => ({ ok: false, problem: 'off', platform: 'teams', variables: PLATFORM_VARIABLES.teams }),
  deliver: async () => ({
    kind: 'retry',
    afterMs: 3_600_000,
    reason: 'Microsoft Teams is not configured on this service',
  }),
};

/** Logs that Teams is off and how to turn it on (the same line connectTeams logs). */
export function logTeamsOff(log: Logger): void {
  log.info(`Teams is off: POST /api/messages answers 503. To turn it on, ${PLATFORM_VARIABLES.teams}`);
}

/** The adapter of a service without Teams: the body is read within its limit (413 past it), then 503. */
export function teamsOffAdapter(log: Logger, onRefused?: (reason: Refusal) => void): PlatformAdapter {
  return {
    enabled: false,
    delivery: TEAMS_OFF_DELIVERY,
    ...TEAMS_ROUTES,
    async handle(req, res) {
      if ((req.method ?? 'GET').toUpperCase() !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
      try {
        await readBody(req, { limit: BODY_LIMITS.teams });
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          onRefused?.('body-too-large');
          return sendBodyTooLarge(res, err.limit);
        }
        requestLogger(req, log).warn({ err }, 'teams: request body could not be read');
        return sendJson(res, 400, { error: 'bad_request' });
      }
      return sendJson(res, 503, {
        error: 'teams_disabled',
        message: `Microsoft Teams is not configured on this service: ${PLATFORM_VARIABLES.teams}`,
      });
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
}
