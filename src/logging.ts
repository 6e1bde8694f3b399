// The service's logger: pino, with secrets kept out of every line. Two layers, because either alone leaks: a deep
// scrub in `formatters.log` catches secrets at any depth by their key's name, Error objects from the Slack and Bot
// Framework SDKs (axios errors carry `config.headers.Authorization`, `request._header`, `response.data`), and tokens
// pasted into free text (messages, error messages, stacks); then pino's `redact` censors the places the scrub cannot
// know by a key's name (an SDK request's body, `err.config.data`). pino runs `formatters.log` before its redaction,
// so a secret-named path listed for `redact` too would change no line, yet costs every line: pino's redaction of 37
// paths with wildcards took ~30 µs a line, 8 times the rest of pino.
// https://getpino.io/#/docs/redaction
import { pino } from 'pino';
import type { DestinationStream, Logger, LoggerOptions } from 'pino';
import type { Config } from './config/read-config.js';

export type { Logger } from 'pino';

/** What replaces a secret in a log line. */
export const REDACTED = '[Redacted]';

/**
 * Paths pino redacts after the deep scrub: only those whose key's name says nothing (every secret-named key, such as
 * token, authorization, cookie, x-slack-signature or MicrosoftAppPassword, is censored by the scrub at any depth).
 */
export const REDACT_PATHS: readonly string[] = ['err.config.data'];

// Key names whose values are secrets wherever they appear. Deliberately broad: a false positive costs a field in a
// log line, a false negative costs a rotated credential.
const SECRET_KEY =
  /(token|secret|passw(or)?d|authorization|cookie|signature|credential|api[-_]?key|private[-_]?key|^_header$)/i;

// Token shapes stripped from any string: Slack tokens (xoxb-, xoxp-, xoxa-, xoxr-, xoxe-, xoxs-, xapp-), bearer and
// basic credentials, JWTs (Bot Framework access tokens), and secrets in query strings.
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/gi, REDACTED],
  [/\bxapp-[A-Za-z0-9-]+/gi, REDACTED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  // Credentials in URLs: postgres://caac:secret@host/db, https://user:pass@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s"']+:)[^@/\s"']+@/gi, `$1${REDACTED}@`],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  [
    /([?&;]\s*(?:token|access_token|refresh_token|client_secret|code|state|password|sig|signature)=)[^&\s"';]+/gi,
    `$1${REDACTED}`,
  ],
];

// Every token shape above contains one of these (case aside): a string with none of them is left as it is, after one
// pass over it instead of one per shape.
const MAY_HOLD_TOKEN = /xox|xapp|bearer|basic|:\/\/|eyj|[?&;]/i;

const MAX_DEPTH = 6;
const MAX_KEYS = 60;
const MAX_STRING = 8_000;

/**
 * Removes token-shaped substrings (Slack tokens, bearer credentials, JWTs, secret query params) from a string, and
 * every occurrence of the known secret values passed in (the configured passwords, which have no recognisable shape).
 */
