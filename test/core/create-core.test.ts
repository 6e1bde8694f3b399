import { parseCommand } from '../../src/core/parse-command.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Item } from '../../src/core/answer.js';
import { fixedClock } from '../../src/core/clock.js';
import { manualClock } from '../support/manual-clock.js';
import type { Command } from '../../src/core/command.js';
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
const channel: RequestContext = {
  platform: 'slack',
  channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
  userId: 'U1',
};
const at = (iso: string) => fixedClock(new Date(iso));
const items = (a: Answer): Item[] => a.sections.flatMap((s) => s.items);

describe('misses and usage', () => {
  it('suggests Mali for "maly", with the suggestion as an action', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('maly'), cli);
    expect(a.outcome).toBe('no-match');
    expect(a.title).toBe('No country or party is called "maly". Did you mean Mali?');
    expect(a.actions).toEqual([{ label: 'Mali', command: 'mali' }]);
  });

  it('lists the countries covered when nothing is near', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('narnia'), cli);
    expect(a.outcome).toBe('no-match');
    expect(a.title).toBe('No country or party matches "narnia".');
    expect(a.subtitle).toMatch(/^The dataset covers: .*Mali/);
    expect(a.actions.at(-1)).toEqual({ label: 'Help', command: 'help' });
  });

  it('looks among parties only for `group`', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const miss = await core.answer(parseCommand('group mali'), cli);
    expect(miss.outcome).toBe('no-match');
    expect(miss.title).toContain('No party');
    const hit = await core.answer(parseCommand('group ansar dine'), cli);
    expect(hit.kind).toBe('party');
    expect(hit.title).toBe('Ansar Eddine — Mali');
  });

  it('answers a malformed command with its usage', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('remind mali at 25:00'), channel);
    expect(a.outcome).toBe('usage');
    expect(a.title).toContain('"25:00" is not a time of day');
    expect(answerToPlainText(a)).toContain('remind <country or mission> [30d,7d,1d] [at HH:MM] [tz Area/City]');
  });

  it('says when a loose match was used', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    expect((await core.answer(parseCommand('mlai'), cli)).subtitle).toMatch(/^Showing Mali \(nearest to "mlai"\)/);
    expect((await core.answer(parseCommand('recs mnla'), cli)).subtitle).toMatch(/^Showing Mali, the country of/);
  });
});

describe('reminder commands', () => {
  it('explain in the terminal that reminders belong to a channel', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    for (const text of ['remind mali', 'reminders', 'forget r1', 'remind "x" at 2026-12-03T09:30:00Z']) {
      const a = await core.answer(parseCommand(text), cli);
      expect(a.outcome).toBe('unavailable');
      expect(a.title).toContain('Reminders belong to a channel');
    }
  });

  it('are "not available here" in a channel when the reminders module is off', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('remind mali'), channel);
    expect(a.outcome).toBe('unavailable');
    expect(a.title).toBe('Reminders are not available here.');
  });

  it('go to the reminders module, parsed, with the context and the language to answer in', async () => {
    const seen: Array<[Command, RequestContext]> = [];
    const reminders: ReminderCommands = {
      async handle(command, context) {
        seen.push([command, context]);
        return { kind: command.kind, outcome: 'answered', title: 'ok', sections: [], actions: [], summary: 'ok' };
      },
    };
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z'), reminders });
    await core.answer(parseCommand('caac remind Mali 7d at 8:00 tz Europe/Paris'), channel);
    expect(seen).toEqual([
      [
        { kind: 'remind', target: 'Mali', leadDays: [7], at: '08:00', tz: 'Europe/Paris' },
        { ...channel, lang: 'en' },
      ],
    ]);
  });
});

describe('the dataset and the clock', () => {
  it('reads the dataset per request, so that a reload is seen at once', async () => {
    let current = real;
    const core = createCore({ dataset: () => current, clock: at('2026-11-28T00:00:00Z') });
    expect((await core.answer(parseCommand('testland'), cli)).outcome).toBe('no-match');
    current = fixture;
    expect((await core.answer(parseCommand('testland'), cli)).title).toBe('Testland — children and armed conflict');
  });

  it('counts days from the clock, and marks the same mandate as expired later', async () => {
    const clock = manualClock(new Date('2026-11-01T10:00:00Z'));
    const core = createCore({ dataset: () => fixture, clock });
    const before = answerToPlainText(await core.answer(parseCommand('testland'), cli));
    expect(before).toContain('UNTM  mandate under SCR 2800 (2025) runs to 15 November 2026 — 14 days left');
    clock.set(new Date('2026-11-28T10:00:00Z'));
    const after = answerToPlainText(await core.answer(parseCommand('testland'), cli));
    expect(after).toContain(
      'UNTM  ! mandate under SCR 2800 (2025) expired on 15 November 2026; no renewal recorded in the dataset (as of 13 November 2025) — 13 days ago',
    );
  });

  it('counts days in the default zone given', async () => {
    const core = createCore({ dataset: () => fixture, clock: at('2026-11-01T23:30:00Z'), defaultTz: 'Asia/Tokyo' });
    expect(answerToPlainText(await core.answer(parseCommand('testland'), cli))).toContain(
      'runs to 15 November 2026 — 13 days left',
    );
  });

  it('shows the newest dated statement as current, not the older one', async () => {
    const core = createCore({ dataset: () => fixture, clock: at('2026-11-28T00:00:00Z') });
    const text = answerToPlainText(await core.answer(parseCommand('testland'), cli));
    expect(text).toContain('Lead country');
    expect(text).toContain('Newland');
    expect(text).not.toContain('Oldland');
    // Before the newer statement, the older one was current.
    const core2019 = createCore({ dataset: () => fixture, clock: at('2020-06-01T00:00:00Z') });
    expect(answerToPlainText(await core2019.answer(parseCommand('testland'), cli))).toContain('Oldland');
  });
});

