// The per-request logger, attached to the request by the server so that adapters (Bolt's listeners, the Teams
// handler) log with the request's id without threading it through every SDK. It is created on first use: most
// requests write only the server's one "request" line, which carries the id itself, and a pino child per request
// (its bindings scrubbed and serialised) cost more than the line. Adapters may also add fields (the command kind,
// its outcome) to that line instead of writing a line of their own.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

/** Fields an adapter adds to a request's log line. */
export type RequestNote = Record<string, string | number | boolean>;

interface Entry {
  parent: Logger;
  reqId: string;
  logger?: Logger;
  note?: RequestNote;
}

const entries = new WeakMap<IncomingMessage, Entry>();

/** Attaches a request's id; its logger is `parent.child({ reqId })`, made when first asked for. */
export function setRequestLogger(req: IncomingMessage, parent: Logger, reqId: string): void {
  entries.set(req, { parent, reqId });
}

/** The request's child logger, or `fallback` for requests the server did not see (Socket Mode). */
export function requestLogger(req: IncomingMessage | undefined, fallback: Logger): Logger {
  const entry = req && entries.get(req);
  if (!entry) return fallback;
  entry.logger ??= entry.parent.child({ reqId: entry.reqId });
  return entry.logger;
}

/**
 * Adds fields to the server's line for this request. False when the server logs no line for it (Socket Mode, or a
 * request it did not see): the caller then logs its own.
 */
export function noteRequest(req: IncomingMessage | undefined, note: RequestNote): boolean {
  const entry = req && entries.get(req);
  if (!entry) return false;
  entry.note = entry.note ? { ...entry.note, ...note } : note;
  return true;
}

/** The fields adapters added to this request's line (empty when none). */
export function requestNote(req: IncomingMessage): RequestNote | undefined {
  return entries.get(req)?.note;
}
