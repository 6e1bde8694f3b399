// The request/response pair botbuilder's CloudAdapter.process expects (its Express/Restify-shaped `Request` and
// `Response`), over node:http. The service reads the body once (for size limits and metrics) and hands it over as
// a Buffer; the adapter wants it parsed, and writes its answer through status/header/send/end.
// https://learn.microsoft.com/javascript/api/botbuilder/cloudadapter#botbuilder-cloudadapter-process
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import { serialisedCard } from './answer-to-teams-activity.js';

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
    request: {
      method: req.method ?? 'POST',
      headers: req.headers as BotRequest['headers'],
      body: parsed as Record<string, unknown>,
    },
  };
}

/**
 * botbuilder's Response over a node:http ServerResponse: it calls status(), maybe send(body), then end(). Objects
 * are sent as JSON (invoke responses, expectReplies bodies), strings as text (error messages on 401/500).
 */
export function toBotResponse(
  res: ServerResponse,
  /** Replaces the SDK's text error bodies (its internal error messages) with an answer of ours. */
  errorAnswer?: (status: number) => { status: number; body: Record<string, string> },
): BotResponse {
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
        payload = cardAwareStringify(body);
        contentType = 'application/json; charset=utf-8';
      }
      return shim;
    },
    end() {
      if (res.writableEnded) return shim;
      if (errorAnswer && statusCode >= 400 && contentType !== 'application/json; charset=utf-8') {
        const answer = errorAnswer(statusCode);
        statusCode = answer.status;
        payload = JSON.stringify(answer.body);
        contentType = 'application/json; charset=utf-8';
      }
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

// A per-process secret placeholder: no text from an activity can equal it, so only our own substitutions are replaced.
// (A structural writer that copies the card's text in without a placeholder was tried: byte-identical, but twice as
// slow on an expectReplies body, about 25 to 55 µs, on the benchmarked Teams path.)
const PLACEHOLDER = `caac-card-${randomBytes(12).toString('hex')}`;

/**
 * JSON.stringify, except that a card already serialised (answer-to-teams-activity.ts) is copied in as text rather
 * than walked again: an expectReplies body holds the reply activities botbuilder built around our shared card.
 */
export function cardAwareStringify(body: unknown): string {
  const cards: string[] = [];
  const json = JSON.stringify(body, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object') {
      const card = serialisedCard(value);
      if (card !== undefined) {
        cards.push(card);
        return PLACEHOLDER;
      }
    }
    return value;
  });
  if (cards.length === 0) return json;
  const parts = json.split(`"${PLACEHOLDER}"`);
  // Every placeholder is ours (the secret above); the check only guards against a future change breaking that.
  if (parts.length !== cards.length + 1) return JSON.stringify(body);
  let out = parts[0]!;
  for (let i = 0; i < cards.length; i++) out += cards[i]! + parts[i + 1]!;
  return out;
}
