// The handle every in-process bench server returns, and the entry-point glue that runs one as its own process.
import type { Server } from 'node:http';

/** A server listening on 127.0.0.1. */
export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0 = any) and returns the handle. */
export function listen(server: Server, port = 0): Promise<RunningServer> {
  // Keep-alive longer than autocannon's connections live, as a production server behind a proxy would.
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Runs `start` as the process's job: PORT from the environment, one line on stdout when listening, exit on SIGTERM. */
export async function runAsProcess(name: string, start: (port: number) => Promise<RunningServer>): Promise<void> {
  const running = await start(Number(process.env.PORT ?? 0));
  process.stdout.write(`${name} listening on 127.0.0.1:${running.port}\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
