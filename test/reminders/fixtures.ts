// A small dataset built in code for the reminder tests (the real data/ changes as editors work), a Delivery that
// stands in for the remote platform and records what it was asked to post, and a logger whose lines tests read.
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Answer } from '../../src/core/answer.js';
import type { ChannelRef } from '../../src/core/ports.js';
import { channelKey } from '../../src/core/ports.js';
import { Country, DatedEvent, Mission, Source } from '../../src/dataset/schema.js';
import type { Dataset } from '../../src/dataset/schema.js';
import type { Delivery, DeliveryResult } from '../../src/core/delivery.js';

/** Options for the test dataset: MONUSCO's expiry, and optional editors' events. */
export interface FixtureOptions {
  monuscoExpires?: string | undefined;
  events?: Array<Record<string, unknown>>;
}

/** A dataset with the DRC (MONUSCO) and Mali (MINUSMA closed), enough for reminders. */
export function makeDataset(opts: FixtureOptions = {}): Dataset {
  const sources = [
    Source.parse({
      id: 'un-sc-16260',
      publisher: 'UN',
      title: 'Press release SC/16260',
      date: '2025-12-19',
      symbol: 'SC/16260',
    }),
    Source.parse({
      id: 'watchlist-2021-06',
      publisher: 'Watchlist',
      title: 'CAAC Monthly Update – June 2021',
      date: '2021-06',
    }),
  ];
  const countries = [
    Country.parse({
      id: 'democratic-republic-of-the-congo',
      name: 'Democratic Republic of the Congo',
      other_names: ['DRC'],
      iso2: 'CD',
      iso3: 'COD',
    }),
    Country.parse({ id: 'mali', name: 'Mali', iso2: 'ML', iso3: 'MLI' }),
  ];
  const monuscoExpires = 'monuscoExpires' in opts ? opts.monuscoExpires : '2026-12-20';
  const missions = [
    Mission.parse({
      id: 'monusco',
      kind: 'peace-operation',
      acronym: 'MONUSCO',
      name: 'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
      country: 'democratic-republic-of-the-congo',
      status: 'active',
      mandates: monuscoExpires
        ? [{ resolution: '2808 (2025)', adopted: '2025-12-19', expires: monuscoExpires, source: 'un-sc-16260' }]
        : [],
    }),
    Mission.parse({
      id: 'minusma',
      kind: 'peace-operation',
      acronym: 'MINUSMA',
      name: 'United Nations Multidimensional Integrated Stabilization Mission in Mali',
      country: 'mali',
      status: 'closed',
      mandates: [{ resolution: '2690 (2023)', adopted: '2023-06-30', source: 'watchlist-2021-06' }],
    }),
  ];
  const events = (opts.events ?? []).map((e) => DatedEvent.parse(e));
  return {
    version: `test-${monuscoExpires}-${events.length}`,
    reference: {
      violation_codes: {} as Dataset['reference']['violation_codes'],
      markers: {
        action_plan: { symbol: '~', label: 'action plan' },
        persistent_perpetrator: { symbol: '*', label: 'persistent' },
      },
    },
    sources: new Map(sources.map((s) => [s.id, s])),
    countries: new Map(countries.map((c) => [c.id, c])),
    parties: new Map(),
    missions: new Map(missions.map((m) => [m.id, m])),
    events: new Map(events.map((e) => [e.id, e])),
  };
}

/** A Slack channel for tests. */
export function slackChannel(channelId = 'C100', workspaceId = 'T1'): ChannelRef {
  return { platform: 'slack', workspaceId, channelId };
}

/** A Delivery standing in for Slack's or Teams' API: records each post; answers from a script, then 'delivered'. */
export class RecordingDelivery implements Delivery {
  readonly posts: Array<{ channel: string; message: Answer; at: number }> = [];
  /** Results to return, in order, before falling back to delivered. */
  script: DeliveryResult[] = [];
  canPostResult: Awaited<ReturnType<Delivery['canPost']>> = { ok: true };
  /** Delay per post, to let two schedulers overlap. */
  delayMs = 0;
  /** Called during a post (tests move the clock there). */
  during?: () => void;

  async canPost(): Promise<Awaited<ReturnType<Delivery['canPost']>>> {
    return this.canPostResult;
  }

  async deliver(channel: ChannelRef, message: Answer): Promise<DeliveryResult> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    this.during?.();
    const next = this.script.shift();
    if (next) return next;
    this.posts.push({ channel: channelKey(channel), message, at: this.posts.length });
    return { kind: 'delivered', messageId: `m${this.posts.length}` };
  }
}

/**
 * A Delivery that holds each post until `width` posts are in flight together (or a second has passed, so that a
 * scheduler posting one at a time is caught by the counts, not by a hung test), and counts the overlap.
 */
export class GatedDelivery implements Delivery {
  maxInFlight = 0;
  maxInFlightPerChannel = 0;
  private inFlight = 0;
  private readonly perChannel = new Map<string, number>();
  private waiters: Array<() => void> = [];

  constructor(private readonly width: number) {}

  async canPost(): Promise<Awaited<ReturnType<Delivery['canPost']>>> {
    return { ok: true };
  }

  async deliver(channel: ChannelRef, _message: Answer): Promise<DeliveryResult> {
    const key = channelKey(channel);
    this.inFlight++;
    this.perChannel.set(key, (this.perChannel.get(key) ?? 0) + 1);
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.maxInFlightPerChannel = Math.max(this.maxInFlightPerChannel, this.perChannel.get(key)!);
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      if (this.waiters.length >= this.width) for (const w of this.waiters.splice(0)) w();
      else setTimeout(resolve, 1000).unref();
    });
    this.inFlight--;
    this.perChannel.set(key, this.perChannel.get(key)! - 1);
    return { kind: 'delivered' };
  }
}

/** A pino logger writing JSON lines into an array. */
export function memoryLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'debug' },
    { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) },
  );
  return { logger, lines };
}

/** Wraps a Delivery: posts to one channel hang (never answer) while `hangs` is set; others go through. */
export class HangingDelivery implements Delivery {
  started = 0;
  hangs = true;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly inner: Delivery,
    private readonly channel: string,
  ) {}

  async canPost(channel: ChannelRef): Promise<Awaited<ReturnType<Delivery['canPost']>>> {
    return this.inner.canPost(channel);
  }

  async deliver(channel: ChannelRef, message: Answer): Promise<DeliveryResult> {
    if (this.hangs && channelKey(channel) === this.channel) {
      this.started++;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      return { kind: 'delivered' };
    }
    return this.inner.deliver(channel, message);
  }

  /** Lets the hung posts end (at the end of a test). */
  release(): void {
    for (const w of this.waiting.splice(0)) w();
  }
}

/** Waits until `condition` holds (polling every 10 ms), or fails naming what was awaited. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
