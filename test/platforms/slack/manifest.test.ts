// The Slack app manifest agrees with the code (command, URLs, events, scopes) and with the README walk-through.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  SLACK_PATHS,
  SLASH_COMMAND,
} from '../../../src/platforms/slack/slack-manifest.js';

const root = new URL('../../../', import.meta.url);
const manifest = parse(readFileSync(new URL('manifests/slack/manifest.yaml', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');
const host = 'https://caac-bot.example.org';

describe('manifests/slack/manifest.yaml', () => {
  it('declares /caac with a usage hint, pointing at the events endpoint', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe(SLASH_COMMAND);
    expect(command.url).toBe(`${host}${SLACK_PATHS.events}`);
    expect(command.usage_hint).toMatch(/mali/);
    expect(command.should_escape).toBe(false);
  });

  it('sends interactivity and events to the same endpoint, with the events the code handles', () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: `${host}${SLACK_PATHS.events}` });
    expect(manifest.settings.event_subscriptions.request_url).toBe(`${host}${SLACK_PATHS.events}`);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...SLACK_BOT_EVENTS].sort());
    expect(manifest.oauth_config.redirect_urls).toEqual([`${host}${SLACK_PATHS.oauthRedirect}`]);
  });

  it('asks for exactly the bot scopes the code uses, with App Home on and Socket Mode off', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([...SLACK_BOT_SCOPES]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    // Issue 18: the OAuth install's tokens rotate (refreshed by the service).
    expect(manifest.settings.token_rotation_enabled).toBe(true);
  });

  it('agrees with the README walk-through', () => {
    expect(readme).toContain('manifests/slack/manifest.yaml');
    expect(readme).toContain(`\`${SLASH_COMMAND}\` → \`https://<host>${SLACK_PATHS.events}\``);
    expect(readme).toContain(`https://<host>${SLACK_PATHS.oauthRedirect}`);
    expect(readme).toContain(`https://<host>${SLACK_PATHS.install}`);
    expect(readme).toContain(`bot scopes ${SLACK_BOT_SCOPES.map((s) => `\`${s}\``).join(', ')} and no others`);
    expect(readme).toContain(`event subscriptions ${SLACK_BOT_EVENTS.map((e) => `\`${e}\``).join(', ')}`);
    expect(readme).toContain('/caac mali');
  });
});
