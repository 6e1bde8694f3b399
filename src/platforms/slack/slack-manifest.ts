// What manifests/slack/manifest.yaml declares, as code: the slash command, the request URLs, the bot events and scopes
// (test/platforms/slack/manifest.test.ts keeps the two in step), and the action ids our buttons carry.
import { SLACK_ACTION_IDS } from '../../render/answer-to-block-kit.js';

/** The slash command, as in manifests/slack/manifest.yaml. */
export const SLASH_COMMAND = '/caac';

/** The bot events the app subscribes to, as in the manifest. */
export const SLACK_BOT_EVENTS = ['app_home_opened', 'app_mention', 'app_uninstalled', 'function_executed'] as const;

/** The Workflow Builder steps (custom functions), by their callback ids in the manifest's `functions`. */
export const WORKFLOW_STEPS = { brief: 'caac_brief', renewals: 'caac_upcoming_renewals' } as const;

/** Where Slack's requests arrive, as in the manifest. */
export const SLACK_PATHS = {
  events: '/slack/events',
  install: '/slack/install',
  oauthRedirect: '/slack/oauth_redirect',
} as const;

/** The bot scopes the app asks for, as in the manifest: the slash command, posting, and checking a channel before `remind`. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:read',
  'groups:read',
  'app_mentions:read',
] as const;

/** The buttons our answers carry: "Share in channel" and the suggestion/next-command buttons, numbered. */
export const KNOWN_ACTION_ID = new RegExp(`^(?:${SLACK_ACTION_IDS.share}|${SLACK_ACTION_IDS.run}):\\d+$`);
