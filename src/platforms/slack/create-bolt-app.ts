// Bolt 5's App for a connected Slack: HTTP mode (our own node:http server hands /slack/events and the OAuth routes to
// Bolt's HTTPReceiver.requestListener) or Socket Mode when an app token is set, with OAuth install into many
// workspaces from the installation store in the service's database.
// https://docs.slack.dev/tools/bolt-js/
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import type { AuthorizeResult } from '@slack/bolt';
import { BODY_LIMITS } from '../../http/read-body.js';
import { noteRequest, requestLogger } from '../../http/request-logger.js';
import type { RequestNote } from '../../http/request-logger.js';
import type { SlackConnection } from './connect-slack.js';
import { answerProcessEventError } from './not-installed-reply.js';
import { SLACK_BOT_SCOPES, SLACK_PATHS } from './slack-manifest.js';

/** Bolt's App, its HTTP receiver (none in Socket Mode), and where a request's response is found by its listeners. */
export interface BoltApp {
  app: App;
  receiver?: HTTPReceiver;
  /** The response of each request handed to Bolt (Bolt passes listeners the request's custom properties only). */
  responses: WeakMap<IncomingMessage, ServerResponse>;
}

/** Creates Bolt's App for a connection whose mode is not 'off'. */
export function createBoltApp(connection: SlackConnection): BoltApp {
  const { config, log, identity, installations } = connection;
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  // Until the bot ids are known, requests are authorized with the token alone: Bolt needs the ids only to ignore the
  // bot's own events, and none of the events we take can come from the bot.
  const authorize = async (): Promise<AuthorizeResult> => ({ botToken: config.botToken!, ...identity?.ids() });
  const responses = new WeakMap<IncomingMessage, ServerResponse>();
  if (config.mode === 'socket') {
    const app = new App({
      socketMode: true,
      appToken: config.appToken!,
      authorize,
      logger: connection.boltLogger,
      clientOptions,
      convoStore: false,
      extendedErrorHandler: true,
    });
    return { app, responses };
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret!,
    endpoints: SLACK_PATHS.events,
    logger: connection.boltLogger,
    processBeforeResponse: false,
    bodyLimit: BODY_LIMITS.slack,
    // What a listener needs of the HTTP request: its logger (a function: made only if a listener logs), a way to add
    // to its one log line, and its response (to send the cached ack body with its headers).
    // Once the response has finished (an ack sent before the answer), its line is written: the note is refused.
    customPropertiesExtractor: (req) => {
      const response = responses.get(req);
      return {
        requestLog: () => requestLogger(req, log),
        noteRequest: (note: RequestNote) =>
          response !== undefined && !response.writableFinished && noteRequest(req, note),
        response,
      };
    },
    // Bolt answers 404 for paths it does not serve only if asked: we route before it, so it never sees them.
    dispatchErrorHandler: async ({ response }) => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    },
    processEventErrorHandler: answerProcessEventError,
    ...(config.mode === 'oauth'
      ? {
          clientId: config.clientId!,
          clientSecret: config.clientSecret!,
          stateSecret: config.stateSecret!,
          scopes: [...SLACK_BOT_SCOPES],
          installationStore: installations!,
          installerOptions: {
            installPath: SLACK_PATHS.install,
            redirectUriPath: SLACK_PATHS.oauthRedirect,
            directInstall: true,
            clientOptions,
          },
        }
      : {}),
  });
  const app = new App({
    receiver,
    ...(config.mode === 'single' ? { authorize } : {}),
    logger: connection.boltLogger,
    clientOptions,
    convoStore: false,
    extendedErrorHandler: true,
  });
  return { app, receiver, responses };
}
