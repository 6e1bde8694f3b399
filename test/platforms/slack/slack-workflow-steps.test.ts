// Workflow Builder steps through the running service and Bolt's real HTTPReceiver: signed `function_executed` events
// as Slack sends them, answered with functions.completeSuccess / functions.completeError on the Web API stand-in,
// with the step's own token. The manifest declares the same steps, inputs and outputs as the code reads and writes.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixedClock } from '../../../src/core/clock.js';
import { WORKFLOW_STEPS } from '../../../src/platforms/slack/slack-manifest.js';
import { slackSignature, startSlackStandIn } from '../../support/slack-stand-in.js';
import type { RecordedCall, SlackStandIn } from '../../support/slack-stand-in.js';
import { startTestService } from '../../support/start-test-service.js';
import type { TestService } from '../../support/start-test-service.js';

const SECRET = 'test-signing-secret-workflow';
const STEP_TOKEN = 'xwfp-step-token-0001';
let sequence = 0;
let slack: SlackStandIn;
let service: TestService;

/** A function_executed event_callback for one of our steps, with the inputs the workflow mapped. */
function stepEvent(callbackId: string, inputs: Record<string, unknown>): { body: string; executionId: string } {
  sequence += 1;
  const executionId = `Fx0STEP${sequence}`;
  const event = {
    token: 'legacy-verification-token',
    team_id: 'T0001ABCD',
    api_app_id: 'A0123CAAC',
    type: 'event_callback',
    event_id: `Ev0STEP${sequence}`,
    event_time: 1717000000,
    authorizations: [{ team_id: 'T0001ABCD', user_id: 'UBOT0001', is_bot: true }],
    event: {
      type: 'function_executed',
      function: {
        id: `Fn0${callbackId}`,
        callback_id: callbackId,
        title: callbackId,
        type: 'app',
        app_id: 'A0123CAAC',
        input_parameters: [],
        output_parameters: [],
        date_created: 1717000000,
        date_updated: 1717000000,
        date_deleted: 0,
      },
      inputs,
      function_execution_id: executionId,
      workflow_execution_id: `Wx0STEP${sequence}`,
      event_ts: `1717000000.00000${sequence}`,
      bot_access_token: STEP_TOKEN,
    },
  };
  return { body: JSON.stringify(event), executionId };
}

async function run(callbackId: string, inputs: Record<string, unknown>): Promise<RecordedCall> {
  const { body, executionId } = stepEvent(callbackId, inputs);
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${service.base}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(SECRET, timestamp, body),
    },
    body,
  });
  expect(res.status).toBe(200);
  const done = () =>
    slack.apiCalls.find((c) => c.path.startsWith('functions.complete') && c.body.function_execution_id === executionId);
  await slack.waitFor(() => done() !== undefined);
  return done()!;
}

const outputs = (call: RecordedCall) => call.body.outputs as Record<string, string>;
const usedToken = (call: RecordedCall) => call.authorization ?? `Bearer ${String(call.body.token)}`;

beforeAll(async () => {
  slack = await startSlackStandIn();
  service = await startTestService(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: slack.apiUrl },
    { scheduler: false, clock: fixedClock(new Date('2026-12-05T09:00:00Z')) },
    'caac-steps-',
  );
});
afterAll(async () => {
  await service?.stop();
  await slack?.close();
});
afterEach(() => {
  slack.apiCalls.length = 0;
});

describe('"Look up a CAAC brief"', () => {
  it("completes with the brief as text and its sources, using the step's token", async () => {
    const call = await run(WORKFLOW_STEPS.brief, { query: 'mali' });
    expect(call.path).toBe('functions.completeSuccess');
    expect(usedToken(call)).toBe(`Bearer ${STEP_TOKEN}`);
    expect(outputs(call).answer).toContain('Mali');
    expect(outputs(call).answer).toContain('MNLA');
    expect(outputs(call).sources).toContain('S/2021/299');
    // Each source once.
    const lines = outputs(call).sources!.split('\n');
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('fails with the nearest names when nothing matches, and escapes what it echoes', async () => {
    const call = await run(WORKFLOW_STEPS.brief, { query: '<!channel> zzqx' });
    expect(call.path).toBe('functions.completeError');
    expect(String(call.body.error)).toContain('&lt;!channel&gt;');
    expect(String(call.body.error)).toContain('Try');
  });

  it('fails clearly with no name', async () => {
    const call = await run(WORKFLOW_STEPS.brief, { query: '  ' });
    expect(call.path).toBe('functions.completeError');
    expect(call.body.error).toMatch(/country or party/);
  });
});

describe('"Upcoming renewals"', () => {
  it('lists what falls due in the next N days, soonest first, with days left and sources', async () => {
    const call = await run(WORKFLOW_STEPS.renewals, { days: 30 });
    expect(call.path).toBe('functions.completeSuccess');
    const text = outputs(call).renewals;
    expect(text).toContain('Coming up in the next 30 days');
    expect(text).toMatch(/MONUSCO[\s\S]*AUSSOM/); // 20 December before 31 December
    expect(text).not.toContain('BINUH'); // 31 January 2027 is past the horizon
    expect(text).toContain('Sources');
  });

  it('takes one country, and 30 days when the days are left empty', async () => {
    const call = await run(WORKFLOW_STEPS.renewals, { country: 'drc' });
    expect(outputs(call).renewals).toContain('Coming up in the next 30 days');
    expect(outputs(call).renewals).toContain('MONUSCO');
    expect(outputs(call).renewals).not.toContain('AUSSOM');
  });

  it('fails clearly on days out of range or an unknown country', async () => {
    expect((await run(WORKFLOW_STEPS.renewals, { days: 0 })).body.error).toMatch(/1 to 366/);
    const unknown = await run(WORKFLOW_STEPS.renewals, { days: 30, country: 'atlantis' });
    expect(unknown.path).toBe('functions.completeError');
  });
});

describe('manifests/slack/manifest.yaml', () => {
  const manifest = parse(
    readFileSync(new URL('../../../manifests/slack/manifest.yaml', import.meta.url), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  it('declares the same steps, inputs and outputs as the code, on an org-ready app with a remote runtime', () => {
    const functions = manifest.functions as Record<string, { input_parameters: object; output_parameters: object }>;
    expect(Object.keys(functions).sort()).toEqual(Object.values(WORKFLOW_STEPS).sort());
    expect(Object.keys(functions[WORKFLOW_STEPS.brief]!.input_parameters)).toEqual(['query']);
    expect(Object.keys(functions[WORKFLOW_STEPS.brief]!.output_parameters).sort()).toEqual(['answer', 'sources']);
    expect(Object.keys(functions[WORKFLOW_STEPS.renewals]!.input_parameters).sort()).toEqual(['country', 'days']);
    expect(Object.keys(functions[WORKFLOW_STEPS.renewals]!.output_parameters)).toEqual(['renewals']);
    expect(manifest.settings!.org_deploy_enabled).toBe(true);
    expect(manifest.settings!.function_runtime).toBe('remote');
  });
});
