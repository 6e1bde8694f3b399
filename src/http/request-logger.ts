// The per-request child logger, attached to the request by the server so that adapters (Bolt's listeners, the
// Teams handler) log with the request's id without threading it through every SDK. Adapters may also add fields
// (the command kind, its outcome) to the server's one "request" line instead of writing a line of their own.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

/** Fields an adapter adds to a request's log line. */
export type RequestNote = Record<string, string | number | boolean>;

interface Entry {
  logger: Logger;
  note?: RequestNote;
}

const entries = new WeakMap<IncomingMessage, Entry>();

/** Attaches a request's child logger. */
export function setRequestLogger(req: IncomingMessage, logger: Logger): void {
  entries.set(req, { logger });
}

/** The request's child logger, or `fallback` for requests the server did not see (Socket Mode). */
export function requestLogger(req: IncomingMessage | undefined, fallback: Logger): Logger {
  return (req && entries.get(req)?.logger) ?? fallback;
}

/**
 * Adds fields to the server's line for this request. False when the server logs no line for it (Socket Mode, or a
 * request it did not see): the caller then logs its own.
 */
export function noteRequest(req: IncomingMessage | undefined, note: RequestNote): boolean {
  const entry = req && entries.get(req);
  if (!entry) return false;
  entry.note = { ...entry.note, ...note };
  return true;
}

/** The fields adapters added to this request's line (empty when none). */
export function requestNote(req: IncomingMessage): RequestNote | undefined {
  return entries.get(req)?.note;
}
