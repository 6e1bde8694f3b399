// readConfig: the contract's defaults, every problem at once (one line each, secrets never echoed), Slack's modes.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/read-config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OAUTH = { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'st' };

describe('readConfig', () => {
  it('gives the contract defaults for an empty environment, frozen', () => {
    const read = readConfig({});
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      dbPath: './var/caac.sqlite',
      schedulerPollMs: 15000,
      defaultTz: 'UTC',
      slack: { mode: 'off' },
      teams: { enabled: false, appType: 'MultiTenant', allowUnauthenticated: false },
    });
    expect(read.config.dataDir).toBeUndefined();
    expect(read.config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(read.config)).toBe(true);
    expect(Object.isFrozen(read.config.slack)).toBe(true);
  });

  it('lists every problem at once, one line each, without echoing secrets', () => {
    const read = readConfig({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      CAAC_SCHEDULER_POLL_MS: '-5',
      CAAC_DEFAULT_TZ: 'Mars/Olympus',
      DATABASE_URL: 'mysql://secret-password@db',
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      SLACK_APP_TOKEN: 'bad-app-token-secret',
      TEAMS_ALLOW_UNAUTHENTICATED: 'yes',
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual([
      "PORT: must be a whole number from 1 to 65535, got 'abc'",
      "LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'",
      'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      "CAAC_SCHEDULER_POLL_MS: must be a whole number from 100 to 3600000, got '-5'",
      "CAAC_DEFAULT_TZ: must be an IANA time zone such as UTC or Europe/Paris, got 'Mars/Olympus'",
      'SLACK_BOT_TOKEN: must be a bot token (starting "xoxb-")',
      'SLACK_APP_TOKEN: must be an app-level token (starting "xapp-")',
      "TEAMS_ALLOW_UNAUTHENTICATED: must be true or false, got 'yes'",
    ]);
    expect(read.problems.join('\n')).not.toMatch(/secret/);
  });

  it('reports a half-configured Slack instead of silently turning it off', () => {
    const read = readConfig({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', CAAC_SECRETS_KEY: KEY });
    expect(read).toEqual({
      ok: false,
      problems: [
        'SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: required for the OAuth install together with the other SLACK_CLIENT_*/SLACK_STATE_SECRET variables',
      ],
    });
    expect(readConfig({ SLACK_SIGNING_SECRET: 's' })).toEqual({
      ok: false,
      problems: [
        'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET for OAuth)',
      ],
    });
    expect(readConfig({ MicrosoftAppId: 'id' })).toEqual({
      ok: false,
      problems: ['MicrosoftAppPassword: required with MicrosoftAppId (unless MicrosoftAppType=UserAssignedMSI)'],
    });
  });

  it('chooses Slack mode from the variables set; empty values count as unset', () => {
    const single = readConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      PORT: '',
    });
    expect(single.ok && single.config.slack).toEqual({
      mode: 'single',
      signingSecret: 's',
      botToken: 'xoxb-1',
      apiUrl: 'http://127.0.0.1:9/api/',
    });
    expect(single.ok && single.config.port).toBe(3000);
    const oauth = readConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: 'c',
      SLACK_CLIENT_SECRET: 'cs',
      SLACK_STATE_SECRET: 'st',
      CAAC_SECRETS_KEY: KEY,
    });
    expect(oauth.ok && oauth.config.slack.mode).toBe('oauth');
    const socket = readConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(socket.ok && socket.config.slack.mode).toBe('socket');
    const teams = readConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(teams.ok && teams.config.teams.enabled).toBe(true);
  });

  it('refuses TEAMS_ALLOW_UNAUTHENTICATED=true when NODE_ENV=production, with one problem line', () => {
    expect(readConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production' })).toEqual({
      ok: false,
      problems: [
        'TEAMS_ALLOW_UNAUTHENTICATED: not allowed when NODE_ENV=production (it turns off Bot Framework authentication; use it only with the Emulator)',
      ],
    });
    // Listed together with the other problems, not instead of them.
    const both = readConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production', MicrosoftAppId: 'id' });
    expect(both.ok === false && both.problems).toHaveLength(2);
    // Outside production (or set to false) it stays allowed, for the Emulator.
    expect(readConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'development' }).ok).toBe(true);
    expect(readConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'false', NODE_ENV: 'production' }).ok).toBe(true);
  });

  it('treats NODE_ENV case-insensitively: Production and PRODUCTION are production', () => {
    for (const NODE_ENV of ['Production', 'PRODUCTION', ' production ']) {
      const read = readConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV });
      expect(read.ok === false && read.problems[0]).toMatch(/^TEAMS_ALLOW_UNAUTHENTICATED: not allowed/);
    }
  });

  it('requires CAAC_SECRETS_KEY with the OAuth install, in one line naming it', () => {
    expect(readConfig(OAUTH)).toEqual({
      ok: false,
      problems: [
        'CAAC_SECRETS_KEY: required for the OAuth install (it encrypts the stored Slack tokens); generate one with `openssl rand -base64 32` and keep it with the other secrets',
      ],
    });
    const ok = readConfig({ ...OAUTH, CAAC_SECRETS_KEY: KEY });
    expect(ok.ok && ok.config.secretsKey).toBe(KEY);
    // Not needed (but accepted) without the OAuth install.
    expect(readConfig({}).ok).toBe(true);
    expect(readConfig({ CAAC_SECRETS_KEY: KEY }).ok).toBe(true);
  });

  it('refuses a malformed key without echoing it, and a previous key without a current one', () => {
    for (const bad of ['too-short-secret', Buffer.alloc(16, 1).toString('base64'), 'a'.repeat(64)]) {
      const read = readConfig({ ...OAUTH, CAAC_SECRETS_KEY: bad });
      expect(read).toEqual({
        ok: false,
        problems: ['CAAC_SECRETS_KEY: must be 32 random bytes in base64 (generate one with `openssl rand -base64 32`)'],
      });
    }
    const prevOnly = readConfig({ CAAC_SECRETS_KEY_PREVIOUS: KEY });
    expect(prevOnly.ok === false && prevOnly.problems).toEqual([
      'CAAC_SECRETS_KEY: required with CAAC_SECRETS_KEY_PREVIOUS (the new key the values are rewritten under)',
    ]);
    const badPrev = readConfig({ CAAC_SECRETS_KEY: KEY, CAAC_SECRETS_KEY_PREVIOUS: 'secret-but-bad' });
    expect(badPrev.ok === false && badPrev.problems.join('\n')).not.toContain('secret-but-bad');
  });
});
