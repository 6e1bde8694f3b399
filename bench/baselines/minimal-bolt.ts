// The Slack baseline: the smallest Bolt 5 app with the same Bolt version and receiver as the service (HTTPReceiver,
// signature verified by Bolt), whose /caac handler acks a constant "ok". Bot ids are given, as the service does after
// its one auth.test at start-up, so no request calls Slack. https://tools.slack.dev/bolt-js/concepts/acknowledge
import { createServer } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { isMain } from '../support/is-main.js';
import { listen, runAsProcess, type RunningServer } from '../support/running-server.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET } from '../support/slack-request.js';

/** Starts the minimal Bolt app on 127.0.0.1, its events endpoint at /slack/events. */
export function startMinimalBolt(port = 0, secret = BENCH_SIGNING_SECRET): Promise<RunningServer> {
  const receiver = new HTTPReceiver({ signingSecret: secret, endpoints: '/slack/events', logLevel: LogLevel.ERROR });
  const app = new App({
    receiver,
    token: BENCH_BOT_TOKEN,
    botId: 'B0BENCH0001',
    botUserId: 'U0BENCHBOT1',
    logLevel: LogLevel.ERROR,
    // Nothing on the request path talks to Slack; a dead loopback port makes sure of it.
    clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
  });
  app.command('/caac', async ({ ack }) => {
    await ack('ok');
  });
  return listen(createServer(receiver.requestListener), port);
}

if (isMain(import.meta.url)) void runAsProcess('minimal-bolt', (port) => startMinimalBolt(port));
