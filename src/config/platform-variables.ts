// The start-up log line of a platform that is off says which variables would turn it on.

/** Which variables turn a platform on, for the start-up log line of a platform that is off. */
export const PLATFORM_VARIABLES = {
  slack:
    'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (one workspace), or SLACK_SIGNING_SECRET, SLACK_CLIENT_ID, ' +
    'SLACK_CLIENT_SECRET and SLACK_STATE_SECRET with CAAC_SECRETS_KEY (OAuth install), or SLACK_APP_TOKEN and SLACK_BOT_TOKEN (Socket Mode)',
  teams:
    'set MicrosoftAppId and MicrosoftAppPassword (and MicrosoftAppType, MicrosoftAppTenantId for single-tenant bots), ' +
    'or TEAMS_ALLOW_UNAUTHENTICATED=true for the Bot Framework Emulator',
} as const;
