// The service's configuration: read once from the environment, validated with zod, every problem reported at once
// (one line each, naming the variable and how to fix it), then frozen. Tests pass their own `env`.
// The variables and their defaults are those of the product contract (CONTRACT.md, "Service"); they are declared in
// env-schema.ts, and each platform's part is decided in its own file.
import { type Env, ENV_VARIABLES, EnvSchema, type LOG_LEVELS, SECRET_VARIABLES } from './env-schema.js';
import { readSlackConfig, type SlackConfig } from './slack-config.js';
import { readTeamsConfig, type TeamsConfig } from './teams-config.js';

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

/** Reads and validates the configuration from `env`, listing every problem at once. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ReadConfigResult {
  const picked: Record<string, string | undefined> = {};
  for (const name of Object.keys(ENV_VARIABLES)) picked[name] = env[name];
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const raw = picked[name] ?? '';
      return SECRET_VARIABLES.has(name) ? `${name}: ${issue.message}` : `${name}: ${issue.message}, got '${raw}'`;
    });
    return { ok: false, problems: [...new Set(problems)] };
  }
  const e = parsed.data;
  const problems: string[] = [];

  const slack = readSlackConfig(e, problems);
  const teams = readTeamsConfig(e, problems);
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
