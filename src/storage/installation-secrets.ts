// Which fields of a stored Slack installation (Bolt's Installation object, kept as JSON in slack_installations) are
// secrets, and sealing/opening them with the SecretBox. Each value's associated data names its row and field, so a
// sealed bot token cannot be moved to another workspace's row, nor into the refresh-token field of its own.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.js';
import type { SecretBox } from './secret-box.js';
import { isSealed } from './secret-box.js';

// The secret fields of an installation record: tokens, refresh tokens and an incoming webhook's URL.
const INSTALLATION_SECRET_FIELDS = [
  ['bot', 'token'],
  ['bot', 'refreshToken'],
  ['user', 'token'],
  ['user', 'refreshToken'],
  ['incomingWebhook', 'url'],
] as const;

type JsonObject = Record<string, unknown>;

/** An opened record: every secret in plaintext, and whether any was plaintext at rest or under the previous key. */
export type OpenedInstallation = { ok: true; record: JsonObject; stale: boolean } | { ok: false };

/** A copy of `record` (secrets in plaintext) with every secret field sealed for row `rowId`. */
export function sealInstallationRecord(record: JsonObject, rowId: string, box: SecretBox): JsonObject {
  const copy = structuredClone(record);
  for (const [part, field] of INSTALLATION_SECRET_FIELDS) {
    const holder = copy[part] as JsonObject | undefined | null;
    const value = holder?.[field];
    if (holder && typeof value === 'string' && value !== '') {
      holder[field] = box.seal(value, associatedData(rowId, part, field));
    }
  }
  return copy;
}

/** A copy of `record` with every secret field opened, or { ok: false } when one cannot be opened by any key. */
export function openInstallationRecord(record: JsonObject, rowId: string, box: SecretBox): OpenedInstallation {
  const copy = structuredClone(record);
  let stale = false;
  for (const [part, field] of INSTALLATION_SECRET_FIELDS) {
    const holder = copy[part] as JsonObject | undefined | null;
    const value = holder?.[field];
    if (!holder || typeof value !== 'string' || value === '') continue;
    const opened = box.open(value, associatedData(rowId, part, field));
    if (!opened.ok) return { ok: false };
    holder[field] = opened.value;
    stale ||= opened.stale;
  }
  return { ok: true, record: copy, stale };
}

/** Whether a stored record still holds a secret in plaintext (written by a release before encryption). */
export function hasPlaintextSecret(record: JsonObject): boolean {
  return INSTALLATION_SECRET_FIELDS.some(([part, field]) => {
    const value = (record[part] as JsonObject | undefined | null)?.[field];
    return typeof value === 'string' && value !== '' && !isSealed(value);
  });
}

/** What `resealInstallations` did. */
export interface ResealReport {
  /** Rows looked at. */
  total: number;
  /** Rows written again under the current key (they held plaintext or values under the previous key). */
  rewritten: number;
  /** Row ids (team or enterprise ids) that no key opens: those workspaces must install the app again. */
  unreadable: string[];
}

/**
 * Seals again, under the current key, every installation holding plaintext or values under the previous key. A row
 * changed meanwhile (a token refreshed by another replica) is left to that writer: its values are current already.
 */
export async function resealInstallations(db: Kysely<DatabaseSchema>, box: SecretBox): Promise<ResealReport> {
  const rows = await db.selectFrom('slack_installations').select(['id', 'installation']).execute();
  const report: ResealReport = { total: rows.length, rewritten: 0, unreadable: [] };
  for (const row of rows) {
    const opened = openInstallationRecord(JSON.parse(row.installation) as JsonObject, row.id, box);
    if (!opened.ok) {
      report.unreadable.push(row.id);
      continue;
    }
    if (!opened.stale) continue;
    const sealed = JSON.stringify(sealInstallationRecord(opened.record, row.id, box));
    const result = await db
      .updateTable('slack_installations')
      .set({ installation: sealed })
      .where('id', '=', row.id)
      .where('installation', '=', row.installation)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) report.rewritten++;
  }
  return report;
}

function associatedData(rowId: string, part: string, field: string): string {
  return `slack_installations/${rowId}/${part}.${field}`;
}