export function scrubString(text: string, knownSecrets: readonly string[] = []): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  for (const secret of knownSecrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  if (!MAY_HOLD_TOKEN.test(out)) return out;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A deep copy of a value fit for a log line: secret-named keys redacted at any depth, token shapes stripped from
 * strings, Errors turned into plain objects (type, message, stack, code and their own fields), cycles, functions,
 * sockets and buffers dropped.
 */
export function scrubValue(
  value: unknown,
  knownSecrets: readonly string[] = [],
  depth = 0,
  seen: WeakSet<object> = new WeakSet(),
): unknown {
  const scrubString_ = (text: string) => scrubString(text, knownSecrets);
  const recurse = (v: unknown) => scrubValue(v, knownSecrets, depth + 1, seen);
  if (typeof value === 'string') return scrubString_(value);
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Object]';
  seen.add(value);
  try {
    if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return `[${value.constructor.name}]`;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map(recurse);
    const out: Record<string, unknown> = {};
    if (value instanceof Error) {
      out.type = value.constructor?.name ?? 'Error';
      out.message = scrubString_(value.message);
      if (value.stack) out.stack = scrubString_(value.stack);
      const cause = (value as { cause?: unknown }).cause;
      if (cause !== undefined) out.cause = recurse(cause);
    } else {
      // Node's sockets, streams and http.ClientRequest are huge, cyclic and full of headers: name them only.
      const ctor = value.constructor?.name;
      if (ctor && /^(Socket|TLSSocket|ClientRequest|IncomingMessage|ServerResponse|Agent|Server)$/.test(ctor)) {
        return `[${ctor}]`;
      }
    }
    let n = 0;
    for (const key of Object.keys(value)) {
      if (n++ >= MAX_KEYS) {
        out['…'] = 'more keys omitted';
        break;
      }
      if (key in out && value instanceof Error) continue;
      const v = (value as Record<string, unknown>)[key];
      if (SECRET_KEY.test(key) && v !== undefined && v !== null && v !== '') {
        out[key] = REDACTED;
      } else {
        const s = recurse(v);
        if (s !== undefined) out[key] = s;
      }
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * What scrubValue gives for a plain object whose values are all strings, numbers, booleans or null (a request's log
 * line), made without its recursion and bookkeeping; undefined for any other value, which takes the deep path.
 */
function scrubFlat(
  value: Record<string, unknown>,
  knownSecrets: readonly string[],
): Record<string, unknown> | undefined {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const keys = Object.keys(value);
  if (keys.length > MAX_KEYS) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) continue;
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    if (v !== null && v !== '' && SECRET_KEY.test(key)) out[key] = REDACTED;
    else out[key] = typeof v === 'string' ? scrubString(v, knownSecrets) : v;
  }
  return out;
}

/** The secret values of a configuration, for `createLogger({ secrets })`. */
export function configSecrets(config: Config): string[] {
  const { slack, teams } = config;
  const dbPassword = config.databaseUrl ? safeUrlPassword(config.databaseUrl) : undefined;
  return [
    slack.signingSecret,
    slack.botToken,
    slack.clientSecret,
    slack.stateSecret,
    slack.appToken,
    teams.appPassword,
    dbPassword,
    config.secretsKey,
    config.secretsKeyPrevious,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

function safeUrlPassword(url: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}

/** Options of `createLogger`. */
export interface CreateLoggerOptions {
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  level?: string;
  /** Where lines go (tests pass a stream that captures them); default stdout. */
  destination?: DestinationStream;
  /** Bindings on every line, e.g. { service: 'caac-bot' }. */
  base?: Record<string, unknown>;
  /**
   * The configured secret values (signing secret, tokens, client secret, MicrosoftAppPassword): replaced wherever they
   * appear, even inside free text such as an SDK's error message. Values shorter than 6 characters are ignored.
   */
  secrets?: readonly (string | undefined)[];
}

/** Creates the service's pino logger with secrets redacted from every line (see the top of this file). */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const known = [...new Set((options.secrets ?? []).filter((s): s is string => !!s && s.length >= 6))]
    // Longest first, so that a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  const scrubObject = (o: Record<string, unknown>): Record<string, unknown> =>
    scrubFlat(o, known) ?? (scrubValue(o, known) as Record<string, unknown> | undefined) ?? {};
  const opts: LoggerOptions = {
    level: options.level ?? 'info',
    base: options.base ?? { service: 'caac-bot' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: scrubObject,
      log: scrubObject,
    },
    serializers: {
      // The message itself (including `%s` arguments and an Error's message used as msg).
      msg: (m: unknown) => (typeof m === 'string' ? scrubString(m, known) : m),
      // formatters.log has already turned Errors into plain scrubbed objects; keep them as they are.
      err: (e: unknown) => e,
      error: (e: unknown) => e,
    },
  };
  const logger = options.destination ? pino(opts, options.destination) : pino(opts);
  // pino applies `formatters.bindings` to the root's base only, not to child bindings: scrub those here. Children are
  // created with Object.create(parent), so every descendant inherits this wrapper.
  const child = logger.child;
  const scrubbingChild = function (this: Logger, bindings: Record<string, unknown>, childOptions?: object) {
    return child.call(this, scrubObject(bindings), childOptions);
  };
  (logger as unknown as { child: unknown }).child = scrubbingChild;
  return logger;
}
