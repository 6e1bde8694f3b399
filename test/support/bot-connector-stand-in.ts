// A stand-in for the Bot Connector service (the activity's serviceUrl) on 127.0.0.1: records what the bot posts
// and answers as Teams does (201 with a resource id), or with the status a test asks for.
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the connector. */
export interface ConnectorRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown> | undefined;
}

/** What the stand-in answers next (once per queued entry; then 201). */
export interface ConnectorReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The stand-in, its URL (a serviceUrl ending in "/"), what it received, and a way to script its answers. */
export interface BotConnectorStandIn {
  url: string;
  requests: ConnectorRequest[];
  replyNext(reply: ConnectorReply): void;
  /** Resolves when at least `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ConnectorRequest[]>;
  close(): Promise<void>;
}

/** Starts the stand-in on a random loopback port. */
export async function startBotConnectorStandIn(): Promise<BotConnectorStandIn> {
  const requests: ConnectorRequest[] = [];
  const queue: ConnectorReply[] = [];
  const waiters: (() => void)[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      });
      for (const w of waiters.splice(0)) w();
      const reply = queue.shift() ?? { status: 201, body: { id: `activity-${++n}` } };
      const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    replyNext: (reply) => queue.push(reply),
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`the connector got ${requests.length} requests, expected ${count}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
