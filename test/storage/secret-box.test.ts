// The secret box: AES-256-GCM with a fresh nonce per value, bound to its place by the associated data; the previous
// key read during a rotation; CAAC_SECRETS_KEY's format checked strictly.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import {
  createSecretBox,
  isSealed,
  newSecretsKey,
  parseSecretsKey,
  secretBoxFromKeys,
} from '../../src/storage/secret-box.js';

const key = randomBytes(32);
const box = createSecretBox(key);

describe('secret box', () => {
  it('seals with a fresh nonce each time and opens for the same place only', () => {
    const a = box.seal('xoxb-secret', 'slack_installations/T1/bot.token');
    const b = box.seal('xoxb-secret', 'slack_installations/T1/bot.token');
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain('xoxb');
    expect(box.open(a, 'slack_installations/T1/bot.token')).toEqual({ ok: true, value: 'xoxb-secret', stale: false });
    expect(box.open(a, 'slack_installations/T2/bot.token')).toEqual({ ok: false });
    expect(box.open(a, 'slack_installations/T1/user.token')).toEqual({ ok: false });
  });

  it('refuses a tampered or truncated value, and another key', () => {
    const sealed = box.seal('xoxb-secret', 'p');
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.slice(-1)}`; // always a change
    expect(box.open(flipped, 'p')).toEqual({ ok: false });
    expect(box.open(sealed.slice(0, 30), 'p')).toEqual({ ok: false });
    expect(createSecretBox(randomBytes(32)).open(sealed, 'p')).toEqual({ ok: false });
  });

  it('reads a plaintext value as stale, and the previous key as stale', () => {
    expect(box.open('xoxb-plain', 'p')).toEqual({ ok: true, value: 'xoxb-plain', stale: true });
    const next = createSecretBox(randomBytes(32), key);
    expect(next.open(box.seal('old', 'p'), 'p')).toEqual({ ok: true, value: 'old', stale: true });
    expect(next.open(next.seal('new', 'p'), 'p')).toEqual({ ok: true, value: 'new', stale: false });
  });

  it('takes only base64 of exactly 32 bytes as a key', () => {
    const text = newSecretsKey();
    expect(parseSecretsKey(text)?.length).toBe(32);
    expect(parseSecretsKey(text.replace(/=$/, ''))?.length).toBe(32);
    expect(parseSecretsKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseSecretsKey(randomBytes(33).toString('base64'))).toBeUndefined();
    expect(parseSecretsKey('not a key at all, not base64!')).toBeUndefined();
    expect(parseSecretsKey(randomBytes(32).toString('hex'))).toBeUndefined();
    expect(secretBoxFromKeys(undefined)).toBeUndefined();
    expect(secretBoxFromKeys('short')).toBeUndefined();
  });

  it('`caac secrets new-key` prints a fresh valid key', async () => {
    const [a, b] = [await run(['secrets', 'new-key']), await run(['secrets', 'new-key'])];
    expect(a.code).toBe(0);
    expect(parseSecretsKey(a.stdout.trim())?.length).toBe(32);
    expect(a.stdout).not.toBe(b.stdout);
  });
});
