// The environment variables of the product contract (CONTRACT.md, "Service"), each documented where it is declared,
// and the zod schema that reads them. Environment values are strings; an empty string counts as unset
// (docker-compose writes `FOO=` for unset values).
import { z } from 'zod';
import { parseSecretsKey } from '../storage/secret-box.js';

/** The pino levels LOG_LEVEL accepts. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v));

const wholeNumber = (min: number, max: number) =>
  optional.pipe(
    z
      .string()
      .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)
      .optional(),
  );

const timeZone = optional.refine(
  (tz) => tz === undefined || isTimeZone(tz),
  'must be an IANA time zone such as UTC or Europe/Paris',
);

const prefixed = (prefix: string, what: string) =>
  optional.refine((v) => v === undefined || v.startsWith(prefix), `must be ${what} (starting "${prefix}")`);

const secretsKey = optional.refine(
  (v) => v === undefined || parseSecretsKey(v) !== undefined,
  'must be 32 random bytes in base64 (generate one with `openssl rand -base64 32`)',
);

const httpUrl = optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL');

// Every variable of the contract, documented where declared. Secrets are marked so that their values are never echoed.
export const ENV_VARIABLES = {
  /** TCP port of the HTTP server. */
  PORT: wholeNumber(1, 65535),
  /** Address the HTTP server binds to. */
  HOST: optional,
  /** pino level. */
  LOG_LEVEL: optional.refine(
    (v) => v === undefined || (LOG_LEVELS as readonly string[]).includes(v),
    `must be one of ${LOG_LEVELS.join(', ')}`,
  ),
  /** Dataset folder (default: the package's data/). */
  CAAC_DATA_DIR: optional,
  /** SQLite file (the embedded default store). */
  CAAC_DB_PATH: optional,
  /** postgres://… : use PostgreSQL instead of SQLite (several replicas share it). */
  DATABASE_URL: optional.refine(
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must be a postgres:// or postgresql:// URL',
  ),
  /** How often the scheduler looks for due reminders, in milliseconds. */
  CAAC_SCHEDULER_POLL_MS: wholeNumber(100, 3_600_000),
  /** How long a claim on a due reminder holds, in milliseconds; a post is given up at half of it (or 30 s). */
  CAAC_SCHEDULER_LEASE_MS: wholeNumber(1_000, 3_600_000),
  /** Time zone for reminders that name none. */
  CAAC_DEFAULT_TZ: timeZone,
  /** Slack app's signing secret (Basic Information → App Credentials): verifies every request from Slack. */
  SLACK_SIGNING_SECRET: optional,
  /** Bot token of a single-workspace install (OAuth & Permissions → Bot User OAuth Token). */
  SLACK_BOT_TOKEN: prefixed('xoxb-', 'a bot token'),
  /** OAuth install into many workspaces: client id, client secret, and a secret for signing the OAuth state. */
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  /** App-level token with connections:write: Slack over Socket Mode instead of HTTP. */
  SLACK_APP_TOKEN: prefixed('xapp-', 'an app-level token'),
  /** Another Slack Web API base URL (GovSlack, tests). */
  SLACK_API_URL: httpUrl,
  /** Encrypts the Slack tokens at rest; required with the OAuth install. 32 random bytes, base64. */
  CAAC_SECRETS_KEY: secretsKey,
  /** The key being rotated out: values sealed with it are still read, and rewritten under CAAC_SECRETS_KEY. */
  CAAC_SECRETS_KEY_PREVIOUS: secretsKey,
  /** Bot Framework app registration. */
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: optional.refine(
    (v) => v === undefined || ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(v),
    'must be MultiTenant, SingleTenant or UserAssignedMSI',
  ),
  MicrosoftAppTenantId: optional,
  /** `true` only for local use with the Bot Framework Emulator; refused when NODE_ENV=production. */
  TEAMS_ALLOW_UNAUTHENTICATED: optional.refine(
    (v) => v === undefined || v === 'true' || v === 'false',
    'must be true or false',
  ),
  /** `production` forbids settings meant only for local use (TEAMS_ALLOW_UNAUTHENTICATED). Set by the Dockerfile. */
  NODE_ENV: optional,
} as const;

/** The variables whose values are secret: a problem with one never echoes its value. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_APP_TOKEN',
  'MicrosoftAppPassword',
  'DATABASE_URL',
  'CAAC_SECRETS_KEY',
  'CAAC_SECRETS_KEY_PREVIOUS',
]);

/** Reads the variables above from an environment (strings in, typed values out). */
export const EnvSchema = z.object(ENV_VARIABLES);

/** The environment once read by EnvSchema. */
export type Env = z.infer<typeof EnvSchema>;

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
