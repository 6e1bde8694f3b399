// Secrets at rest: AES-256-GCM from node:crypto, a fresh 96-bit nonce for every value, and the caller's associated
// data (the row and field a value belongs to) bound into the tag, so a sealed value copied to another row does not
// open. A sealed value reads `enc:v1:<key id>:<base64url(nonce | ciphertext | tag)>`; the key id (8 hex digits of an
// HMAC of the key, not the key) says which key sealed it, so values under a previous key are found without trying.
// https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The bytes a secrets key must have (AES-256). */
export const SECRETS_KEY_BYTES = 32;

/** What opening a stored value gave: the plaintext, and whether it should be sealed again under the current key. */
export type OpenedSecret =
  | { ok: true; value: string /** plaintext, or sealed under the previous key */; stale: boolean }
  | { ok: false };

/** Seals and opens secret values with the current key (and reads values sealed under the previous one). */
export interface SecretBox {
  /** Seals `plaintext` for the place named by `associatedData` (e.g. "slack_installations/T123/bot.token"). */
  seal(plaintext: string, associatedData: string): string;
  /** Opens a stored value for the same place; a value that is not sealed at all is returned as it is, stale. */
  open(stored: string, associatedData: string): OpenedSecret;
}

/** Whether a stored value is sealed (as opposed to plaintext from a release before encryption). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Decodes CAAC_SECRETS_KEY: standard base64 of exactly 32 bytes, or undefined when it is not that. */
export function parseSecretsKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  const bytes = Buffer.from(trimmed, 'base64');
  // Buffer.from ignores what it cannot decode: re-encoding tells a real 32-byte key from a lucky prefix.
  if (bytes.length !== SECRETS_KEY_BYTES) return undefined;
  if (bytes.toString('base64').replace(/=+$/, '') !== trimmed.replace(/=+$/, '')) return undefined;
  return bytes;
}

/** A new random key, base64, for CAAC_SECRETS_KEY. */
export function newSecretsKey(): string {
  return randomBytes(SECRETS_KEY_BYTES).toString('base64');
}

/** Creates the box from the current key and, during a rotation, the previous one. */
export function createSecretBox(key: Buffer, previousKey?: Buffer): SecretBox {
  if (key.length !== SECRETS_KEY_BYTES) throw new Error(`a secrets key has ${SECRETS_KEY_BYTES} bytes`);
  const currentId = keyId(key);
  const keys = new Map<string, Buffer>([[currentId, key]]);
  if (previousKey && previousKey.length === SECRETS_KEY_BYTES) {
    const id = keyId(previousKey);
    if (!keys.has(id)) keys.set(id, previousKey);
  }

  return {
    seal(plaintext, associatedData) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const sealed = Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
      return `${PREFIX}${currentId}:${sealed}`;
    },
    open(stored, associatedData) {
      if (!isSealed(stored)) return { ok: true, value: stored, stale: true };
      const rest = stored.slice(PREFIX.length);
      const colon = rest.indexOf(':');
      const id = rest.slice(0, colon);
      const useKey = colon === -1 ? undefined : keys.get(id);
      if (!useKey) return { ok: false };
      const raw = Buffer.from(rest.slice(colon + 1), 'base64url');
      if (raw.length < NONCE_BYTES + TAG_BYTES) return { ok: false };
      try {
        const decipher = createDecipheriv('aes-256-gcm', useKey, raw.subarray(0, NONCE_BYTES));
        decipher.setAAD(Buffer.from(associatedData, 'utf8'));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const value = Buffer.concat([
          decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]);
        return { ok: true, value: value.toString('utf8'), stale: id !== currentId };
      } catch {
        // A wrong tag: another row's value, a tampered one, or a key that merely shares the id.
        return { ok: false };
      }
    },
  };
}

function keyId(key: Buffer): string {
  return createHmac('sha256', key).update('caac-bot secrets key id').digest('hex').slice(0, 8);
}

/** The box for CAAC_SECRETS_KEY (and CAAC_SECRETS_KEY_PREVIOUS), both base64; undefined without a valid key. */
export function secretBoxFromKeys(key: string | undefined, previousKey?: string): SecretBox | undefined {
  const current = key === undefined ? undefined : parseSecretsKey(key);
  if (!current) return undefined;
  const previous = previousKey === undefined ? undefined : parseSecretsKey(previousKey);
  return createSecretBox(current, previous);
}
