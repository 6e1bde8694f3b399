// Live reload of the running service (issue 17 item 1, issue 13): an alias bomb dropped into its data folder is
// refused in well under a second and the old data keeps answering; a large valid change is validated and indexed in
// slices, so signed Slack `/caac mali` requests keep being answered, each within Slack's 3 s, while it runs.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/generate-dataset.js';
import type { GeneratedDataset } from '../../bench/generate-dataset.js';
import { defaultDataDir } from '../../src/dataset/load-dataset.js';
import { createLogger } from '../../src/logging.js';
import { captureLogs } from '../support/capture-logs.js';
import { postSigned, slashCommandBody, startSlackStandIn } from '../support/slack-stand-in.js';
import type { SlackStandIn } from '../support/slack-stand-in.js';
import { startTestService } from '../support/start-test-service.js';
import type { TestService } from '../support/start-test-service.js';
import { aliasBomb } from '../support/alias-bomb.js';

const SECRET = 'test-signing-secret-reload-0123';
const SLACK_LIMIT_MS = 3_000;
let slack: SlackStandIn;
let service: TestService;
let dataDir: string;
let generated: GeneratedDataset;
const logs = captureLogs();

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'caac-hostile-data-'));
  cpSync(defaultDataDir(), dataDir, { recursive: true });
  generated = await generateDataset({ countries: 50, partiesPerCountry: 100, seed: 17 });
  slack = await startSlackStandIn();
  service = await startTestService(
    {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      CAAC_DATA_DIR: dataDir,
    },
    { scheduler: false, watchDataset: true, logger: createLogger({ level: 'info', destination: logs }) },
    'caac-hostile-',
  );
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await slack?.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (generated) rmSync(generated.dir, { recursive: true, force: true });
});

interface Asked {
  sent: number;
  done: number;
  status: number;
  text: string;
}

let asked = 0;
/** One signed `/caac <text>` from a user and channel of its own (the rate limits are per user and channel). */
async function ask(text: string): Promise<Asked> {
  const n = asked++;
  const body = slashCommandBody({
    command: '/caac',
    text,
    team_id: 'T0001ABCD',
    channel_id: `CRELOAD${n}`,
    user_id: `URELOAD${n}`,
    response_url: slack.responseUrl(`r${n}`),
    trigger_id: `t${n}`,
  });
  const sent = Date.now();
  const res = await postSigned(service.base, SECRET, body, { signal: AbortSignal.timeout(30_000) });
  return { sent, status: res.status, text: await res.text(), done: Date.now() };
}

/** Asks `/caac mali` two at a time until `stop` settles; every answer, in order. */
async function askWhile(stop: Promise<unknown>): Promise<Asked[]> {
  let stopped = false;
  void stop.finally(() => (stopped = true));
  const out: Asked[] = [];
  const lane = async () => {
    while (!stopped) out.push(await ask('mali'));
  };
  await Promise.all([lane(), lane()]);
  return out;
}

/** The next log line whose message starts with `msg`, logged after `since` (ms since the epoch). */
async function logged(msg: string, since: number, ms = 60_000): Promise<Record<string, unknown>> {
  const end = Date.now() + ms;
  for (;;) {
    const line = logs.lines().find((l) => String(l.msg).startsWith(msg) && Date.parse(String(l.time)) >= since);
    if (line) return line;
    if (Date.now() > end) throw new Error(`no "${msg}" log line within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function expectMaliAnswers(answers: Asked[]): void {
  expect(answers.length).toBeGreaterThan(0);
  for (const a of answers) {
    expect(a.status).toBe(200);
    expect(a.text).toContain('Mali');
    expect(a.done - a.sent).toBeLessThan(SLACK_LIMIT_MS);
  }
}

describe('live reload of the running service', () => {
  it.each(['string', 'source'] as const)(
    'an alias bomb with %s leaves is refused in well under a second; the old data keeps answering',
    async (leaf) => {
      const before = await ask('mali');
      expectMaliAnswers([before]);
      const written = Date.now();
      const refused = logged('dataset reload refused', written);
      const answers = askWhile(refused);
      writeFileSync(path.join(dataDir, 'countries', `boom-${leaf}.yaml`), aliasBomb(leaf));
      const line = await refused;
      const problems = line.problems as string[];
      expect(problems.length).toBeGreaterThan(1);
      for (const p of problems) expect(p).toMatch(new RegExp(`countries/boom-${leaf}\\.yaml:\\d+: \\(yaml\\): `));
      expect(problems[0]).toContain('aliases are not allowed here');
      // From the write: the watcher's 300 ms debounce, then the reload; "in well under a second" is the reload's part.
      const started = await logged('dataset reload started', written);
      expect(Date.parse(String(line.time)) - Date.parse(String(started.time))).toBeLessThan(1_000);
      expectMaliAnswers(await answers);
      expectMaliAnswers([await ask('mali')]);
      rmSync(path.join(dataDir, 'countries', `boom-${leaf}.yaml`));
    },
    60_000,
  );

  it('a large valid change (5,000 more parties) is validated and indexed while answers keep flowing', async () => {
    // The bomb's removal may still be reloading: wait until it has settled (same version: no new log line needed).
    await new Promise((r) => setTimeout(r, 1_000));
    const written = Date.now();
    const reloaded = logged('dataset reloaded', written, 120_000);
    const answers = askWhile(reloaded);
    for (const sub of ['sources', 'countries']) {
      for (const name of readdirSync(path.join(generated.dir, sub)))
        cpSync(path.join(generated.dir, sub, name), path.join(dataDir, sub, `gen-${name}`));
    }
    const done = await reloaded;
    const started = await logged('dataset reload started', written);
    const all = await answers;
    expectMaliAnswers(all);
    // The reload ran from `started` to `done`: requests sent and answered inside that window prove the event loop
    // was free while the new dataset was validated and indexed.
    const from = Date.parse(String(started.time));
    const to = Date.parse(String(done.time));
    const during = all.filter((a) => a.sent >= from && a.done <= to);
    expect(to - from).toBeGreaterThan(0);
    expect(during.length, `${all.length} answers, reload ${to - from} ms`).toBeGreaterThanOrEqual(2);
    // The new data is served, its indexes already built: a generated party is found.
    const party = await ask(generated.partyNames[0]!.toLowerCase());
    expect(party.status).toBe(200);
    expect(party.text).toContain(generated.partyNames[0]!);
  }, 180_000);
});
