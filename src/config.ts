// The service's configuration: read once from the environment, validated with zod, every problem reported at once
// (one line each, naming the variable and how to fix it), then frozen. Tests pass their own `env`.
// The variables and their defaults are those of the product contract (CONTRACT.md, "Service").
import { z } from 'zod';
import { parseSecretsKey } from './storage/secret-box.js';

/** The pino levels LOG_LEVEL accepts. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** How Slack runs: off, one workspace over HTTP, many workspaces through OAuth, or Socket Mode (one workspace). */
export type SlackMode = 'off' | 'single' | 'oauth' | 'socket';

/** Slack settings; which fields are set depends on `mode`. */
export interface SlackConfig {
  readonly mode: SlackMode;
  readonly signingSecret?: string;
  readonly botToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly stateSecret?: string;
  readonly appToken?: string;
  /** Web API base URL ending in "/", e.g. https://slack.com/api/ (GovSlack: https://slack-gov.com/api/). */
  readonly apiUrl?: string;
}

/** Microsoft Teams (Bot Framework) settings. */
export interface TeamsConfig {
  /** Teams is on when an app id is set, or when unauthenticated local use is allowed (the Emulator). */
  readonly enabled: boolean;
  readonly appId?: string;
  readonly appPassword?: string;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  readonly appTenantId?: string;
  readonly allowUnauthenticated: boolean;
}

/** The whole configuration, typed and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Dataset folder; undefined means the package's own data/. */
  readonly dataDir?: string;
  /** SQLite file, used unless databaseUrl is set. */
  readonly dbPath: string;
  /** postgres://… to use PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string;
  readonly schedulerPollMs: number;
  /** How long a scheduler's claim on a reminder holds (each post ends within half of it). */
  readonly schedulerLeaseMs: number;
  readonly defaultTz: string;
  readonly slack: SlackConfig;
  readonly teams: TeamsConfig;
  /** CAAC_SECRETS_KEY (base64 of 32 bytes): encrypts the Slack tokens stored by the OAuth install. */
  readonly secretsKey?: string;
  /** CAAC_SECRETS_KEY_PREVIOUS: the key being rotated out, still read (and its values rewritten) until rotated. */
  readonly secretsKeyPrevious?: string;
}

/** The outcome of reading the configuration: a frozen Config, or every problem as one line each. */
export type ReadConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

