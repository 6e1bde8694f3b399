// Loopback stand-ins for Slack: the Web API (SLACK_API_URL) and response_url, on 127.0.0.1 at a random port, with
// every call recorded; and helpers that sign requests exactly as Slack does.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded call: the Web API method (or the response_url path) and the decoded body. */
export interface RecordedCall {
  path: string;
  body: Record<string, unknown>;
  /** The Authorization header, where the client sent the token there rather than in the body. */
  authorization?: string;
}

/** A scripted reply: HTTP status, headers and JSON body. */
export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** The running stand-in. */
export interface SlackStandIn {
  /** Web API base URL ending in "/" (SLACK_API_URL). */
  apiUrl: string;
  /** A response_url on the stand-in. */
  responseUrl(id: string): string;
  /** Web API calls, in order (method names such as "auth.test"). */
  apiCalls: RecordedCall[];
  /** POSTs to response_url paths. */
  responses: RecordedCall[];
  /** Overrides the reply to a Web API method; a promise holds the call open until it settles (a slow Slack). */
  reply(method: string, fn: (body: Record<string, unknown>) => StandInReply | Promise<StandInReply>): void;
  /** Waits until `predicate` holds (polling), or fails after 5 s. */
  waitFor(predicate: () => boolean): Promise<void>;
  close(): Promise<void>;
}

const defaults: Record<string, (body: Record<string, unknown>) => StandInReply> = {
  'auth.test': (b) =>
    b.token === 'xoxb-oauth-installed'
      ? {
          body: {
            ok: true,
            team: 'Second workspace',
            user: 'caac',
            team_id: 'T0002OAUTH',
            user_id: 'UBOT0002',
            bot_id: 'BBOT0002',
          },
        }
      : {
          body: {
            ok: true,
            url: 'https://example-advocacy.slack.com/',
            team: 'Example',
            user: 'caac',
            team_id: 'T0001ABCD',
            user_id: 'UBOT0001',
            bot_id: 'BBOT0001',
          },
        },
  'oauth.v2.access': () => ({
    body: {
      ok: true,
      app_id: 'A0123CAAC',
      authed_user: { id: 'U0002ADMIN' },
      scope: 'commands,chat:write,channels:read,groups:read,app_mentions:read',
      token_type: 'bot',
      access_token: 'xoxb-oauth-installed',
      bot_user_id: 'UBOT0002',
      team: { id: 'T0002OAUTH', name: 'Second workspace' },
      enterprise: null,
      is_enterprise_install: false,
    },
  }),
  'views.publish': () => ({ body: { ok: true, view: { id: 'V0001' } } }),
  'functions.completeSuccess': () => ({ body: { ok: true } }),
  'functions.completeError': () => ({ body: { ok: true } }),
  'chat.postMessage': (b) => ({ body: { ok: true, channel: b.channel, ts: '1717000100.000100' } }),
  'conversations.info': (b) => ({
    body: { ok: true, channel: { id: b.channel, is_member: true, is_archived: false } },
  }),
};

/** Starts the stand-in on 127.0.0.1. */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const apiCalls: RecordedCall[] = [];
  const responses: RecordedCall[] = [];
  const overrides = new Map<string, (body: Record<string, unknown>) => StandInReply | Promise<StandInReply>>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = decode(raw, String(req.headers['content-type'] ?? ''));
      const path = (req.url ?? '/').split('?')[0]!;
      if (path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        const authorization = req.headers.authorization;
        apiCalls.push({ path: method, body, ...(authorization ? { authorization } : {}) });
        const fn =
          overrides.get(method) ??
          defaults[method] ??
          ((): StandInReply => ({ body: { ok: false, error: 'unknown_method' } }));
        void Promise.resolve(fn(body)).then((reply) => {
          if (res.destroyed) return;
          res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
          res.end(JSON.stringify(reply.body));
        });
        return;
      }
      responses.push({ path, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    apiCalls,
    responses,
    reply: (method, fn) => overrides.set(method, fn),
    async waitFor(predicate) {
      const until = Date.now() + 5000;
      while (!predicate()) {
        if (Date.now() > until) throw new Error('stand-in: timed out waiting');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// The Web API client sends form-encoded bodies with JSON-encoded arrays and objects (blocks, view); response_url
// posts are JSON.
function decode(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a body to /slack/events signed as Slack signs it (timestamp defaults to now). */
export async function postSigned(
  baseUrl: string,
  secret: string,
  body: string,
  options: { contentType?: string; timestamp?: number; signature?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** A slash command body, form-encoded as Slack sends it. */
export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
