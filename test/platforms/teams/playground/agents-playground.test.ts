// The bot in a real Teams client: the service in local mode (TEAMS_ALLOW_UNAUTHENTICATED=true) on one port, the
// Microsoft 365 Agents Playground on another as its client and connector, and headless Chromium typing into the
// playground and reading what it renders. One browser and one playground for the whole file, conversations used in
// order: the welcome, every command of the grammar in a personal chat, every kind of button (each must reach the
// bot as the command it names and get that command's answer), Show more, a group chat and a channel with an
// @mention, a reminder posted proactively into the channel and its buttons, and the search messaging extension.
// Screenshots of the main cards are written under var/screens/ on every run.
//
// Where the playground differs from Teams (see docs/ARCHITECTURE.md): its card host throws on `data.msteams` in an
// Action.Submit (Teams does not), so our buttons carry `{ command }` only; it ignores `msteams.width: 'Full'`; it
// sends every group-chat message to the bot, @mention or not (Teams sends only those that @mention it).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import type { Answer } from '../../../../src/core/answer.js';
import { createCore } from '../../../../src/core/create-core.js';
import type { Core } from '../../../../src/core/create-core.js';
import { parseCommand } from '../../../../src/core/parse-command.js';
import { createRateLimiter } from '../../../../src/http/rate-limit.js';
import { manualClock } from '../../../support/manual-clock.js';
import { realDataset } from '../../../support/real-dataset.js';
import { startTestService } from '../../../support/start-test-service.js';
import type { TestService } from '../../../support/start-test-service.js';
import {
  SCREENS_DIR,
  chromiumMissing,
  launchChromium,
  openPlayground,
  startPlayground,
} from './support/agents-playground.js';
import type { Playground, PlaygroundPage } from './support/agents-playground.js';

const missing = chromiumMissing();
if (missing && process.env.CI) throw new Error(`CI must run the Agents Playground suite: ${missing}`);
if (missing) console.warn(`Agents Playground suite skipped: ${missing}`);

/** Before MONUSCO's 7-day reminder (its mandate expires 20 December 2026; 7 days before, at 09:00 UTC). */
const START = new Date('2026-12-13T08:55:00.000Z');
/** Per test: several round trips through the playground each, on a loaded machine. */
const STEP_MS = 120_000;
const ROOMY = { capacity: 1_000, perMinute: 1_000 };
const BOT = 'Test Bot'; // the playground's name for the app under test

