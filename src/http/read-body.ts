// Reading a request body with a byte limit, so that no endpoint buffers whatever a client cares to send. A body over
// the limit is refused with 413 as soon as the limit is passed (or at once, from Content-Length), never read whole.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Body limits per endpoint, in bytes. Slack's largest payloads (interactivity with a full message) stay far below. */
export const BODY_LIMITS = {
  /** POST /slack/events: slash commands, interactivity payloads, Events API. */
  slack: 512 * 1024,
  /** POST /api/messages: Teams activities (cards and attachments included). */
  teams: 1024 * 1024,
  /** Anything else that takes a body. */
  default: 64 * 1024,
} as const;

/** The body was larger than the endpoint accepts: answer 413. */
export class BodyTooLargeError extends Error {
  readonly code = 'body_too_large';
  readonly status = 413;
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The client went away or sent a broken body: answer 400 (if anyone still listens). */
export class BodyReadError extends Error {
  readonly code = 'body_read_failed';
  readonly status = 400;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BodyReadError';
  }
}

/** Options of `readBody`. */
export interface ReadBodyOptions {
  /** The most bytes accepted. */
  limit: number;
  /**
   * After the limit is passed, how many more bytes are read and thrown away so that the client can receive the 413
   * (closing the socket mid-upload makes most clients report a reset instead); past that, the socket is destroyed.
   */
  drainBytes?: number;
}

/** Reads the whole body into a Buffer, or rejects with BodyTooLargeError (413) or BodyReadError (400). */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<Buffer> {
  const { limit } = options;
  const drainBytes = options.drainBytes ?? 4 * limit + 64 * 1024;
  return new Promise<Buffer>((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      reject(new BodyTooLargeError(limit));
    };
    if (Number.isFinite(declared) && declared > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (refused) {
        if (received > limit + drainBytes) req.destroy();
        return;
      }
      if (received > limit) {
        refuse();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks, received));
    });
    req.on('error', (err) => {
      if (!refused) reject(new BodyReadError('request body could not be read', { cause: err }));
    });
    req.on('close', () => {
      // Closed before the end: the client went away mid-body. (After 'end' this rejection is a no-op.)
      if (!refused && !req.complete) reject(new BodyReadError('client aborted the request'));
    });
  });
}

/** Sends the 413 answer (plain JSON, no echo of the body) and closes the connection once it is written. */
export function sendBodyTooLarge(res: ServerResponse, limit: number): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ ok: false, error: 'body_too_large', limit });
  res.writeHead(413, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    // Do not keep a connection whose request body we stopped reading.
    connection: 'close',
  });
  res.end(body);
}
