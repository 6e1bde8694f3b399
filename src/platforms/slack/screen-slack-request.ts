// Checks made before Bolt sees a request: the timestamp window (both ways), the body within its limit, and a signed
// body of a shape Bolt would trip on (see slack-body-problem.ts).
// https://docs.slack.dev/authentication/verifying-requests-from-slack
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import { BODY_LIMITS, BodyTooLargeError, readBody, sendBodyTooLarge } from '../../http/read-body.js';
import { slackBodyProblem } from './slack-body-problem.js';

/** Slack's signature window: requests more than 5 minutes old or ahead of our clock are refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 300;

/** Whether the request's x-slack-request-timestamp is within 5 minutes of now, in either direction. */
export function timestampWithinWindow(req: IncomingMessage, clock: Clock): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return true; // missing or malformed: Bolt refuses it
  const nowSeconds = Math.floor(clock.now().getTime() / 1000);
  return Math.abs(nowSeconds - Number(header)) <= SLACK_TIMESTAMP_WINDOW_SECONDS;
}

/**
 * Reads the body within the limit (413 past it) and refuses, before Bolt sees it, a signed body of a shape Bolt
 * would trip on (400). The body is left on the request as `rawBody`, which Bolt's HTTPReceiver reads instead of the
 * stream. True when the request may go on to Bolt.
 */
export async function screenBody(
  req: IncomingMessage,
  res: ServerResponse,
  signingSecret: string,
  reqLog: () => Logger,
): Promise<boolean> {
  let raw: Buffer;
  try {
    raw = await readBody(req, { limit: BODY_LIMITS.slack });
  } catch (err) {
    if (err instanceof BodyTooLargeError) {
      reqLog().warn({ limit: err.limit }, 'slack request refused: body over the limit');
      sendBodyTooLarge(res, err.limit);
    } else {
      reqLog().warn({ err }, 'slack request body could not be read');
      if (!res.headersSent && !res.destroyed) res.writeHead(400).end();
    }
    return false;
  }
  const buffered = Object.assign(req, { rawBody: raw });
  let problem: string | undefined;
  try {
    problem = slackBodyProblem(HTTPModuleFunctions.parseHTTPRequestBody(buffered));
  } catch {
    return true; // not JSON: Bolt checks the signature, then answers 400 itself
  }
  if (!problem) return true;
  const text = raw.toString();
  // Bolt answers ssl_check=1 without a signature and drops the rest of such a body: nothing of it is read.
  const sslCheck =
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(text).get('ssl_check') === '1';
  if (sslCheck) return true;
  // An unsigned request learns nothing about the shapes we accept: it gets Bolt's 401, as any unsigned request.
  const signed = isValidSlackRequest({
    signingSecret,
    body: text,
    headers: {
      'x-slack-signature': String(req.headers['x-slack-signature']),
      'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
    },
  });
  if (!signed) {
    reqLog().warn('slack request refused: signature verification failed');
    res.writeHead(401).end();
    return false;
  }
  reqLog().warn({ problem }, 'slack request refused: a body of a shape Slack does not send');
  const body = JSON.stringify({
    ok: false,
    error: 'bad_request',
    message: `Not a Slack request this app handles: ${problem}.`,
  });
  res
    .writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
    .end(body);
  return false;
}
