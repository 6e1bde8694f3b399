// The start overlaps with listening (issue 13): the server answers /healthz while the dataset loads and the database
// migrates, /readyz says it is not ready yet and why, and a Slack slash command that arrives meanwhile still gets its
// correct answer (it waits for the start) rather than an error. A generated dataset large enough that its load takes
// a while even on a fast machine; the whole service through createApp, Bolt and a signed request.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type GeneratedDataset } from '../../bench/generate-dataset.js';
import { createApp } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import { loadDataset } from '../../src/dataset/load-dataset.js';
import { createLogger } from '../../src/logging.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';

const SECRET = 'overlap-signing-secret';
let generated: GeneratedDataset;
let country: string;
let slack: SlackStandIn;
let dir: string;

beforeAll(async () => {
  generated = await generateDataset({ countries: 100, partiesPerCountry: 40, seed: 5 });
  const loaded = await loadDataset(generated.dir);
  if (!loaded.ok) throw new Error('the generated dataset did not load');
  country = [...loaded.dataset.countries.values()][0]!.name;
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'caac-overlap-'));
}, 60_000);

afterAll(async () => {
  await slack.close();
  rmSync(generated.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('requests during the start', () => {
  it('are served: health at once, readiness says why not yet, and a slash command gets its answer', async () => {
    const port = await freePort();
    const read = readConfig({
      CAAC_DB_PATH: join(dir, 'caac.sqlite'),
      CAAC_DATA_DIR: generated.dir,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-overlap',
      SLACK_API_URL: slack.apiUrl,
    });
    if (!read.ok) throw new Error(read.problems.join('\n'));
    // A generous wait: on a busy machine the start of a 4,000-party dataset can take several seconds.
    const app = createApp(
      { ...read.config, port, host: '127.0.0.1' },
      { logger: createLogger({ level: 'silent' }), scheduler: false, startWaitMs: 60_000 },
    );
    const base = `http://127.0.0.1:${port}`;
    const started = app.start();
    try {
      let health: Response | undefined;
      while (!health) {
        health = await fetch(`${base}/healthz`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 5));
      }
      expect(health.status).toBe(200);
      const early = await fetch(`${base}/readyz`);
      expect(early.status).toBe(503);
      expect(((await early.json()) as { reasons: string[] }).reasons).toContain('dataset not loaded');
      const body = slashCommandBody({
        command: '/caac',
        text: country,
        team_id: 'T0001',
        user_id: 'U0001',
        channel_id: 'C0001',
        response_url: slack.responseUrl('overlap'),
        trigger_id: 't',
      });
      const res = await postSigned(base, SECRET, body);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(country);
      await started;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
    } finally {
      await started.catch(() => undefined);
      await app.stop();
    }
  }, 90_000);
});
