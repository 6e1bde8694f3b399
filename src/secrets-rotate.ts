// `caac secrets rotate`, for the command line: reads the service's own environment (the same variables, checked the
// same way), rewrites every stored Slack token under CAAC_SECRETS_KEY, and says how many rows it rewrote.
import { readConfig } from './config/read-config.js';
import { configSecrets, scrubString } from './logging.js';
import { rotateSecrets } from './storage/rotate-secrets.js';
import { secretBoxFromKeys } from './storage/secret-box.js';

/** What the command prints and exits with (the shape of the CLI's results). */
export interface SecretsRotateResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Rewrites every stored secret under the current key: 0 done, 1 some rows no key opens, 2 bad configuration. */
export async function secretsRotate(env: NodeJS.ProcessEnv): Promise<SecretsRotateResult> {
  const read = readConfig(env);
  if (!read.ok) return { code: 2, stdout: '', stderr: `${read.problems.join('\n')}\n` };
  const { config } = read;
  const secrets = secretBoxFromKeys(config.secretsKey, config.secretsKeyPrevious);
  if (!secrets) {
    return { code: 2, stdout: '', stderr: 'CAAC_SECRETS_KEY: required (the key to rewrite the secrets under)\n' };
  }
  let report: Awaited<ReturnType<typeof rotateSecrets>>;
  try {
    report = await rotateSecrets({
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { sqlitePath: config.dbPath }),
      secrets,
    });
  } catch (err) {
    const where = config.databaseUrl ? 'DATABASE_URL' : `CAAC_DB_PATH (${config.dbPath})`;
    // A driver's message can quote the URL: scrubbed like the service's own start-up errors.
    const message = scrubString(err instanceof Error ? err.message : String(err), configSecrets(config));
    return { code: 2, stdout: '', stderr: `${where}: ${message}\n` };
  }
  const plural = report.total === 1 ? '' : 's';
  const stdout = `rewrote ${report.rewritten} of ${report.total} Slack installation${plural} under the current CAAC_SECRETS_KEY\n`;
  if (report.unreadable.length === 0) return { code: 0, stdout, stderr: '' };
  const stderr = report.unreadable
    .map((id) => `${id}: no key opens this installation; the workspace must install the app again\n`)
    .join('');
  return { code: 1, stdout, stderr };
}