// Environment values are strings; an empty string counts as unset (docker-compose writes `FOO=` for unset values).
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
const variables = {
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

const SECRETS = new Set([
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

const EnvSchema = z.object(variables);

/** Reads and validates the configuration from `env`, listing every problem at once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ReadConfigResult {
  const picked: Record<string, string | undefined> = {};
  for (const name of Object.keys(variables)) picked[name] = env[name];
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const raw = picked[name] ?? '';
      return SECRETS.has(name) ? `${name}: ${issue.message}` : `${name}: ${issue.message}, got '${raw}'`;
    });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const e = parsed.data;
  const problems: string[] = [];

  const slack = slackConfig(e, problems);
  const teams = teamsConfig(e, problems);
  secretsProblems(e, slack, problems);
  if (problems.length > 0) return { ok: false, problems };

  const config: Config = {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '0.0.0.0',
    logLevel: (e.LOG_LEVEL ?? 'info') as Config['logLevel'],
    ...(e.CAAC_DATA_DIR !== undefined ? { dataDir: e.CAAC_DATA_DIR } : {}),
    dbPath: e.CAAC_DB_PATH ?? './var/caac.sqlite',
    ...(e.DATABASE_URL !== undefined ? { databaseUrl: e.DATABASE_URL } : {}),
    schedulerPollMs: e.CAAC_SCHEDULER_POLL_MS ?? 15_000,
    schedulerLeaseMs: e.CAAC_SCHEDULER_LEASE_MS ?? 120_000,
    defaultTz: e.CAAC_DEFAULT_TZ ?? 'UTC',
    slack: Object.freeze(slack),
    teams: Object.freeze(teams),
    ...(e.CAAC_SECRETS_KEY !== undefined ? { secretsKey: e.CAAC_SECRETS_KEY } : {}),
    ...(e.CAAC_SECRETS_KEY_PREVIOUS !== undefined ? { secretsKeyPrevious: e.CAAC_SECRETS_KEY_PREVIOUS } : {}),
  };
  return { ok: true, config: Object.freeze(config) };
}

/** Which variables turn a platform on, for the start-up log line of a platform that is off. */
export const PLATFORM_VARIABLES = {
  slack:
    'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (one workspace), or SLACK_SIGNING_SECRET, SLACK_CLIENT_ID, ' +
    'SLACK_CLIENT_SECRET and SLACK_STATE_SECRET with CAAC_SECRETS_KEY (OAuth install), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode)',
  teams:
    'set MicrosoftAppId and MicrosoftAppPassword (and MicrosoftAppType, MicrosoftAppTenantId for single-tenant bots), ' +
    'or TEAMS_ALLOW_UNAUTHENTICATED=true for the Bot Framework Emulator',
} as const;

type Env = z.infer<typeof EnvSchema>;

// Decides Slack's mode from which variables are set; a half-configured Slack is a problem, not silently "off".
function slackConfig(e: Env, problems: string[]): SlackConfig {
  const apiUrl =
    e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  const common = {
    ...(apiUrl !== undefined ? { apiUrl } : {}),
    ...(e.SLACK_SIGNING_SECRET !== undefined ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_BOT_TOKEN !== undefined ? { botToken: e.SLACK_BOT_TOKEN } : {}),
  };
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const anyOauth = oauth.some((v) => v !== undefined);
  if (anyOauth && oauth.some((v) => v === undefined)) {
    const missing = (['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const).filter(
      (n) => e[n] === undefined,
    );
    problems.push(
      `${missing.join(', ')}: required for the OAuth install together with the other SLACK_CLIENT_*/SLACK_STATE_SECRET variables`,
    );
  }
  if (e.SLACK_APP_TOKEN !== undefined) {
    if (e.SLACK_BOT_TOKEN === undefined)
      problems.push('SLACK_BOT_TOKEN: required for Socket Mode (SLACK_APP_TOKEN is set)');
    if (anyOauth)
      problems.push('SLACK_APP_TOKEN: Socket Mode serves one workspace; unset it or the SLACK_CLIENT_* variables');
    return { mode: 'socket', appToken: e.SLACK_APP_TOKEN, ...common };
  }
  if (anyOauth) {
    if (e.SLACK_SIGNING_SECRET === undefined)
      problems.push('SLACK_SIGNING_SECRET: required for Slack over HTTP (the OAuth variables are set)');
    if (e.SLACK_BOT_TOKEN !== undefined)
      problems.push('SLACK_BOT_TOKEN: leave unset with the OAuth install (tokens come from each installation)');
    return {
      mode: 'oauth',
      ...common,
      clientId: e.SLACK_CLIENT_ID!,
      clientSecret: e.SLACK_CLIENT_SECRET!,
      stateSecret: e.SLACK_STATE_SECRET!,
    };
  }
  if (e.SLACK_SIGNING_SECRET !== undefined || e.SLACK_BOT_TOKEN !== undefined) {
    if (e.SLACK_SIGNING_SECRET === undefined)
      problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN for Slack over HTTP');
    if (e.SLACK_BOT_TOKEN === undefined) {
      problems.push(
        'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET for OAuth)',
      );
    }
    return { mode: 'single', ...common };
  }
  return { mode: 'off', ...common };
}

// The OAuth install stores every workspace's tokens: it needs the key that encrypts them.
function secretsProblems(e: Env, slack: SlackConfig, problems: string[]): void {
  if (slack.mode === 'oauth' && e.CAAC_SECRETS_KEY === undefined) {
    problems.push(
      'CAAC_SECRETS_KEY: required for the OAuth install (it encrypts the stored Slack tokens); generate one with `openssl rand -base64 32` and keep it with the other secrets',
    );
  }
  if (e.CAAC_SECRETS_KEY_PREVIOUS !== undefined && e.CAAC_SECRETS_KEY === undefined) {
    problems.push(
      'CAAC_SECRETS_KEY: required with CAAC_SECRETS_KEY_PREVIOUS (the new key the values are rewritten under)',
    );
  }
}

// Teams is on with an app id (or for the Emulator); a password is needed except for managed identities.
function teamsConfig(e: Env, problems: string[]): TeamsConfig {
  const appType = (e.MicrosoftAppType ?? 'MultiTenant') as TeamsConfig['appType'];
  const allowUnauthenticated = e.TEAMS_ALLOW_UNAUTHENTICATED === 'true';
  // `Production` or `PRODUCTION` is production too: a capital letter must not turn the guard off.
  if (allowUnauthenticated && e.NODE_ENV?.toLowerCase() === 'production') {
    problems.push(
      'TEAMS_ALLOW_UNAUTHENTICATED: not allowed when NODE_ENV=production (it turns off Bot Framework authentication; use it only with the Emulator)',
    );
  }
  if (e.MicrosoftAppId !== undefined) {
    if (e.MicrosoftAppPassword === undefined && appType !== 'UserAssignedMSI') {
      problems.push('MicrosoftAppPassword: required with MicrosoftAppId (unless MicrosoftAppType=UserAssignedMSI)');
    }
    if (appType === 'SingleTenant' && e.MicrosoftAppTenantId === undefined) {
      problems.push('MicrosoftAppTenantId: required with MicrosoftAppType=SingleTenant');
    }
  } else if (e.MicrosoftAppPassword !== undefined) {
    problems.push('MicrosoftAppId: required with MicrosoftAppPassword');
  }
  return {
    enabled: e.MicrosoftAppId !== undefined || allowUnauthenticated,
    ...(e.MicrosoftAppId !== undefined ? { appId: e.MicrosoftAppId } : {}),
    ...(e.MicrosoftAppPassword !== undefined ? { appPassword: e.MicrosoftAppPassword } : {}),
    appType,
    ...(e.MicrosoftAppTenantId !== undefined ? { appTenantId: e.MicrosoftAppTenantId } : {}),
    allowUnauthenticated,
  };
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
