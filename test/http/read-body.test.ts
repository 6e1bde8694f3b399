// Body limits on a real node:http server: within the limit the body arrives whole; over it, 413 without reading it all.
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBody, sendBodyTooLarge } from '../../src/http/read-body.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

async function serve(limit: number): Promise<{ port: number; seen: number[] }> {
  const seen: number[] = [];
  server = createServer((req, res) => {
    readBody(req, { limit }).then(
      (body) => {
        seen.push(body.length);
        res.end(`got ${body.length}`);
      },
      (err: unknown) => {
        if (err instanceof BodyTooLargeError) sendBodyTooLarge(res, err.limit);
        else {
          res.statusCode = 400;
          res.end();
        }
      },
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, seen };
}

/** Sends a body in chunks, optionally without Content-Length (chunked), and reads the status and body. */
function send(port: number, size: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/slack/events',
        headers: chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': size },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may close the connection before we finish writing: that is fine once the response arrived.
    req.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024, 'a');
    let left = size;
    const write = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(chunk.subarray(0, n))) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

describe('readBody', () => {
  it('reads a body within the limit, exactly at the limit too', async () => {
    const { port, seen } = await serve(1000);
    expect(await send(port, 10, false)).toEqual({ status: 200, body: 'got 10' });
    expect(await send(port, 1000, true)).toEqual({ status: 200, body: 'got 1000' });
    expect(seen).toEqual([10, 1000]);
  });

  it('answers 413 from Content-Length, and mid-stream for chunked bodies, without handing the body on', async () => {
    const { port, seen } = await serve(1000);
    const declared = await send(port, 1001, false);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ ok: false, error: 'body_too_large', limit: 1000 });
    const chunked = await send(port, 200 * 1024, true);
    expect(chunked.status).toBe(413);
    expect(seen).toEqual([]);
  });
});
