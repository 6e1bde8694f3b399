// Slack through Bolt 5: HTTP mode (our own node:http server hands /slack/events and the OAuth routes to Bolt's
// HTTPReceiver.requestListener), Socket Mode when an app token is set, and OAuth install into many workspaces with
// the installation store in the service's database. Transport only: meaning comes from the core, Block Kit from
// the renderer.
// https://docs.slack.dev/tools/bolt-js/ · https://docs.slack.dev/interactivity/implementing-slash-commands
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPModuleFunctions, HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import type { AuthorizeResult, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import type { Logger } from 'pino';
import type { SlackConfig } from '../../config.js';
import type { Answer } from '../../core/answer.js';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import { fault } from '../../core/answers/fault.js';
import type { Command } from '../../core/command.js';
import { needsChannel } from '../../core/commands/command-registry.js';
import type { Core } from '../../core/create-core.js';
import { parseCommand } from '../../core/parse-command.js';
import type { ChannelRef, RequestContext } from '../../core/ports.js';
import { BODY_LIMITS, BodyTooLargeError, readBody, sendBodyTooLarge } from '../../http/read-body.js';
import { noteRequest, requestLogger } from '../../http/request-logger.js';
import type { RequestNote } from '../../http/request-logger.js';
import type { Delivery } from '../../core/delivery.js';
import { SLACK_ACTION_IDS, answerToBlockKit, escapeMrkdwn, truncate } from '../../render/answer-to-block-kit.js';
import type { Storage } from '../../storage/open-database.js';
import type { SecretBox } from '../../storage/secret-box.js';
import { answerUnknownRequests } from './answer-unknown-requests.js';
import { boltLogger } from './bolt-logger.js';
import { createBotIdentity } from './bot-identity.js';
import { ReinstallNeededError, answerProcessEventError, notInstalledWorkspace } from './not-installed-reply.js';
import { answersToHomeView } from './home-view.js';
import { slackBodyProblem } from './slack-body-problem.js';
import { slashAckBody } from './slash-ack-body.js';
import { createSlackDelivery } from './slack-delivery.js';
import { createTokenRefresher } from './slack-token-refresher.js';
import { SqlInstallationStore } from './sql-installation-store.js';

/** The slash command, as in manifests/slack/manifest.yaml. */
export const SLASH_COMMAND = '/caac';

/** The bot events the app subscribes to, as in the manifest. */
export const SLACK_BOT_EVENTS = ['app_home_opened', 'app_uninstalled'] as const;

/** Where Slack's requests arrive, as in the manifest. */
export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
} as const;

/** The bot scopes the app asks for, as in the manifest: the slash command, posting, and checking a channel before `remind`. */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'channels:read', 'groups:read'] as const;

// The buttons our answers carry: "Share in channel" and the suggestion/next-command buttons, numbered.
const KNOWN_ACTION_ID = new RegExp(`^(?:${SLACK_ACTION_IDS.share}|${SLACK_ACTION_IDS.run}):\\d+$`);

/** Slack's signature window: requests more than 5 minutes old or ahead of our clock are refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 300;

// A listener's context: Bolt's, with the custom properties of the request (customPropertiesExtractor above).
type ListenerContext = Record<string, unknown>;

/** Options of `createSlackAdapter`. */
export interface SlackAdapterOptions {
  config: SlackConfig;
  core: Core;
  logger: Logger;
  /** Needed for the OAuth install (installation store). */
  storage?: Storage;
  /** Needed for the OAuth install: seals the stored tokens (CAAC_SECRETS_KEY). */
  secrets?: SecretBox;
  /** For installation timestamps; default the system clock. */
  clock?: Clock;
  /** For the signature window: real time, like Bolt's own check, even when answers run on a test or `--now` clock. */
  signatureClock?: Clock;
  /** Extra answers for a workspace's Home tab, e.g. its reminders, when reminders run. */
  homeAnswers?: (workspaceId: string) => Promise<Answer[]>;
  /** Waits between auth.test retries at start-up (their number bounds the retries); default about two minutes. */
  botIdRetryDelaysMs?: readonly number[];
}

