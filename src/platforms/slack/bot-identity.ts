// The bot's own ids (bot id, bot user id) for one workspace, found by auth.test in the background: the service
// listens before Slack has answered, and the request path never waits for Slack. Bolt uses the ids only to ignore
// the bot's own events (ignoreSelf); slash commands and buttons are answered without them.
// https://docs.slack.dev/reference/methods/auth.test
import { webApi } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** The bot's ids in its workspace, as auth.test gives them. */
export interface BotIds {
  botId: string;
  botUserId: string;
}

/** Options of `createBotIdentity`. */
export interface BotIdentityOptions {
  token: string;
  /** SLACK_API_URL, when set. */
  apiUrl?: string;
  logger: Logger;
  /** The Web API client's own logger (Bolt's interface). */
  clientLogger?: BoltLogger;
  /** Waits before each retry; its length bounds the retries. Default about two minutes in all. */
  retryDelaysMs?: readonly number[];
  /** How long one auth.test may take before it counts as failed; default 10 s. */
  attemptTimeoutMs?: number;
}

/** The bot's ids, once known. */
export interface BotIdentity {
  /** The ids, or undefined while auth.test has not answered (or gave up). Never calls Slack. */
  ids(): BotIds | undefined;
  /** Starts resolving in the background; returns at once. Idempotent. */
  start(): void;
  /** Settles when resolving has ended: the ids, or undefined once it gave up or was stopped. */
  readonly settled: Promise<BotIds | undefined>;
  /** Cancels any pending retry. */
  stop(): void;
}

/** Default waits between auth.test attempts: 1 s doubling to 30 s, eight retries (about two minutes). */
export const BOT_ID_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000] as const;

// Slack's answers that a retry may cure; any other refusal (invalid_auth, token_revoked...) says the token is wrong.
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'fatal_error',
  'internal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

/** Creates the resolver of the bot's ids for one bot token. */
export function createBotIdentity(options: BotIdentityOptions): BotIdentity {
  const { logger } = options;
  const delays = options.retryDelaysMs ?? BOT_ID_RETRY_DELAYS_MS;
  // Our own retries, not the client's (ten over thirty minutes): each attempt is bounded and so is their number.
  const web = new webApi.WebClient(undefined, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    ...(options.clientLogger ? { logger: options.clientLogger } : {}),
    retryConfig: { retries: 0 },
    timeout: options.attemptTimeoutMs ?? 10_000,
    rejectRateLimitedCalls: true,
  });
  let known: BotIds | undefined;
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let settle: (ids: BotIds | undefined) => void = () => {};
  const settled = new Promise<BotIds | undefined>((resolve) => (settle = resolve));

  const attempt = async (n: number): Promise<void> => {
    if (stopped) return;
    try {
      const r = await web.auth.test({ token: options.token });
      if (stopped) return;
      known = { botId: String(r.bot_id ?? ''), botUserId: String(r.user_id ?? '') };
      logger.info({ ...known, attempts: n + 1 }, 'slack bot identified (auth.test)');
      settle(known);
    } catch (err) {
      if (stopped) return;
      const reason = describe(err);
      if (!reason.transient) {
        logger.error(
          { err, attempts: n + 1 },
          `slack auth.test refused: ${reason.text}. Check SLACK_BOT_TOKEN; commands are still answered`,
        );
        settle(undefined);
        return;
      }
      const wait = delays[n];
      if (wait === undefined) {
        logger.error(
          { err, attempts: n + 1 },
          `slack auth.test gave up after ${n + 1} attempts (${reason.text}). Check SLACK_API_URL and the network; commands are still answered`,
        );
        settle(undefined);
        return;
      }
      logger.warn(
        { attempts: n + 1, retryInMs: wait },
        `slack auth.test failed (${reason.text}); retrying in the background`,
      );
      timer = setTimeout(() => void attempt(n + 1), Math.max(wait, reason.retryAfterMs ?? 0));
      // A pending retry must not keep a stopping process alive.
      timer.unref();
    }
  };

  return {
    ids: () => known,
    settled,
    start() {
      if (started) return;
      started = true;
      void attempt(0);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      settle(known);
    },
  };
}

// Whether a failed auth.test is worth retrying, and a short reason for the log.
function describe(err: unknown): { transient: boolean; text: string; retryAfterMs?: number } {
  const e = err as {
    code?: string;
    data?: { error?: string };
    statusCode?: number;
    retryAfter?: number;
    original?: Error;
  };
  switch (e.code) {
    case webApi.ErrorCode.PlatformError: {
      const code = String(e.data?.error ?? 'unknown');
      return { transient: TRANSIENT_PLATFORM_ERRORS.has(code), text: `Slack answered ${code}` };
    }
    case webApi.ErrorCode.HTTPError:
      return { transient: true, text: `HTTP ${e.statusCode ?? '?'}` };
    case webApi.ErrorCode.RateLimitedError:
      return { transient: true, text: 'rate limited', retryAfterMs: (e.retryAfter ?? 0) * 1000 };
    case webApi.ErrorCode.RequestError:
      return { transient: true, text: `Slack could not be reached: ${causeOf(e.original)}` };
    default:
      return { transient: true, text: err instanceof Error ? err.message : String(err) };
  }
}

// fetch's "fetch failed" hides the reason (ECONNREFUSED, a timeout) in its cause.
function causeOf(err: Error | undefined): string {
  if (!err) return 'unknown error';
  const cause = err.cause as { code?: string; message?: string } | undefined;
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? err.message;
}
