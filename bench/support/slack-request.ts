// Signed Slack slash-command requests, as Slack sends them: a form-encoded body and the v0 HMAC-SHA256 signature
// (https://api.slack.com/authentication/verifying-requests-from-slack).
import { createHmac } from 'node:crypto';

/** The signing secret every bench server and client share. */
export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
/** The bot token the service and the minimal Bolt app are given (the Web API stand-in accepts it). */
export const BENCH_BOT_TOKEN = 'xoxb-bench-0000-token';

/** A slash-command body for `/caac <text>`, form-encoded like Slack's. */
export function slashCommandBody(text: string, userId = 'U0BENCH0001', channelId = 'C0BENCH0001'): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0BENCH0001',
    team_domain: 'bench',
    channel_id: channelId,
    channel_name: 'mali-advocacy',
    user_id: userId,
    user_name: 'bench.user',
    command: '/caac',
    text,
    api_app_id: 'A0BENCH0001',
    is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:9/commands/T0BENCH0001/1/abc',
    trigger_id: '1.2.abc',
  }).toString();
}

/** The headers that make `body` a correctly signed Slack request at `timestampSeconds`. */
export function signedHeaders(
  body: string,
  secret = BENCH_SIGNING_SECRET,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestampSeconds}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': signature,
  };
}

/** `n` signed `/caac <text>` requests from distinct users in distinct channels, signed now (valid for 5 minutes). */
export function slackPool(text: string, n: number): Array<{ headers: Record<string, string>; body: string }> {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: n }, (_, i) => {
    const body = slashCommandBody(text, `U${String(i).padStart(9, '0')}`, `C${String(i).padStart(9, '0')}`);
    return { body, headers: signedHeaders(body, BENCH_SIGNING_SECRET, now) };
  });
}
