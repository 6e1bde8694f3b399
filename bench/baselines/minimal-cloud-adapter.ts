// The Teams baseline: the smallest botbuilder 4.23 CloudAdapter bot, echoing the message text. Authentication is off
// (no MicrosoftAppId, like the service's TEAMS_ALLOW_UNAUTHENTICATED), and the activity asks for expectReplies, so the
// reply travels in the HTTP response body. https://learn.microsoft.com/azure/bot-service/bot-builder-basics
import { createServer } from 'node:http';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';
import { isMain } from '../support/is-main.js';
import { listen, runAsProcess, type RunningServer } from '../support/running-server.js';

/** Starts the minimal CloudAdapter echo on 127.0.0.1 at POST /api/messages. */
export function startMinimalCloudAdapter(port = 0): Promise<RunningServer> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/messages') {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end();
        return;
      }
      // The smallest Express-like shim botbuilder's process() needs.
      const request: Request = { body, headers: req.headers, ...(req.method ? { method: req.method } : {}) };
      const response: Response = {
        socket: req.socket,
        status: (code: number) => (res.statusCode = code),
        header: (name: string, value: unknown) => res.setHeader(name, String(value)),
        send: (payload?: unknown) => {
          if (payload === undefined) return;
          if (typeof payload === 'string' || Buffer.isBuffer(payload)) res.write(payload);
          else {
            res.setHeader('content-type', 'application/json');
            res.write(JSON.stringify(payload));
          }
        },
        end: () => res.end(),
      };
      adapter
        .process(request, response, async (context) => {
          if (context.activity.type === 'message') await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
    });
  });
  return listen(server, port);
}

if (isMain(import.meta.url)) void runAsProcess('minimal-cloud-adapter', (port) => startMinimalCloudAdapter(port));
