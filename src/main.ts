// The service's entry point (`npm start`): reads the configuration (one line per problem, exit 2), starts the app,
// and shuts down gracefully on SIGTERM/SIGINT (stop accepting, finish requests in flight, stop the scheduler, close
// the database). Everything else happens in createApp.
import { readConfig } from './config/read-config.js';

async function main(): Promise<void> {
  const read = readConfig(process.env);
  if (!read.ok) {
    for (const problem of read.problems) process.stderr.write(`${problem}\n`);
    process.stderr.write(
      'caac-bot: the configuration above is invalid; see the README (Configuration) for every variable.\n',
    );
    process.exit(2);
  }
  const { config } = read;
  // Loaded only once the configuration is valid, so a bad variable is reported at once, before the SDKs load.
  const { StartupError, createApp } = await import('./app.js');
  const { configSecrets, createLogger, scrubString } = await import('./logging.js');
  // The configured secret values are scrubbed wherever they appear, even inside the free text of SDK errors.
  const secrets = configSecrets(config);
  const logger = createLogger({ level: config.logLevel, secrets });
  const app = createApp(config, { logger, watchDataset: true });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  try {
    await app.start();
  } catch (err) {
    if (err instanceof StartupError) {
      logger.fatal({ problems: err.lines.slice(0, 100) }, err.message);
      // The lines quote paths and driver messages, which could carry a secret value: scrubbed like the logs.
      process.stderr.write(
        [`caac-bot: ${err.message}`, ...err.lines].map((l) => `${scrubString(l, secrets)}\n`).join(''),
      );
      await app.stop().catch(() => {});
      process.exit(2);
    }
    logger.fatal({ err }, 'start-up failed');
    await app.stop().catch(() => {});
    process.exit(1);
  }
}

void main();
