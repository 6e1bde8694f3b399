// Slack through Bolt 5, behind the PlatformAdapter shape: which requests are Slack's (/slack/*), the checks before
// Bolt (timestamp window, body limit and shape: screen-slack-request.ts), Bolt's receiver, the "off" answer, and the
// refusal metrics. Transport only: meaning comes from the core (slack-listeners.ts), Block Kit from the renderer.
// https://docs.slack.dev/tools/bolt-js/
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import { PLATFORM_VARIABLES } from '../../config/platform-variables.js';
import type { Answer } from '../../core/answer.js';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import type { Core } from '../../core/create-core.js';
import type { Lang } from '../../i18n/lang.js';
import type { PlatformAdapter, Refusal } from '../../http/platform-adapter.js';
import { requestLogger } from '../../http/request-logger.js';
import { sendJson } from '../../http/send-json.js';
import type { SlackConnection } from './connect-slack.js';
import { createBoltApp } from './create-bolt-app.js';
import { createSlackAnswerer } from './slack-answerer.js';
import { listenToSlack } from './slack-listeners.js';
import { SLACK_PATHS } from './slack-manifest.js';
import { SLACK_ROUTES } from './slack-off.js';
import { screenBody, timestampWithinWindow } from './screen-slack-request.js';

/** Options of `createSlackAdapter`. */
export interface SlackAdapterOptions {
  connection: SlackConnection;
  core: Pick<Core, 'answer' | 'languageOf'>;
  /** Counts refusals (bad signature, body too large); optional for tests of the adapter alone. */
  onRefused?: (reason: Refusal) => void;
  /** For the signature window: real time, like Bolt's own check, even when answers run on a test or `--now` clock. */
  signatureClock?: Clock;
  /** Extra answers for a workspace's Home tab, e.g. its reminders, when reminders run. */
  homeAnswers?: (workspaceId: string, lang: Lang) => Promise<Answer[]>;
}

/** Creates the Slack adapter: Bolt in the configured mode, or only the "off" answer when Slack is off. */
export function createSlackAdapter(options: SlackAdapterOptions): PlatformAdapter {
  const { connection, onRefused } = options;
  const { config, log } = connection;
  const bolt = connection.enabled ? createBoltApp(connection) : undefined;
  if (bolt) {
    listenToSlack(bolt.app, {
      answer: createSlackAnswerer(options.core, log),
      languageOf: options.core.languageOf,
      log,
      ...(connection.installations ? { installations: connection.installations } : {}),
      ...(options.homeAnswers ? { homeAnswers: options.homeAnswers } : {}),
      ...(connection.events ? { events: connection.events } : {}),
    });
  }
  const receiver = bolt?.receiver;
  const signatureClock = options.signatureClock ?? systemClock;
  // Off, or in Socket Mode, no route of Slack's is served over HTTP: each says why.
  const offMessage =
    config.mode === 'socket'
      ? 'Slack runs in Socket Mode (SLACK_APP_TOKEN is set): there is no HTTP endpoint'
      : `Slack is not configured on this service: ${PLATFORM_VARIABLES.slack}`;
  // The events URL, and in OAuth mode the install pages, are Bolt's.
  const served = (method: string, path: string): boolean =>
    path === SLACK_PATHS.events ||
    (config.mode === 'oauth' &&
      method === 'GET' &&
      (path === SLACK_PATHS.install || path === SLACK_PATHS.oauthRedirect));

  return {
    enabled: connection.enabled,
    delivery: connection.delivery,
    ...SLACK_ROUTES,
    handle(req, res, path) {
      const method = (req.method ?? 'GET').toUpperCase();
      if (receiver && !served(method, path)) {
        // Slack is on over HTTP, but this is not one of its routes in this mode (the install pages of one workspace).
        return sendJson(res, 404, { error: 'not_found', message: notServedMessage(path) });
      }
      if (!receiver) return sendJson(res, 503, { error: 'slack_disabled', message: offMessage });
      if (method === 'POST') passToBolt(receiver, bolt!.responses, req, res, { connection, signatureClock });
      else receiver.requestListener(req, res);
    },
    finished(path, status) {
      // Bolt's own refusals are known only by their status.
      if (path !== SLACK_PATHS.events) return;
      if (status === 401) onRefused?.('bad-signature');
      if (status === 413) onRefused?.('body-too-large');
    },
    async start() {
      connection.identity?.start();
      if (config.mode === 'socket' && bolt) {
        // Not awaited: the Socket Mode client keeps retrying while Slack is unreachable, and health and Teams must
        // serve meanwhile. The log says what to check.
        void bolt.app.start().then(
          () => log.info('slack socket mode connected'),
          (err: unknown) =>
            log.error(
              { err },
              'slack socket mode could not connect: check SLACK_APP_TOKEN (connections:write) and Socket Mode in the app settings',
            ),
        );
      }
    },
    async stop() {
      connection.identity?.stop();
      if (config.mode === 'socket' && bolt)
        await bolt.app.stop().catch((err: unknown) => log.warn({ err }, 'slack socket mode: stop failed'));
    },
  };
}

// Why a /slack/ path is not served while Slack is on over HTTP.
function notServedMessage(path: string): string {
  if (path === SLACK_PATHS.install || path === SLACK_PATHS.oauthRedirect) {
    return (
      'this service serves one Slack workspace (SLACK_BOT_TOKEN), so there is no install page; to install into many ' +
      'workspaces, set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and CAAC_SECRETS_KEY instead'
    );
  }
  return `no such Slack route: Slack's requests go to POST ${SLACK_PATHS.events}`;
}

/**
 * A POST for Bolt: the timestamp window first (Bolt refuses old requests but not ones from the future; a replay
 * window must be closed on both sides), then the body, read and screened, then Bolt.
 */
function passToBolt(
  receiver: HTTPReceiver,
  responses: WeakMap<IncomingMessage, ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
  { connection, signatureClock }: { connection: SlackConnection; signatureClock: Clock },
): void {
  const reqLog = () => requestLogger(req, connection.log);
  if (!timestampWithinWindow(req, signatureClock)) {
    reqLog().warn('slack request refused: x-slack-request-timestamp outside the 5-minute window');
    res.writeHead(401).end();
    return;
  }
  responses.set(req, res);
  screenBody(req, res, connection.config.signingSecret!, reqLog).then(
    (pass) => {
      if (pass) receiver.requestListener(req, res);
    },
    (err: unknown) => {
      reqLog().error({ err }, 'slack request could not be screened');
      if (!res.headersSent) res.writeHead(500).end();
    },
  );
}
