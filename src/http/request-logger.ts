// The per-request child logger, attached to the request by the server so that adapters (Bolt's listeners, the
// Teams handler) log with the request's id without threading it through every SDK.
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';

const loggers = new WeakMap<IncomingMessage, Logger>();

/** Attaches a request's child logger. */
export function setRequestLogger(req: IncomingMessage, logger: Logger): void {
  loggers.set(req, logger);
}

/** The request's child logger, or `fallback` for requests the server did not see (Socket Mode). */
export function requestLogger(req: IncomingMessage | undefined, fallback: Logger): Logger {
  return (req && loggers.get(req)) ?? fallback;
}
