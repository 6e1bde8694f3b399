// The service with no platform credentials: it starts, says which platform is off and which variables turn it on,
// serves /healthz, /readyz (dataset version, database) and /metrics; refuses an invalid dataset with one line per
// problem; and stops cleanly.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError, createApp } from '../../src/app.js';
import type { CaacApp } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import type { Config } from '../../src/config/read-config.js';
import { BODY_LIMITS } from '../../src/http/read-body.js';
import { createLogger } from '../../src/logging.js';

function captureLogs() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines };
}

function configFor(dir: string, env: Record<string, string> = {}): Config {
  const read = readConfig({ CAAC_DB_PATH: join(dir, 'caac.sqlite'), ...env });
  if (!read.ok) throw new Error(read.problems.join('\n'));
  return { ...read.config, port: 0, host: '127.0.0.1' };
}

describe('the service without platform credentials', () => {
  let dir: string;
  let app: CaacApp;
  let base: string;
  const logs = captureLogs();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'caac-service-'));
    app = createApp(configFor(dir), {
      logger: createLogger({ level: 'debug', destination: logs.stream }),
      scheduler: false,
    });
    base = `http://127.0.0.1:${(await app.start()).port}`;
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs that Slack and Teams are off and which variables turn them on', () => {
    const messages = logs.lines().map((l) => String(l.msg));
    const slack = messages.find((m) => m.startsWith('Slack is off'));
    expect(slack).toMatch(/SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN/);
    expect(slack).toMatch(/SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET/);
    expect(messages.find((m) => m.startsWith('Teams is off'))).toMatch(/MicrosoftAppId/);
  });

  it('serves /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
  });

  it('serves /readyz with the dataset version and the database', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; dataset: { version: string }; database: string };
    expect(body.status).toBe('ready');
    expect(body.dataset.version).toMatch(/^[0-9a-f]{6,}$/);
    expect(body.database).toBe('sqlite: reachable');
  });

  it('serves /metrics', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/caac_/);
  });

  it('answers 503 on the Slack endpoint, saying what turns Slack on, and 404 elsewhere', async () => {
    const slack = await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    expect(slack.status).toBe(503);
    expect(((await slack.json()) as { message: string }).message).toMatch(/SLACK_SIGNING_SECRET/);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('answers 413 to a Teams body over the limit before any handler reads it, and counts it', async () => {
    const body = JSON.stringify({ type: 'message', text: 'x'.repeat(BODY_LIMITS.teams) });
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: 'body_too_large', limit: BODY_LIMITS.teams });
    // Just under the limit, the body is read and handed on (Teams is off here: 503, which says how to turn it on).
    const under = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.slice(0, BODY_LIMITS.teams - 100),
    });
    expect(under.status).toBe(503);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
      /caac_requests_refused_total\{reason="body-too-large",platform="teams"\} 1/,
    );
  });

  it('logs each request with its own child logger (request id)', () => {
    const requests = logs.lines().filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(4);
    expect(new Set(requests.map((l) => l.reqId)).size).toBe(requests.length);
  });
});

describe('start-up and shut-down', () => {
  it('refuses an invalid dataset with one line per problem, and stops cleanly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caac-bad-data-'));
    mkdirSync(join(dir, 'data', 'countries'), { recursive: true });
    writeFileSync(join(dir, 'data', 'reference.yaml'), 'violation_codes: nope\n');
    writeFileSync(join(dir, 'data', 'countries', 'x.yaml'), 'country: { id: Not An Id }\n');
    const app = createApp(configFor(dir, { CAAC_DATA_DIR: join(dir, 'data') }), {
      logger: createLogger({ level: 'silent' }),
      scheduler: false,
    });
    const error = await app.start().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).lines.length).toBeGreaterThan(0);
    for (const line of (error as StartupError).lines) expect(line).toMatch(/^[^:]+:\d+: [^:]+: .+/);
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes a request in flight, then stops taking new ones; stop() is idempotent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caac-stop-'));
    const app = createApp(configFor(dir), { logger: createLogger({ level: 'silent' }), scheduler: false });
    const { port } = await app.start();
    const base = `http://127.0.0.1:${port}`;
    // A request in flight: headers sent and half its body, so the server is busy with it when stop() is called.
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/messages',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '2' },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
    });
    req.write('{');
    // Connected, and given time to be accepted and parsed: now the request is the server's, in flight.
    await new Promise<void>((resolve) =>
      req.on('socket', (socket) => (socket.connecting ? socket.once('connect', () => resolve()) : resolve())),
    );
    await new Promise((r) => setTimeout(r, 150));
    const stopped = app.stop();
    expect(app.stop()).toBe(stopped);
    await new Promise((r) => setTimeout(r, 100));
    req.end('}');
    // Teams is off here, so the finished request is answered 503 by the Teams handler: it was served, not cut.
    expect(await response).toMatchObject({ status: 503, body: expect.stringContaining('teams_disabled') });
    await stopped;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    rmSync(dir, { recursive: true, force: true });
  });
});
