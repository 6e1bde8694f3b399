// The floor of the Slack path: a bare node:http server that only checks Slack's request signature (HMAC-SHA256 over
// `v0:<timestamp>:<body>`, 5-minute window) and answers a constant "ok". Nothing can answer a signed request cheaper.
// https://api.slack.com/authentication/verifying-requests-from-slack
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { isMain } from '../support/is-main.js';
import { listen, runAsProcess, type RunningServer } from '../support/running-server.js';
import { BENCH_SIGNING_SECRET } from '../support/slack-request.js';

/** Starts the signature-only floor on 127.0.0.1. */
export function startBareFloor(port = 0, secret = BENCH_SIGNING_SECRET): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = Number(req.headers['x-slack-request-timestamp']);
      const given = Buffer.from(String(req.headers['x-slack-signature'] ?? ''));
      const expected = Buffer.from(
        `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
      );
      const fresh = Math.abs(Date.now() / 1000 - timestamp) <= 300;
      if (!fresh || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  return listen(server, port);
}

if (isMain(import.meta.url)) void runAsProcess('bare-floor', (port) => startBareFloor(port));