describe('renewals', () => {
  it('lists upcoming events soonest first, never an expired mandate as upcoming, and past ones as past', async () => {
    const core = createCore({ dataset: () => fixture, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('renewals testland'), cli);
    const [coming, expired, past] = a.sections;
    expect(coming!.heading).toBe('Coming up');
    expect(coming!.items.map((i) => i.label)).toEqual(['December 2026', '31 January 2027']);
    expect(coming!.items.map((i) => i.text).join(' ')).not.toContain('UNTM');
    expect(expired!.heading).toBe('Expired, no renewal recorded');
    expect(expired!.items[0]!.text).toBe(
      'mandate under SCR 2800 (2025) expired on 15 November 2026; no renewal recorded in the dataset (as of 13 November 2025)',
    );
    expect(expired!.items[0]!.tone).toBe('warning');
    expect(past!.heading).toBe('Past');
    expect(past!.items[0]).toMatchObject({ label: '1 October 2026', tone: 'past', detail: 'past, 58 days ago' });
  });

  it('shows the caveat of an unverified expiry', async () => {
    const core = createCore({ dataset: () => fixture, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('renewals testland'), cli);
    const untp = items(a).find((i) => i.text.includes('UNTP'))!;
    expect(untp.detail).toBe('64 days left; unverified');
    expect(untp.cite?.[0]?.unverified).toBe('The expiry day was not seen.');
    expect(answerToPlainText(a)).toContain('unverified: The expiry day was not seen.');
  });

  it('does not invent a day for an event known only to the month', async () => {
    const core = createCore({ dataset: () => fixture, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('renewals testland'), cli);
    const debate = items(a).find((i) => i.text.startsWith('Open debate'))!;
    expect(debate.label).toBe('December 2026');
    expect(debate.detail).toContain('day not recorded');
  });

  it('on the real data, lists MONUSCO with the days left on 2026-11-28', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const text = answerToPlainText(await core.answer(parseCommand('renewals'), cli));
    expect(text).toContain(
      "MONUSCO's mandate expires (SCR 2808 (2025)) — Democratic Republic of the Congo — 22 days left",
    );
  });
});

describe('party listing history', () => {
  it('groups equal consecutive years, shows gaps as gaps and explicit "not listed" as such', async () => {
    const core = createCore({ dataset: () => fixture, clock: at('2021-06-01T00:00:00Z') });
    const a = await core.answer(parseCommand('tlf'), cli);
    const history = a.sections.find((s) => s.heading?.startsWith('Listed in the annexes'))!;
    expect(history.items.map((i) => [i.label, i.text, i.tone ?? 'normal'])).toEqual([
      ['2015–2016', 'recruitment and use of children (a)', 'normal'],
      ['2017–2018', 'not in this dataset', 'gap'],
      ['2019', 'recruitment and use of children (a); abduction of children (e)', 'normal'],
      ['2020', 'not listed', 'past'],
    ]);
  });
});

describe('every fact carries its source', () => {
  it.each([
    'mali',
    'mnla',
    'ansar dine',
    'recs mali',
    'figures mali',
    'renewals',
    'minusma',
    'codes',
    'search schools',
  ])('%s', async (text) => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand(text), cli);
    expect(a.outcome).toBe('answered');
    const facts = items(a).filter((i) => i.tone !== 'gap' && i.label !== 'Also known as');
    expect(facts.length).toBeGreaterThan(0);
    for (const item of facts) expect(item.cite?.length ?? 0, `${item.label}: ${item.text}`).toBeGreaterThan(0);
  });
});

describe('help', () => {
  it('has examples, reminders included, and next commands', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    for (const text of ['', 'help', 'caac']) {
      const a = await core.answer(parseCommand(text), cli);
      expect(a.kind).toBe('help');
      const plain = answerToPlainText(a);
      expect(plain).toContain('recs mali');
      expect(plain).toContain('remind drc');
      expect(plain).toContain('remind "Mali consultations" at 2026-12-03T09:30:00+01:00');
      expect(a.actions.length).toBeGreaterThan(0);
    }
  });
});

describe('help on reminders', () => {
  it('shows only the reminder commands', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const a = await core.answer(parseCommand('help remind'), cli);
    expect(a.sections.map((s) => s.heading)).toEqual(['Reminders (in a Slack channel or Teams conversation)']);
  });
});

describe('no text makes the core throw (property)', () => {
  it('answers any text with an outcome', async () => {
    const core = createCore({ dataset: () => real, clock: at('2026-11-28T00:00:00Z') });
    const words = fc.constantFrom(
      'mali',
      'recs',
      'figures',
      'sources',
      'group',
      'renewals',
      'search',
      'codes',
      'help',
      'mnla',
      'é',
      '’',
      '"',
      '*',
      '(',
      'de',
      'l',
      '2374',
      'remind',
      'at',
      'tz',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(cli, channel), async (t, context) => {
        const a = await core.answer(parseCommand(t), context);
        expect(['answered', 'no-match', 'usage', 'unavailable']).toContain(a.outcome);
        expect(typeof answerToPlainText(a)).toBe('string');
      }),
      { numRuns: 400 },
    );
  });
});
