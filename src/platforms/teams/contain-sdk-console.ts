// botbuilder and botframework-connector write straight to the console (CloudAdapter.process prints every error it
// answers; the token extractor prints "Error finding key for token…" and whole error objects): raw multi-line text
// outside the JSON logs, which no log pipeline parses and no redaction sees. While a Teams request is being handled
// (tracked with AsyncLocalStorage, so concurrent requests and other code are unaffected) their console output goes
// to that request's pino logger at debug level, one line each; our own warn/error line says what happened.
// https://nodejs.org/api/async_context.html#class-asynclocalstorage
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import type { Logger } from 'pino';

const current = new AsyncLocalStorage<Logger>();
let installed = false;

/** Runs `fn` with the SDK's console output routed to `log` (debug level) instead of the process's stderr/stdout. */
export function withSdkConsole<T>(log: Logger, fn: () => Promise<T>): Promise<T> {
  install();
  return current.run(log, fn);
}

// Wraps console's writers once; outside a Teams request they behave exactly as before.
function install(): void {
  if (installed) return;
  installed = true;
  for (const level of ['error', 'warn', 'info', 'log', 'debug'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const log = current.getStore();
      if (!log) return original(...args);
      const text = format(...args);
      log.debug({ sdk: 'botbuilder', console: level, text: text.slice(0, 2000) }, 'botbuilder console output');
    };
  }
}
