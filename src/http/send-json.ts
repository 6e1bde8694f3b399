// A JSON answer with its length, for every endpoint of the service (health, readiness, refusals, errors).
import type { ServerResponse } from 'node:http';

/** Sends `body` as JSON with `status` and a content-length. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
