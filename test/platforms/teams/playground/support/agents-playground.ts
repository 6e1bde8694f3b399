/// <reference lib="dom" />
// (The DOM types are for code that runs in the page: puppeteer's handles and evaluate callbacks.)
// The Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`, the local Teams client Microsoft ships on
// npm) started against our service, and Debian's Chromium driven headless through puppeteer-core. The playground's
// server is the bot's connector (every activity's serviceUrl points at its /_connector), so the bot's replies and
// proactive posts land in its conversations; its page renders them with the adaptivecards renderer Teams uses.
//
// No network: the page asks a CDN for Segoe UI fonts and an animation worklet; those requests are aborted here
// (nothing else it loads is remote: its script, styles and the Cascadia Code font are in the npm package's
// dist/client). Telemetry is off (--dt), the playground opens no browser of its own (TEAMSAPPTESTER_BROWSER=none),
// and its log file goes to a temp folder.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';

/** Debian's Chromium (installed by .ci/run); CHROMIUM_PATH picks another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the suite cannot run here, or undefined when it can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`;
}

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Where screenshots of the main cards go on every run. */
export const SCREENS_DIR = join(root, 'var/screens');

/** A running playground. */
export interface Playground {
  url: string;
  /** Requests the page made off this machine (all aborted). */
  remoteRequests: string[];
  close(): Promise<void>;
}

/** Starts the playground on a free port against `appEndpoint` (…/api/messages), as a Teams client. */
export async function startPlayground(appEndpoint: string): Promise<Playground> {
  const dir = mkdtempSync(join(tmpdir(), 'caac-playground-'));
  const cli = join(root, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  // Port 0 asks for none in particular: the playground then takes a free one and prints it.
  const child: ChildProcess = spawn(process.execPath, [cli, '-e', appEndpoint, '-c', 'msteams', '-p', '0', '--dt'], {
    cwd: dir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: join(dir, 'playground.log'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the playground did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the playground exited (${code}):\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    remoteRequests: [],
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium with a fresh profile and no background traffic. */
export async function launchChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const puppeteer = createRequire(import.meta.url)('puppeteer-core') as typeof import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'caac-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the playground in a page, aborting every request that would leave this machine. */
export async function openPlayground(browser: Browser, playground: Playground): Promise<PlaygroundPage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url) || /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) {
      void request.continue();
    } else {
      playground.remoteRequests.push(url);
      void request.abort();
    }
  });
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err instanceof Error ? err.message : String(err)));
  await page.goto(playground.url, { waitUntil: 'load' });
  await page.waitForSelector('::-p-text(Personal Chat)', { timeout: 30_000 });
  return new PlaygroundPage(page, errors);
}

/** An element whose own text is exactly `text`. */
export const exactly = (text: string) => `::-p-xpath(//*[normalize-space(text())=${JSON.stringify(text)}])`;

const CARD = '.ac-preview-panel > .ac-adaptiveCard';
const BUTTON = '.ac-actionSet button';

/** The playground's page, in the words of a user: open a conversation, type, read the bot's cards, press buttons. */
export class PlaygroundPage {
  constructor(
    readonly page: Page,
    /** Errors thrown in the page (a card host failing on a button shows up here). */
    readonly errors: string[],
  ) {}

  /** Opens a conversation from the left rail: 'Personal Chat', 'Group Chat', 'General' (a Teams channel). */
  async open(name: string): Promise<void> {
    await this.page.click(exactly(name));
    await this.page.waitForNetworkIdle({ idleTime: 300, timeout: 15_000 }).catch(() => undefined);
  }

  /** How many bot cards the open conversation shows; marks them as seen, so that nextCard finds only new ones. */
  async cardCount(): Promise<number> {
    return this.page.$$eval(CARD, (cards) => {
      for (const c of cards) c.setAttribute('data-caac-seen', '');
      return cards.length;
    });
  }

  /**
   * Waits for a card not there at the last cardCount() (a channel lists its newest post first, a chat last);
   * `before` is that count, kept for the message when nothing comes.
   */
  async nextCard(before: number, timeout = 20_000): Promise<ElementHandle<Element>> {
    const fresh = `${CARD}:not([data-caac-seen])`;
    try {
      const card = await this.page.waitForSelector(fresh, { timeout });
      await card!.evaluate((c) => c.setAttribute('data-caac-seen', ''));
      return card!;
    } catch (err) {
      throw new Error(`no new card after ${before} within ${timeout} ms`, { cause: err });
    }
  }

  /** Types a message in the open chat's compose box and sends it; returns the bot's card. */
  async send(text: string): Promise<ElementHandle<Element>> {
    const before = await this.cardCount();
    const box = await this.lastComposeBox();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    return this.nextCard(before);
  }

  /** Sends `text` after an @mention of the bot in the open chat (a group chat only passes those on to the bot). */
  async sendMentioning(botName: string, text: string): Promise<ElementHandle<Element>> {
    const before = await this.cardCount();
    await (await this.lastComposeBox()).click();
    await this.mention(botName);
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
    return this.nextCard(before);
  }

