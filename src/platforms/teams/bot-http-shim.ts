// The request/response pair botbuilder's CloudAdapter.process expects (its Express/Restify-shaped `Request` and
// `Response`), over node:http. The service reads the body once (for size limits and metrics) and hands it over as
// a Buffer; the adapter wants it parsed, and writes its answer through status/header/send/end.
// https://learn.microsoft.com/javascript/api/botbuilder/cloudadapter#botbuilder-cloudadapter-process
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';

/** The parsed request, or why the body is not an activity (the caller answers 400). */
export type ParsedBotRequest = { ok: true; request: BotRequest } | { ok: false; message: string };

/** Wraps a node:http request and its raw body as botbuilder's Request; the body must be a JSON object. */
export function toBotRequest(req: IncomingMessage, body: Buffer): ParsedBotRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'the body is not JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'the body is not a JSON object (a Bot Framework activity)' };
  }
  if (typeof (parsed as { type?: unknown }).type !== 'string') {
    return { ok: false, message: 'the activity has no type' };
  }
  return {
    ok: true,
    request: { method: req.method ?? 'POST', headers: req.headers as BotRequest['headers'], body: parsed as Record<string, unknown> },
  };
}

/**
 * botbuilder's Response over a node:http ServerResponse: it calls status(), maybe send(body), then end(). Objects
 * are sent as JSON (invoke responses, expectReplies bodies), strings as text (error messages on 401/500).
 */
export function toBotResponse(res: ServerResponse): BotResponse {
  let statusCode = 200;
  let payload: string | undefined;
  let contentType: string | undefined;
  const shim: BotResponse = {
    socket: res.socket,
    status(code: number) {
      statusCode = code;
      return shim;
    },
    header(name: string, value: unknown) {
      if (!res.headersSent) res.setHeader(name, String(value));
      return shim;
    },
    send(...args: unknown[]) {
      const body = args[0];
      if (body === undefined || body === null) return shim;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        payload = body.toString();
        contentType = 'text/plain; charset=utf-8';
      } else {
        payload = JSON.stringify(body);
        contentType = 'application/json; charset=utf-8';
      }
      return shim;
    },
    end() {
      if (res.writableEnded) return shim;
      if (!res.headersSent) {
        res.statusCode = statusCode;
        if (payload !== undefined) {
          res.setHeader('content-type', contentType!);
          res.setHeader('content-length', Buffer.byteLength(payload));
        }
      }
      res.end(payload);
      return shim;
    },
  };
  return shim;
}
