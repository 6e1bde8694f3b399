// `caac secrets rotate`: opens the store (applying the migrations, as a start would) and seals again, under the
// current CAAC_SECRETS_KEY, every Slack installation that holds plaintext or values under CAAC_SECRETS_KEY_PREVIOUS.
import { resealInstallations } from './installation-secrets.js';
import type { ResealReport } from './installation-secrets.js';
import { openDatabase } from './open-database.js';
import type { OpenDatabaseOptions } from './open-database.js';
import type { SecretBox } from './secret-box.js';

/** Rewrites every stored secret under the current key; says how many rows it rewrote and which no key opens. */
export async function rotateSecrets(options: OpenDatabaseOptions & { secrets: SecretBox }): Promise<ResealReport> {
  const storage = await openDatabase(options);
  try {
    return await resealInstallations(storage.db, options.secrets);
  } finally {
    await storage.close();
  }
}
