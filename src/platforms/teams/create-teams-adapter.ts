// Microsoft Teams at POST /api/messages, behind the PlatformAdapter shape so that the rest of the service never sees
// botbuilder: reads the body (413 past the limit), answers 503 when Teams is off, hands activities to the
// CloudAdapter connected in connect-teams.ts, and counts its refusals. Microsoft archived botbuilder in December
// 2025; moving to @microsoft/agents-hosting should touch src/platforms/teams/ only.
// https://learn.microsoft.com/azure/bot-service/bot-builder-basics
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PLATFORM_VARIABLES } from '../../config/platform-variables.js';
import type { Core } from '../../core/create-core.js';
import type { PlatformAdapter, Refusal } from '../../http/platform-adapter.js';
import { BODY_LIMITS, BodyTooLargeError, readBody, sendBodyTooLarge } from '../../http/read-body.js';
import { requestLogger } from '../../http/request-logger.js';
import { sendJson } from '../../http/send-json.js';
import { toBotRequest, toBotResponse } from './bot-http-shim.js';
import type { TeamsConnection } from './connect-teams.js';
import { createTeamsBot } from './create-teams-bot.js';
import { inTeamsRequest } from './teams-request-scope.js';
import type { TeamsRequestScope } from './teams-request-scope.js';

/** Where Teams' requests arrive, as in the manifest's bot endpoint. */
export const TEAMS_PATH = '/api/messages';

/** What the Teams adapter needs. */
export interface TeamsAdapterOptions {
  connection: TeamsConnection;
  core: Pick<Core, 'answer' | 'suggest' | 'languageOf'>;
  /** Counts refusals (body too large, no valid token); optional for tests of the adapter alone. */
  onRefused?: (reason: Refusal) => void;
}

/** Creates the Teams adapter. */
export function createTeamsAdapter(options: TeamsAdapterOptions): PlatformAdapter {
  const { connection, onRefused } = options;
  const log = connection.log;
  const logic = connection.enabled
    ? createTeamsBot({
        core: options.core,
        store: connection.conversations,
        logger: log,
        welcome: connection.welcome,
      })
    : undefined;

  // An activity, once its body is read: refused when Teams is off or (unauthenticated) from off this machine.
  const process = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    if (!connection.enabled || !logic) {
      return sendJson(res, 503, {
        error: 'teams_disabled',
        message: `Microsoft Teams is not configured on this service: ${PLATFORM_VARIABLES.teams}`,
      });
    }
    const parsed = toBotRequest(req, body);
    if (!parsed.ok) return sendJson(res, 400, { error: 'bad_request', message: parsed.message });
    // Unauthenticated, the bot would post wherever an activity's serviceUrl points; the Emulator's is on this
    // machine, so nothing else is served (a forged activity cannot aim the bot at another host).
    if (connection.appId === '' && !isLoopbackUrl(parsed.request.body?.serviceUrl)) {
      log.warn('teams: unauthenticated activity with a serviceUrl off this machine refused (403)');
      return sendJson(res, 403, {
        error: 'teams_unauthenticated_remote',
        message:
          'without MicrosoftAppId only the Bot Framework Emulator on this machine (a loopback serviceUrl) is served',
      });
    }
    const reqLog = () => requestLogger(req, log);
    try {
      // botbuilder's console output and its error texts stay inside: our answer and our log line say what happened.
      await inTeamsRequest(reqLog, (scope) =>
        connection.cloudAdapter.process(
          parsed.request,
          toBotResponse(res, (status) => errorAnswer(status, scope)),
          logic,
        ),
      );
    } catch (err) {
      reqLog().error({ err }, 'teams: could not process the activity');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'the activity could not be processed' });
    }
    if (res.statusCode === 401) {
      log.warn('teams: activity rejected, no valid Bot Framework token (401)');
      onRefused?.('unauthenticated');
    }
  };

  return {
    enabled: connection.enabled,
    delivery: connection.delivery,
    handles: (_method, path) => path === TEAMS_PATH,
    methods: (path) => (path === TEAMS_PATH ? ['POST'] : undefined),
    async handle(req, res) {
      if ((req.method ?? 'GET').toUpperCase() !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
      let body: Buffer;
      try {
        body = await readBody(req, { limit: BODY_LIMITS.teams });
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          onRefused?.('body-too-large');
          return sendBodyTooLarge(res, err.limit);
        }
        requestLogger(req, log).warn({ err }, 'teams: request body could not be read');
        return sendJson(res, 400, { error: 'bad_request' });
      }
      return process(req, res, body);
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
}

// Our answer instead of the SDK's error text: 401 for a token that is not valid, 503 while the signing keys cannot be
// fetched (the caller may retry), 500 otherwise.
function errorAnswer(status: number, scope: TeamsRequestScope): { status: number; body: Record<string, string> } {
  if (scope.keysUnavailable) {
    return {
      status: 503,
      body: { error: 'unavailable', message: 'the Bot Framework signing keys cannot be fetched just now; try again' },
    };
  }
  if (status === 401) return { status, body: { error: 'unauthorized', message: 'no valid Bot Framework token' } };
  if (status < 500) return { status, body: { error: 'bad_request' } };
  return { status, body: { error: 'internal', message: 'the activity could not be processed' } };
}

/** Whether a serviceUrl points at this machine (localhost, 127.0.0.0/8, ::1). */
function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}
