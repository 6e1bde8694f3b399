// A memoised answer's Adaptive Card is rendered and serialised once (answer-to-teams-activity.ts, and the shim's
// cardAwareStringify): through the real CloudAdapter with expectReplies, a repeated message gets the same card bytes,
// inside a reply addressed to whoever asked, and the body is the JSON botbuilder would have written.
import { parseCommand } from '../../../src/core/parse-command.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAwareStringify } from '../../../src/platforms/teams/bot-http-shim.js';
import { answerToTeamsActivity } from '../../../src/platforms/teams/answer-to-teams-activity.js';
import { startBotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import type { BotConnectorStandIn } from '../../support/bot-connector-stand-in.js';
import { fixture, startTeamsHarness } from './support/teams-harness.js';
import type { TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;
let connector: BotConnectorStandIn;
beforeAll(async () => {
  connector = await startBotConnectorStandIn();
  harness = await startTeamsHarness();
});
afterAll(async () => {
  await harness?.close();
  await connector?.close();
});

type Replies = { activities: { recipient?: { id?: string }; attachments?: { content: unknown }[] }[] };
const ask = async (from: string) => {
  const res = await harness.post(
    fixture('message-personal', {
      serviceUrl: connector.url,
      deliveryMode: 'expectReplies',
      from: { id: from, name: 'Anon' },
    }),
  );
  expect(res.status).toBe(200);
  return res.text;
};
const cardOf = (text: string) => JSON.stringify((JSON.parse(text) as Replies).activities[0]!.attachments![0]!.content);

describe('the cached Adaptive Card', () => {
  it('sends a repeated message the same card, in a reply to each sender', async () => {
    const first = await ask('29:first-user');
    const second = await ask('29:second-user');
    expect(cardOf(first)).toContain('Mali');
    expect(cardOf(second)).toBe(cardOf(first));
    expect((JSON.parse(first) as Replies).activities[0]!.recipient?.id).toBe('29:first-user');
    expect((JSON.parse(second) as Replies).activities[0]!.recipient?.id).toBe('29:second-user');
  });

  it('writes the same JSON as JSON.stringify, cached card or not', async () => {
    const answer = await harness.core.answer(parseCommand('mali'), { platform: 'teams' });
    expect(Object.isFrozen(answer)).toBe(true);
    const body = {
      activities: [answerToTeamsActivity(answer), answerToTeamsActivity(answer)],
      note: 'a "quoted" text',
    };
    expect(cardAwareStringify(body)).toBe(JSON.stringify(body));
    const fresh = { activities: [answerToTeamsActivity({ ...answer })] };
    expect(cardAwareStringify(fresh)).toBe(JSON.stringify(fresh));
  });

  it('writes what JSON.stringify writes around the card: dates, undefined, holes, deep values, odd keys', async () => {
    const answer = await harness.core.answer(parseCommand('mali'), { platform: 'teams' });
    const activity = answerToTeamsActivity(answer);
    // A hole is what JSON.stringify writes as null (made without a literal, which the linter rightly refuses).
    const holes: unknown[] = [1];
    holes[2] = 3;
    const body = {
      activities: [{ ...activity, timestamp: new Date('2026-11-28T10:00:00Z'), gone: undefined, f: () => 1 }],
      list: [undefined, () => 1, holes, { deep: { deeper: { deepest: { card: activity.attachments } } } }],
      'a "key"\n': 'é \u2028 "x"',
      n: [0, -0, 1.5, Number.NaN, null, true],
    };
    expect(cardAwareStringify(body)).toBe(JSON.stringify(body));
    expect(cardAwareStringify(body)).toContain(JSON.stringify(activity.attachments![0]!.content));
  });
});
