// Bolt and the Slack Web API client log through their own Logger interface; this adapts a pino logger to it, so
// every line is structured and goes through the service's redaction.
// https://docs.slack.dev/tools/bolt-js/concepts/logging/
import { LogLevel } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** Wraps a pino logger as a Bolt Logger. Bolt's level setter is ignored: the service's LOG_LEVEL decides. */
export function boltLogger(pinoLogger: Logger): BoltLogger {
  let log = pinoLogger.child({ component: 'bolt' });
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      // Bolt writes debug lines on every request: at info, they are dropped before any text is made of them.
      if (!log.isLevelEnabled(level)) return;
      const err = msg.find((m) => m instanceof Error);
      const text = msg
        .filter((m) => !(m instanceof Error))
        .map((m) => (typeof m === 'string' ? m : JSON.stringify(m)))
        .join(' ');
      if (err) log[level]({ err }, text || (err as Error).message);
      else log[level](text);
    };
  return {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: () => {},
    getLevel: () =>
      (
        ({ trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN }) as Record<
          string,
          LogLevel
        >
      )[pinoLogger.level] ?? LogLevel.ERROR,
    setName: (name: string) => {
      log = pinoLogger.child({ component: name });
    },
  };
}