/** The running Slack side of the service. */
export interface SlackAdapter {
  readonly mode: SlackConfig['mode'];
  /** Whether this request is Slack's to answer (events, and the OAuth routes when OAuth is on). */
  handles(method: string, path: string): boolean;
  /** Answers a request that `handles` accepted. The body must not have been read. */
  requestListener(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Starts resolving the bot ids (single workspace) and connecting Socket Mode, both in the background: it returns
   * at once, and the request path never waits for Slack.
   */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts reminders to Slack channels. */
  readonly delivery: Delivery;
}

/** Creates the Slack adapter for a configured mode (not 'off'). */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, core, logger } = options;
  const clock = options.clock ?? systemClock;
  const log = logger.child({ platform: 'slack' });
  const bLogger = boltLogger(log);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const store =
    config.mode === 'oauth'
      ? new SqlInstallationStore(requireStorage(options.storage).db, clock, {
          secrets: requireSecrets(options.secrets),
          logger: log,
        })
      : undefined;
  const refresher = store
    ? createTokenRefresher({
        store,
        clientId: config.clientId!,
        clientSecret: config.clientSecret!,
        clock,
        logger: log,
        clientLogger: bLogger,
        ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
      })
    : undefined;

  // One workspace: the bot ids are found by auth.test in the background, with bounded retries, so that neither the
  // start nor any request waits for Slack. Until they are known, requests are authorized with the token alone: Bolt
  // needs the ids only to ignore the bot's own events, and none of the events we take can come from the bot.
  const identity =
    config.mode === 'single' || config.mode === 'socket'
      ? createBotIdentity({
          token: config.botToken!,
          ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
          logger: log,
          clientLogger: bLogger,
          ...(options.botIdRetryDelaysMs ? { retryDelaysMs: options.botIdRetryDelaysMs } : {}),
        })
      : undefined;
  const authorize = async (): Promise<AuthorizeResult> => ({ botToken: config.botToken!, ...identity?.ids() });

  let receiver: HTTPReceiver | undefined;
  let app: App;
  // The response of each request handed to Bolt, for the listeners (Bolt passes them the request's custom properties only).
  const responses = new WeakMap<IncomingMessage, ServerResponse>();
  if (config.mode === 'socket') {
    app = new App({
      socketMode: true,
      appToken: config.appToken!,
      authorize,
      logger: bLogger,
      clientOptions,
      convoStore: false,
      extendedErrorHandler: true,
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret!,
      endpoints: SLACK_PATHS.events,
      logger: bLogger,
      processBeforeResponse: false,
      bodyLimit: BODY_LIMITS.slack,
      // What a listener needs of the HTTP request: its logger, a way to add to its one log line, and its response
      // (to send the cached ack body with its headers).
      // Once the response has finished (an ack sent before the answer), its line is written: the note is refused.
      customPropertiesExtractor: (req) => {
        const response = responses.get(req);
        return {
          requestLog: requestLogger(req, log),
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
            installationStore: store!,
            installerOptions: {
              installPath: SLACK_PATHS.install,
              redirectUriPath: SLACK_PATHS.oauthRedirect,
              directInstall: true,
              clientOptions,
            },
          }
        : {}),
    });
    app = new App({
      receiver,
      ...(config.mode === 'single' ? { authorize } : {}),
      logger: bLogger,
      clientOptions,
      convoStore: false,
      extendedErrorHandler: true,
    });
  }

  const contextOf = (
    teamId: string | undefined,
    channelId: string | undefined,
    userId: string | undefined,
    channelName?: string,
  ) => {
    const context: RequestContext = { platform: 'slack', ...(userId ? { userId } : {}) };
    if (teamId && channelId) {
      const channel: ChannelRef = { platform: 'slack', workspaceId: teamId, channelId };
      if (channelName && !['directmessage', 'privategroup'].includes(channelName)) channel.name = `#${channelName}`;
      context.channel = channel;
    }
    return context;
  };

  // Answers a parsed command, never throwing: a fault becomes the apologetic answer and a log line. The command kind
  // and outcome go on the server's one line for the request (a line of their own where there is none: Socket Mode).
  const answer = async (command: Command, context: RequestContext, listener: ListenerContext): Promise<Answer> => {
    const started = performance.now();
    const reqLog = (listener.requestLog as Logger | undefined) ?? log;
    const kind = command.kind;
    try {
      const result = await core.answer(command, context);
      const note = { command: kind, outcome: result.outcome };
      const noted =
        typeof listener.noteRequest === 'function' && (listener.noteRequest as (n: RequestNote) => boolean)(note);
      if (!noted) reqLog.info({ ...note, ms: Math.round(performance.now() - started) }, 'slack command answered');
      return result;
    } catch (err) {
      reqLog.error({ err, command: kind }, 'slack command failed');
      return fault();
    }
  };

  app.command(SLASH_COMMAND, async ({ command, ack, respond, context }) => {
    const text = command.text ?? '';
    const ctx = contextOf(command.team_id, command.channel_id, command.user_id, command.channel_name);
    const parsed = parseCommand(text);
    if (needsChannel(parsed)) {
      // Reminder commands write to the store and may ask Slack whether the bot can post here: acknowledge first
      // (Slack's 3 seconds), then answer through response_url.
      await ack();
      const result = await answer(parsed, ctx, context);
      await respond({ response_type: 'ephemeral', ...(answerToBlockKit(result) as RespondArguments) });
      return;
    }
    // Lookups are answered from memory: the answer travels in the acknowledgement itself, nothing outbound.
    const result = await answer(parsed, ctx, context);
    const share = result.outcome === 'answered' ? text : undefined;
    const response = context.response as ServerResponse | undefined;
    if (response && !response.headersSent) {
      // Over HTTP, the body serialised once per memoised answer (slash-ack-body.ts); Bolt writes a string body as it
      // is, so the JSON headers are ours to set.
      const body = slashAckBody(result, share);
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.setHeader('content-length', body.bytes);
      await ack(body.json);
      return;
    }
    // Socket Mode sends the ack's object inside its envelope: no HTTP response to write.
    await ack({
      response_type: 'ephemeral',
      ...(answerToBlockKit(result, share !== undefined ? { shareCommand: share } : {}) as RespondArguments),
    });
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: KNOWN_ACTION_ID },
    async ({ ack, body, action, respond, context }) => {
      await ack();
      if (!body.response_url) return; // a view's buttons have no response_url; our views carry none
      const text = action.value ?? '';
      const ctx = contextOf(body.team?.id ?? body.user.team_id, body.channel?.id, body.user.id, body.channel?.name);
      const result = await answer(parseCommand(text), ctx, context);
      if (action.action_id.startsWith(SLACK_ACTION_IDS.share)) {
        // Posted through response_url, which works where the bot is not a member; the sharer is named by id only
        // when Slack's id has the expected shape, so no text of ours can become a mention.
        const message = answerToBlockKit(result);
        if (/^[UW][A-Z0-9]{2,20}$/.test(body.user.id)) {
          message.blocks.push({
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: `Shared by <@${body.user.id}> with /caac ${escapeCommand(text)}`,
                verbatim: true,
              },
            ],
          });
        }
        await respond({ response_type: 'in_channel', replace_original: false, ...(message as RespondArguments) });
        return;
      }
      // A suggestion or next-command button: answer privately, in place of the ephemeral answer it was on.
      const ephemeral = body.container?.is_ephemeral === true;
      const share = result.outcome === 'answered' ? text : undefined;
      await respond({
        response_type: 'ephemeral',
        replace_original: ephemeral,
        ...(answerToBlockKit(result, share !== undefined ? { shareCommand: share } : {}) as RespondArguments),
      });
    },
  );

  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    const reqLog = (context.requestLog as Logger | undefined) ?? log;
    const teamId = (body as { team_id?: string }).team_id ?? context.teamId;
    const ctx = contextOf(teamId, undefined, event.user);
    const answers = [await answer({ kind: 'renewals' }, ctx, context)];
    if (teamId && options.homeAnswers) {
      try {
        answers.push(...(await options.homeAnswers(teamId)));
      } catch (err) {
        reqLog.warn({ err }, 'slack home: reminders unavailable');
      }
    }
    await client.views.publish({ user_id: event.user, view: answersToHomeView(answers) as never });
  });

  // An uninstalled app's tokens are dead: forget them, so reminders for that workspace stop at once.
  app.event('app_uninstalled', async ({ body }) => {
    const b = body as { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean };
    if (!store) return;
    await store.deleteInstallation(
      b.is_enterprise_install
        ? { isEnterpriseInstall: true, enterpriseId: b.enterprise_id!, teamId: undefined }
        : { isEnterpriseInstall: false, teamId: b.team_id!, enterpriseId: b.enterprise_id },
    );
    log.info({ team: b.team_id }, 'slack app uninstalled: installation removed');
  });

  // Last, so that they see what the listeners above leave: other slash commands, unknown action ids, shortcuts...
  answerUnknownRequests(app, { command: SLASH_COMMAND, isKnownActionId: (id) => KNOWN_ACTION_ID.test(id) }, log);

  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    // A workspace without a usable installation is not a fault of ours: a slash command is told to reinstall.
    const workspace = notInstalledWorkspace(error);
    if (workspace !== undefined) {
      log.warn({ team: workspace }, 'slack request from a workspace without a usable installation');
      if (typeof (body as { command?: unknown }).command === 'string') throw new ReinstallNeededError(workspace);
      return;
    }
    log.error({ err: error }, 'slack listener failed');
  });

  const delivery = createSlackDelivery({
    tokenFor: async (workspaceId) => (refresher ? refresher.botToken(workspaceId) : config.botToken),
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    logger: bLogger,
  });

  return {
    mode: config.mode,
    delivery,
    handles(method, path) {
      if (!receiver) return false;
      if (path === SLACK_PATHS.events) return true;
      return (
        config.mode === 'oauth' &&
        method === 'GET' &&
        (path === SLACK_PATHS.install || path === SLACK_PATHS.oauthRedirect)
      );
    },
    requestListener(req, res) {
      if (!receiver) throw new Error('Slack runs in Socket Mode: no HTTP endpoint');
      if (req.method === 'POST' && !timestampWithinWindow(req, options.signatureClock ?? systemClock)) {
        // Bolt refuses requests older than 5 minutes but not ones from the future; a replay window must be closed
        // on both sides, so we refuse both here, before Bolt reads the body. (The server counts the 401 in metrics.)
        requestLogger(req, log).warn('slack request refused: x-slack-request-timestamp outside the 5-minute window');
        res.writeHead(401).end();
        return;
      }
      if (req.method !== 'POST') {
        receiver.requestListener(req, res);
        return;
      }
      const http = receiver;
      responses.set(req, res);
      screenBody(req, res, config.signingSecret!, requestLogger(req, log)).then(
        (pass) => {
          if (pass) http.requestListener(req, res);
        },
        (err: unknown) => {
          requestLogger(req, log).error({ err }, 'slack request could not be screened');
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
    },
    async start() {
      identity?.start();
      if (config.mode === 'socket') {
        // Not awaited: the Socket Mode client keeps retrying while Slack is unreachable, and health and Teams must
        // serve meanwhile. The log says what to check.
        void app.start().then(
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
      identity?.stop();
      if (config.mode === 'socket')
        await app.stop().catch((err: unknown) => log.warn({ err }, 'slack socket mode: stop failed'));
    },
  };
}

// Reads the body within the limit (413 past it) and refuses, before Bolt sees it, a signed body of a shape Bolt
// would trip on (400) - see slack-body-problem.ts. The body is left on the request as `rawBody`, which Bolt's
// HTTPReceiver reads instead of the stream. True when the request may go on to Bolt.
async function screenBody(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  reqLog: Logger,
): Promise<boolean> {
  let raw: Buffer;
  try {
    raw = await readBody(req, { limit: BODY_LIMITS.slack });
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      reqLog.warn({ limit: err.limit }, 'slack request refused: body over the limit');
      sendBodyTooLarge(res, err.limit);
    } else {
      reqLog.warn({ err }, 'slack request body could not be read');
      if (!res.headersSent && !res.destroyed) res.writeHead(400).end();
    }
    return false;
  }
  const buffered = Object.assign(req, { rawBody: raw });
  const text = raw.toString();
  let problem: string | undefined;
  try {
    problem = slackBodyProblem(HTTPModuleFunctions.parseHTTPRequestBody(buffered));
  } catch {
    return true; // not JSON: Bolt checks the signature, then answers 400 itself
  }
  // Bolt answers ssl_check=1 without a signature and drops the rest of such a body: nothing of it is read.
  const sslCheck =
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(text).get('ssl_check') === '1';
  if (!problem || sslCheck) return true;
  // An unsigned request learns nothing about the shapes we accept: it gets Bolt's 401, as any unsigned request.
  const signed = isValidSlackRequest({
    signingSecret,
    body: text,
    headers: {
      'x-slack-signature': String(req.headers['x-slack-signature']),
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    },
  });
  if (!signed) {
    reqLog.warn('slack request refused: signature verification failed');
    res.writeHead(401).end();
    return false;
  }
  reqLog.warn({ problem }, 'slack request refused: a body of a shape Slack does not send');
  const body = JSON.stringify({
    ok: false,
    error: 'bad_request',
    message: `Not a Slack request this app handles: ${problem}.`,
  });
  res
    .writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
    .end(body);
  return false;
}

/** Whether the request's x-slack-request-timestamp is within 5 minutes of now, in either direction. */
export function timestampWithinWindow(req: IncomingMessage, clock: Clock): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return true; // missing or malformed: Bolt refuses it
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  return Math.abs(nowSeconds - Number(header)) <= SLACK_TIMESTAMP_WINDOW_SECONDS;
}

// The command as the sharer typed it, shortened before escaping so that no entity is cut in half.
function escapeCommand(text: string): string {
  return escapeMrkdwn(truncate(text, 200));
}

function requireSecrets(secrets: SecretBox | undefined): SecretBox {
  if (!secrets) throw new Error('the Slack OAuth install needs CAAC_SECRETS_KEY (it encrypts the stored tokens)');
  return secrets;
}

function requireStorage(storage: Storage | undefined): Storage {
  if (!storage) throw new Error('the Slack OAuth install needs the database (installation store)');
  return storage;
}
