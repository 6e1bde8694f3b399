// The core's memo of answers: a repeated dataset command is answered from memory, and only while the dataset, the
// calendar day (in the zone and in UTC) and the zone are the same; reminder commands always reach their handler.
import { parseCommand } from '../../src/core/parse-command.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { manualClock } from '../support/manual-clock.js';
import { createCore } from '../../src/core/create-core.js';
import type { ReminderCommands, RequestContext } from '../../src/core/ports.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';
import { fixtureDataset } from '../support/fixture-dataset.js';
import { realDataset } from '../support/real-dataset.js';

let real: Dataset;
let fixture: Dataset;
beforeAll(async () => {
  real = await realDataset();
  fixture = fixtureDataset();
});

const cli: RequestContext = { platform: 'cli' };
const slack: RequestContext = {
  platform: 'slack',
  channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
  userId: 'U1',
};
const teams: RequestContext = {
  platform: 'teams',
  channel: { platform: 'teams', workspaceId: 'tenant', channelId: '19:abc' },
};

// Every dataset command of the contract, hits and misses, on the real data.
const COMMANDS = [
  'help',
  'mali',
  'MLI',
  'mlai',
  'mnla',
  'group ansar dine',
  'minusma',
  'recs mali',
  'figures mali',
  'sources mali',
  'codes',
  'renewals',
  'renewals mali',
  'search recruitment',
  'maly',
  'narnia',
  'recs narnia',
  'drc',
  'remind',
];

describe('the answer memo', () => {
  it('answers a repeated command with the same frozen answer, whichever platform asks', async () => {
    const core = createCore({ dataset: () => real, clock: manualClock(new Date('2026-11-28T09:00:00Z')) });
    const first = await core.answer(parseCommand('mali'), slack);
    const again = await core.answer(parseCommand('mali'), teams);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.sections[0]!.items)).toBe(true);
    expect(Object.isFrozen(first.sections[0]!.items[0]!.cite?.[0] ?? {})).toBe(true);
    // A caller cannot change what the next caller sees (ESM code is strict: the write throws).
    expect(() => {
      (first as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => (first.actions as Answer['actions']).push({ label: 'x', command: 'x' })).toThrow(TypeError);
    expect((await core.answer(parseCommand('mali'), cli)).title).toBe('Mali — children and armed conflict');
  });

  it('gives the answer a fresh core gives at any time of the same day', async () => {
    // Asked at 00:00:01 and kept, then asked at 23:59:59: nothing may depend on the time of day.
    const clock = manualClock(new Date('2026-11-28T00:00:01Z'));
    const core = createCore({ dataset: () => real, clock });
    for (const text of COMMANDS) await core.answer(parseCommand(text), cli);
    clock.set(new Date('2026-11-28T23:59:59Z'));
    const fresh = createCore({ dataset: () => real, clock, memoSize: 0 });
    for (const text of COMMANDS) {
      const kept = await core.answer(parseCommand(text), cli);
      const made = await fresh.answer(parseCommand(text), cli);
      expect(made, text).not.toBe(kept);
      expect(kept, text).toEqual(made);
    }
  });

  it('gives a fresh answer for a new dataset version', async () => {
    let current = real;
    const core = createCore({ dataset: () => current, clock: manualClock(new Date('2026-11-28T09:00:00Z')) });
    const before = await core.answer(parseCommand('mali'), cli);
    current = { ...real, version: 'reloaded' };
    const after = await core.answer(parseCommand('mali'), cli);
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
    current = fixture;
    expect((await core.answer(parseCommand('mali'), cli)).outcome).toBe('no-match');
  });

  it('gives a fresh answer on a new day, counted in the zone', async () => {
    const clock = manualClock(new Date('2026-11-01T10:00:00Z'));
    const core = createCore({ dataset: () => fixture, clock, defaultTz: 'Asia/Tokyo' });
    const first = await core.answer(parseCommand('testland'), cli);
    expect(answerToPlainText(first)).toContain('runs to 15 November 2026 — 14 days left');
    // 15:30 UTC is still 1 November in UTC, but 00:30 on 2 November in Tokyo.
    clock.set(new Date('2026-11-01T15:30:00Z'));
    const next = await core.answer(parseCommand('testland'), cli);
    expect(next).not.toBe(first);
    expect(answerToPlainText(next)).toContain('runs to 15 November 2026 — 13 days left');
    clock.set(new Date('2026-11-01T20:45:00Z'));
    expect(await core.answer(parseCommand('testland'), cli)).toBe(next);
  });

  it('keeps the most recently used answers and drops the oldest', async () => {
    const core = createCore({ dataset: () => real, clock: manualClock(new Date('2026-11-28T09:00:00Z')), memoSize: 2 });
    const mali = await core.answer(parseCommand('mali'), cli);
    const codes = await core.answer(parseCommand('codes'), cli);
    expect(await core.answer(parseCommand('mali'), cli)).toBe(mali); // now the most recent
    await core.answer(parseCommand('help'), cli); // drops codes, the least recently used
    expect(await core.answer(parseCommand('mali'), cli)).toBe(mali);
    expect(await core.answer(parseCommand('codes'), cli)).not.toBe(codes);
  });

  it('never keeps the answers to reminder commands', async () => {
    let calls = 0;
    const reminders: ReminderCommands = {
      async handle(command) {
        calls += 1;
        return {
          kind: command.kind,
          outcome: 'answered',
          title: `call ${calls}`,
          sections: [],
          actions: [],
          summary: '',
        };
      },
    };
    const core = createCore({ dataset: () => real, clock: manualClock(new Date('2026-11-28T09:00:00Z')), reminders });
    for (const text of ['reminders', 'reminders', 'remind mali', 'remind mali', 'forget abc', 'forget abc'])
      await core.answer(parseCommand(text), slack);
    expect(calls).toBe(6);
    expect((await core.answer(parseCommand('reminders'), slack)).title).toBe('call 7');
  });
});
