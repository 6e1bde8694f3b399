// What botbuilder does inside one Teams request, kept to that request. botbuilder and botframework-connector write
// straight to the console (CloudAdapter.process prints every error it answers; the token extractor prints "Error
// finding key for token…" and whole error objects): raw multi-line text outside the JSON logs, which no log pipeline
// parses and no redaction sees. While a request is handled (AsyncLocalStorage, so concurrent requests and other code
// are unaffected) that output goes to the request's pino logger at debug level, one line each, and our own line says
// what happened. The scope also carries what the authentication learnt (the signing keys could not be fetched), so
// the answer can say 503 without echoing the SDK's error text.
// https://nodejs.org/api/async_context.html#class-asynclocalstorage
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import type { Logger } from 'pino';

/** One Teams request's scope: its logger, and whether the Bot Framework's signing keys could not be fetched. */
export interface TeamsRequestScope {
  readonly log: Logger;
  keysUnavailable: boolean;
}

const current = new AsyncLocalStorage<TeamsRequestScope>();
// Our wrappers, by identity (a property could be copied onto a function that wraps ours, e.g. a test's spy).
const routedWriters = new WeakSet<object>();

/**
 * Runs `fn` in a new request scope, with the SDKs' console output routed to the logger `logOf` gives (debug level),
 * asked for only when something is logged.
 */
export function inTeamsRequest<T>(logOf: () => Logger, fn: (scope: TeamsRequestScope) => Promise<T>): Promise<T> {
  install();
  const scope: TeamsRequestScope = {
    get log() {
      return logOf();
    },
    keysUnavailable: false,
  };
  return current.run(scope, () => fn(scope));
}

/** Notes, from inside the authentication, that the signing keys (or their OpenID configuration) could not be fetched. */
export function noteKeysUnavailable(err: unknown): void {
  const scope = current.getStore();
  if (!scope) return;
  scope.keysUnavailable = true;
  scope.log.warn(
    { err },
    'teams: the Bot Framework signing keys could not be fetched; the activity is refused (503) until they can',
  );
}

// Wraps console's writers (again, if something replaced them since); outside a Teams request they behave as before.
function install(): void {
  for (const level of ['error', 'warn', 'info', 'log', 'debug'] as const) {
    if (routedWriters.has(console[level])) continue;
    const original = console[level].bind(console);
    const routed = (...args: unknown[]) => {
      const scope = current.getStore();
      if (!scope) return original(...args);
      const text = format(...args).slice(0, 2000);
      scope.log.debug({ sdk: 'botbuilder', console: level, text }, 'botbuilder console output');
    };
    routedWriters.add(routed);
    console[level] = routed;
  }
}