describe.skipIf(missing !== undefined)('the bot in the Microsoft 365 Agents Playground', () => {
  const clock = manualClock(START);
  let service: TestService;
  let playground: Playground;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let ui: PlaygroundPage;
  let core: Core;

  beforeAll(async () => {
    service = await startTestService(
      { TEAMS_ALLOW_UNAUTHENTICATED: 'true', CAAC_SCHEDULER_POLL_MS: '200' },
      // The real limiter, with room for a test that types fast (its clock stands still, so buckets never refill).
      { clock, rateLimiter: createRateLimiter({ clock, perUser: ROOMY, perChannel: ROOMY }) },
      'caac-playground-',
    );
    const dataset = await realDataset();
    core = createCore({ dataset: () => dataset, clock });
    [playground, chromium] = await Promise.all([startPlayground(`${service.base}/api/messages`), launchChromium()]);
    ui = await openPlayground(chromium.browser, playground);
  }, 90_000);

  // A failing step leaves a picture of the page beside the cards' screenshots.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && ui) {
      const name = `failed-${context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
      await ui.page.screenshot({ path: `${SCREENS_DIR}/${name}.png` }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await chromium?.close();
    await playground?.close();
    await service?.stop();
  });

  /** What the core answers to `text` right now: what the card for it must say. */
  const expected = (text: string): Promise<Answer> => core.answer(parseCommand(text), { platform: 'teams' });

  async function expectAnswerTo(card: ElementHandle<Element>, command: string): Promise<string> {
    const text = await ui.text(card);
    expect(text.split('\n')[0], `the card for "${command}"`).toBe((await expected(command)).title);
    return text;
  }

  it(
    'welcomes the user once when the app is installed in the personal chat',
    async () => {
      // The playground installs the app in each conversation the first time it is opened.
      await ui.open('Personal Chat');
      const card = await ui.nextCard(0);
      expect(await ui.text(card)).toMatch(/^Hello, I am caac-bot\n[\s\S]*@caac-bot remind mali/);
      expect(await ui.buttons(card)).toEqual(['mali', 'mnla', 'renewals', 'Help']);
      await ui.screenshot(card, 'teams-welcome');
      expect(await ui.cardCount()).toBe(1); // installationUpdate and conversationUpdate both came: one welcome
    },
    STEP_MS,
  );

  it(
    'answers every command of the grammar, a typo and a name it does not know',
    async () => {
      const commands = [
        'help',
        'mali',
        'mnla',
        'group ansar eddine',
        'minusma',
        'recs mali',
        'figures mali',
        'sources mali',
        'codes',
        'renewals',
        'renewals drc',
        'search recruitment',
        'mlai',
        'atlantis',
      ];
      for (const command of commands) {
        const card = await ui.send(command);
        const text = await expectAnswerTo(card, command);
        if (command === 'mali') await ui.screenshot(card, 'teams-mali');
        if (command === 'mnla') await ui.screenshot(card, 'teams-mnla');
        if (command === 'mlai') expect(text).toContain('Showing Mali (nearest to "mlai")');
        if (command === 'atlantis') expect(text).toContain('No country or party matches "atlantis"');
      }
      expect(ui.errors).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'runs the command each button names: answers, suggestions, help and the welcome',
    async () => {
      // One card of each kind, and every button on it, pressed in the client.
      // Country brief (next commands, a party), party profile, no-match suggestions, help, a recs answer.
      const plan: [string, number][] = [
        ['mali', 4],
        ['mnla', 2],
        ['atlantis', 2],
        ['help', 1],
        ['recs mali', 1],
      ];
      for (const [command, presses] of plan) {
        const answer = await expected(command);
        const card = await ui.send(command);
        for (const action of answer.actions.filter((a) => a.kind !== 'share').slice(0, presses)) {
          const reply = await ui.press(card, action.label);
          await expectAnswerTo(reply, action.command);
        }
      }
      expect(ui.errors).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'shows the rest of a long answer in place with Show more, sending nothing',
    async () => {
      const card = await ui.send('mali');
      const before = await ui.text(card);
      const count = await ui.cardCount();
      await ui.pressOnly(card, 'Show more');
      await ui.page.waitForFunction(
        // biome-ignore lint/performance/useDomNodeTextContent: what is shown; the hidden part is in textContent already
        (el, n) => (el as HTMLElement).innerText.length > n,
        { timeout: 10_000 },
        card,
        before.length,
      );
      expect(await ui.cardCount()).toBe(count);
      // The last section of the brief was behind the button, and is now on the card.
      const last = (await expected('mali')).sections.at(-1)!;
      const line = last.items.at(-1)!.text;
      expect(before).not.toContain(line);
      expect(await ui.text(card)).toContain(line);
    },
    STEP_MS,
  );

  it(
    'answers in a group chat',
    async () => {
      await ui.open('Group Chat');
      const welcome = await ui.nextCard(0);
      expect(await ui.text(welcome)).toMatch(/^Hello, I am caac-bot/);
      const card = await ui.sendMentioning(BOT, 'drc');
      await expectAnswerTo(card, 'drc');
      await expectAnswerTo(
        await ui.press(card, (await expected('drc')).actions[0]!.label),
        (await expected('drc')).actions[0]!.command,
      );
    },
    STEP_MS,
  );

  it(
    'finds a country with the search messaging extension and sends its card',
    async () => {
      // Still in the group chat. (From the personal chat the playground 0.2.28 sends the query for a conversation it
      // does not know and answers 400 ConversationNotFound itself, without asking the bot.)
      const { invoke, card } = await ui.searchExtension('mali', 'Mali');
      expect(invoke).toMatchObject({ composeExtension: { type: 'result', attachmentLayout: 'list' } });
      await expectAnswerTo(card, 'mali');
    },
    STEP_MS,
  );

  it(
    'answers an @mention in a Teams channel, and its buttons in the thread',
    async () => {
      await ui.open('General');
      const welcome = await ui.nextCard(0);
      expect(await ui.text(welcome)).toMatch(/^Hello, I am caac-bot/);
      const card = await ui.postMentioning(BOT, 'drc');
      await expectAnswerTo(card, 'drc');
      await ui.screenshot(card, 'teams-channel-drc');
      const action = (await expected('drc')).actions[0]!;
      await expectAnswerTo(await ui.press(card, action.label), action.command);
    },
    STEP_MS,
  );

  it(
    'posts a reminder proactively into the channel, whose buttons work',
    async () => {
      const set = await ui.postMentioning(BOT, 'remind drc 7d at 09:00');
      expect(await ui.text(set)).toMatch(/^Reminders set for Democratic Republic of the Congo/);
      const before = await ui.cardCount();
      clock.set(new Date('2026-12-13T09:00:05.000Z'));
      const reminder = await ui.nextCard(before, 30_000);
      const text = await ui.text(reminder);
      expect(text).toMatch(/^⏰ MONUSCO's mandate expires in 7 days — 20 December 2026/);
      await ui.screenshot(reminder, 'teams-reminder');
      const [open, stop] = await ui.buttons(reminder);
      expect(stop).toBe('Stop these reminders');
      const brief = await ui.press(reminder, open!);
      expect(await ui.text(brief)).toMatch(/^Democratic Republic of the Congo/);
      const stopped = await ui.press(reminder, stop!);
      expect(await ui.text(stopped)).toMatch(/removed|stopped|forgot/i);
    },
    STEP_MS,
  );

  it('loads nothing from the internet but fonts and an animation it does without', () => {
    const hosts = new Set(playground.remoteRequests.map((u) => new URL(u).host));
    for (const host of hosts) expect(host).toMatch(/^res(-1)?\.cdn\.office\.net$/);
    expect(ui.errors).toEqual([]);
  });
});
