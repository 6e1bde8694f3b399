// Slack's part of the configuration: which mode it runs in is decided from which variables are set.
import type { Env } from './env-schema.js';

/** How Slack runs: off, one workspace over HTTP, many workspaces through OAuth, or Socket Mode (one workspace). */
export type SlackMode = 'off' | 'single' | 'oauth' | 'socket';

/** Slack settings; which fields are set depends on `mode`. */
export interface SlackConfig {
  readonly mode: SlackMode;
  readonly signingSecret?: string;
  readonly botToken?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly stateSecret?: string;
  readonly appToken?: string;
  /** Web API base URL ending in "/", e.g. https://slack.com/api/ (GovSlack: https://slack-gov.com/api/). */
  readonly apiUrl?: string;
}

/** Decides Slack's mode from which variables are set; a half-configured Slack is a problem, not silently "off". */
export function readSlackConfig(e: Env, problems: string[]): SlackConfig {
  const apiUrl =
    e.SLACK_API_URL === undefined ? undefined : e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`;
  const common = {
    ...(apiUrl !== undefined ? { apiUrl } : {}),
    ...(e.SLACK_SIGNING_SECRET !== undefined ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
    ...(e.SLACK_BOT_TOKEN !== undefined ? { botToken: e.SLACK_BOT_TOKEN } : {}),
  };
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  const anyOauth = oauth.some((v) => v !== undefined);
  if (anyOauth && oauth.some((v) => v === undefined)) {
    const missing = (['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const).filter(
      (n) => e[n] === undefined,
    );
    problems.push(
      `${missing.join(', ')}: required for the OAuth install together with the other SLACK_CLIENT_*/SLACK_STATE_SECRET variables`,
    );
  }
  if (e.SLACK_APP_TOKEN !== undefined) {
    if (e.SLACK_BOT_TOKEN === undefined)
      problems.push('SLACK_BOT_TOKEN: required for Socket Mode (SLACK_APP_TOKEN is set)');
    if (anyOauth)
      problems.push('SLACK_APP_TOKEN: Socket Mode serves one workspace; unset it or the SLACK_CLIENT_* variables');
    return { mode: 'socket', appToken: e.SLACK_APP_TOKEN, ...common };
  }
  if (anyOauth) {
    if (e.SLACK_SIGNING_SECRET === undefined)
      problems.push('SLACK_SIGNING_SECRET: required for Slack over HTTP (the OAuth variables are set)');
    if (e.SLACK_BOT_TOKEN !== undefined)
      problems.push('SLACK_BOT_TOKEN: leave unset with the OAuth install (tokens come from each installation)');
    return {
      mode: 'oauth',
      ...common,
      clientId: e.SLACK_CLIENT_ID!,
      clientSecret: e.SLACK_CLIENT_SECRET!,
      stateSecret: e.SLACK_STATE_SECRET!,
    };
  }
  if (e.SLACK_SIGNING_SECRET !== undefined || e.SLACK_BOT_TOKEN !== undefined) {
    if (e.SLACK_SIGNING_SECRET === undefined)
      problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN for Slack over HTTP');
    if (e.SLACK_BOT_TOKEN === undefined) {
      problems.push(
        'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET for OAuth)',
      );
    }
    return { mode: 'single', ...common };
  }
  return { mode: 'off', ...common };
}