  /**
   * Starts a new channel post that @mentions the bot, followed by `text`; returns the bot's card. The playground
   * sometimes drops a reply that reaches it before its page has registered the post (seen once in a few runs on a
   * loaded machine, right after the channel's install): then the post is made once more. A bot that never answers
   * still fails.
   */
  async postMentioning(botName: string, text: string): Promise<ElementHandle<Element>> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.cardCount();
      await this.page.click(exactly('Start a new post'));
      await this.mention(botName);
      await this.page.keyboard.type(` ${text}`);
      await this.page.click(exactly('Post'));
      try {
        return await this.nextCard(before, attempt === 1 ? 10_000 : 20_000);
      } catch (err) {
        if (attempt === 2) throw err;
      }
    }
  }

  /**
   * Uses the search messaging extension from the open chat's compose box: types `query`, picks the result titled
   * `result`, sends the card it inserts. Returns the answer the bot gave to the query (the invoke's body) and the card.
   */
  async searchExtension(query: string, result: string): Promise<{ invoke: unknown; card: ElementHandle<Element> }> {
    const triggers = await this.page.$$('button[aria-label="Trigger Message Extension App"]');
    await triggers[triggers.length - 1]!.click();
    await this.page.click(exactly('Search Command'));
    const answered = this.page.waitForResponse(
      async (r) =>
        r.url().endsWith('/_conversation/v1/invoke') && (r.request().postData() ?? '').includes(JSON.stringify(query)),
      { timeout: 20_000 },
    );
    await this.page.type('input[placeholder="Enter a search term"]', query);
    const invoke = (await (await answered).json()) as unknown;
    const before = (await this.page.$$(exactly(result))).length;
    await this.page.waitForFunction(
      (xpath, n) => document.evaluate(xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE).snapshotLength > n,
      { timeout: 20_000 },
      `//*[normalize-space(text())=${JSON.stringify(result)}]`,
      before - 1,
    );
    const matches = await this.page.$$(exactly(result));
    const count = await this.cardCount();
    await matches[matches.length - 1]!.click();
    const sends = await this.page.$$('button[aria-label="Send Message"]');
    await sends[sends.length - 1]!.click();
    return { invoke, card: await this.nextCard(count) };
  }

  /** Presses the button titled `title` on a card; returns the card the bot answers with. */
  async press(card: ElementHandle<Element>, title: string): Promise<ElementHandle<Element>> {
    const before = await this.cardCount();
    await this.pressOnly(card, title);
    return this.nextCard(before);
  }

  /** Presses a button that answers in place (Show more): nothing is sent. */
  async pressOnly(card: ElementHandle<Element>, title: string): Promise<void> {
    await (await this.buttonByTitle(card, title)).click();
  }

  /** The titles of a card's buttons (Show more's inner card included once it is open). */
  async buttons(card: ElementHandle<Element>): Promise<string[]> {
    return card.$$eval(BUTTON, (els) => els.map((e) => e.getAttribute('title') ?? (e.textContent ?? '').trim()));
  }

  /** The card's text as a user sees it. */
  async text(card: ElementHandle<Element>): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: the text as shown (a closed Show more's text is not)
    return card.evaluate((e) => (e as HTMLElement).innerText);
  }

  /** Saves a picture of the card's message under var/screens/. */
  async screenshot(card: ElementHandle<Element>, name: string): Promise<string> {
    mkdirSync(SCREENS_DIR, { recursive: true });
    const path = join(SCREENS_DIR, `${name}.png`);
    const bubble = (await card.evaluateHandle((e) => e.closest('.fai-OutputCard') ?? e)) as ElementHandle<Element>;
    // The conversation scrolls inside the page, so a card taller than the window would be cut: grow the window.
    const height = await bubble.evaluate((e) => e.getBoundingClientRect().height);
    const viewport = this.page.viewport() ?? { width: 1280, height: 1000 };
    await this.page.setViewport({ ...viewport, height: Math.max(viewport.height, Math.ceil(height) + 400) });
    try {
      await bubble.scrollIntoView();
      await bubble.screenshot({ path });
    } finally {
      await this.page.setViewport(viewport);
    }
    return path;
  }

  /** Types "@" and picks the bot from the mention list (the list is the newest element with its name). */
  private async mention(botName: string): Promise<void> {
    const before = (await this.page.$$(exactly(botName))).length;
    await this.page.keyboard.type('@');
    await this.page.waitForFunction(
      (xpath, n) => document.evaluate(xpath, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE).snapshotLength > n,
      { timeout: 10_000 },
      `//*[normalize-space(text())=${JSON.stringify(botName)}]`,
      before,
    );
    const matches = await this.page.$$(exactly(botName));
    await matches[matches.length - 1]!.click();
  }

  private async buttonByTitle(card: ElementHandle<Element>, title: string): Promise<ElementHandle<Element>> {
    for (const button of await card.$$(BUTTON)) {
      if ((await button.evaluate((e) => e.getAttribute('title'))) === title) return button;
    }
    throw new Error(`no button "${title}" on the card; it has: ${(await this.buttons(card)).join(', ')}`);
  }

  private async lastComposeBox(): Promise<ElementHandle<Element>> {
    const boxes = await this.page.$$('[role=textbox][contenteditable=true]');
    const box = boxes[boxes.length - 1];
    if (!box) throw new Error('no compose box on the page');
    return box;
  }
}
