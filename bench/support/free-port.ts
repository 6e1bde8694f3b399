// A free TCP port on 127.0.0.1, for servers that must be told their port before they start (child processes).
import { createServer } from 'node:net';

/** Asks the kernel for a free port and releases it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
