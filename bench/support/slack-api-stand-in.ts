// A stand-in for Slack's Web API on 127.0.0.1 (the service's SLACK_API_URL): auth.test for start-up, and
// chat.postMessage enforcing Slack's 1 message per second per channel, answering 429 + Retry-After beyond it
// (https://api.slack.com/apis/rate-limits#special). It records every accepted post, so the bench can check that every
// reminder arrived once.
import { createServer, type IncomingMessage } from 'node:http';
import { listen } from './running-server.js';

/** One accepted chat.postMessage. */
export interface Post {
  channel: string;
  text: string;
  at: number;
}

/** The running stand-in. */
export interface SlackApiStandIn {
  /** Base URL to give as SLACK_API_URL / slackApiUrl (ends in /api/). */
  url: string;
  posts: Post[];
  /** How many posts were refused with 429. */
  refused(): number;
  /** Calls by method name, to show that the answer path calls nothing. */
  calls: Map<string, number>;
  close(): Promise<void>;
}

/** Starts the stand-in; `perChannelMs` is the gap it demands between two posts to one channel. */
export async function startSlackApiStandIn(perChannelMs = 1000): Promise<SlackApiStandIn> {
  const posts: Post[] = [];
  const calls = new Map<string, number>();
  const lastPost = new Map<string, number>();
  let refused = 0;
  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const params = await readParams(req);
    const json = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
    };
    switch (method) {
      case 'auth.test':
        return json(200, {
          ok: true,
          url: 'https://bench.slack.com/',
          team: 'bench',
          user: 'caac',
          team_id: 'T0BENCH0001',
          user_id: 'U0BENCHBOT1',
          bot_id: 'B0BENCH0001',
        });
      case 'conversations.info':
        return json(200, {
          ok: true,
          channel: { id: String(params.channel ?? ''), is_member: true, is_archived: false },
        });
      case 'chat.postMessage': {
        const channel = String(params.channel ?? '');
        const now = Date.now();
        const last = lastPost.get(channel);
        if (last !== undefined && now - last < perChannelMs) {
          refused += 1;
          const retryAfter = Math.max(1, Math.ceil((perChannelMs - (now - last)) / 1000));
          return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
        }
        lastPost.set(channel, now);
        posts.push({ channel, text: String(params.text ?? ''), at: now });
        return json(200, {
          ok: true,
          channel,
          ts: `${Math.floor(now / 1000)}.${String(posts.length).padStart(6, '0')}`,
        });
      }
      default:
        return json(200, { ok: true });
    }
  });
  const running = await listen(server);
  return {
    url: `http://127.0.0.1:${running.port}/api/`,
    posts,
    calls,
    refused: () => refused,
    close: running.close,
  };
}

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('json')) {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}
