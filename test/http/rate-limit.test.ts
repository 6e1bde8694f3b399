// Token buckets per user and per channel, refilled by an injected clock; the polite answer.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../support/manual-clock.js';
import type { Answer } from '../../src/core/answer.js';
import type { RequestContext } from '../../src/core/ports.js';
import { rateLimited } from '../../src/core/answers/rate-limited.js';
import type { Command } from '../../src/core/command.js';
import { parseCommand } from '../../src/core/parse-command.js';
import type { CommandAnswerer } from '../../src/http/rate-limit.js';
import { createRateLimiter, limitCore, rateKeyOf } from '../../src/http/rate-limit.js';

const start = new Date('2026-01-01T09:00:00Z');

describe('createRateLimiter', () => {
  it('allows a burst up to capacity, then refuses with the wait until the next token', () => {
    const clock = manualClock(start);
    const limiter = createRateLimiter({ clock, perUser: { capacity: 3, perMinute: 6 } });
    for (let i = 0; i < 3; i++) expect(limiter.take({ user: 'slack:T1:U1' })).toEqual({ ok: true });
    expect(limiter.take({ user: 'slack:T1:U1' })).toEqual({ ok: false, scope: 'user', retryAfterMs: 10_000 });
    // Another user is not affected.
    expect(limiter.take({ user: 'slack:T1:U2' })).toEqual({ ok: true });
    clock.advance(5_000);
    expect(limiter.take({ user: 'slack:T1:U1' })).toEqual({ ok: false, scope: 'user', retryAfterMs: 5_000 });
    clock.advance(5_000);
    expect(limiter.take({ user: 'slack:T1:U1' })).toEqual({ ok: true });
    // A long quiet time refills up to capacity, not beyond.
    clock.advance(3_600_000);
    for (let i = 0; i < 3; i++) expect(limiter.take({ user: 'slack:T1:U1' }).ok).toBe(true);
    expect(limiter.take({ user: 'slack:T1:U1' }).ok).toBe(false);
  });

  it('limits a channel across its users, and a refusal takes no token from the other bucket', () => {
    const clock = manualClock(start);
    const limiter = createRateLimiter({
      clock,
      perUser: { capacity: 2, perMinute: 60 },
      perChannel: { capacity: 3, perMinute: 60 },
    });
    const channel = 'slack:T1:C1';
    expect(limiter.take({ user: 'a', channel }).ok).toBe(true);
    expect(limiter.take({ user: 'b', channel }).ok).toBe(true);
    expect(limiter.take({ user: 'c', channel }).ok).toBe(true);
    expect(limiter.take({ user: 'd', channel })).toEqual({ ok: false, scope: 'channel', retryAfterMs: 1_000 });
    // d was refused by the channel: d's own bucket is still full (2 tokens) elsewhere.
    expect(limiter.take({ user: 'd', channel: 'slack:T1:C2' }).ok).toBe(true);
    expect(limiter.take({ user: 'd', channel: 'slack:T1:C2' }).ok).toBe(true);
    expect(limiter.take({ user: 'd', channel: 'slack:T1:C2' }).ok).toBe(false);
  });

  it('does not limit what it cannot key (the terminal), survives a clock going backwards, and bounds memory', () => {
    const clock = manualClock(start);
    const limiter = createRateLimiter({ clock, perUser: { capacity: 1, perMinute: 1 }, maxKeys: 100 });
    for (let i = 0; i < 50; i++) expect(limiter.take({}).ok).toBe(true);
    expect(limiter.take({ user: 'u' }).ok).toBe(true);
    clock.advance(-60_000);
    expect(limiter.take({ user: 'u' }).ok).toBe(false);
    for (let i = 0; i < 1000; i++) limiter.take({ user: `u${i}`, channel: `c${i}` });
    expect(limiter.size()).toBeLessThanOrEqual(100);
  });

  it('answers politely, with outcome rate-limited and the wait in seconds', () => {
    const answer = rateLimited({ scope: 'user', retryAfterMs: 2_500 });
    expect(answer.outcome).toBe('rate-limited');
    expect(answer.summary).toBe('Too many commands: please try again in 3 seconds.');
    expect(answer.sections[0]!.items[0]!.text).toContain('You have sent a lot of commands');
    expect(rateLimited({ scope: 'channel', retryAfterMs: 300 }).summary).toContain('in a second');
  });
});

describe('limitCore', () => {
  it('answers politely over the limit without calling the core (a refused command changes nothing)', async () => {
    const calls: Command[] = [];
    const answered: Answer = {
      kind: 'help',
      outcome: 'answered',
      title: 'Help',
      sections: [],
      actions: [],
      summary: 'help',
    };
    const core: CommandAnswerer = {
      answer: async (command) => {
        calls.push(command);
        return answered;
      },
    };
    const limited: RequestContext[] = [];
    const wrapped = limitCore(
      core,
      createRateLimiter({ clock: manualClock(start), perUser: { capacity: 2, perMinute: 1 } }),
      (c) => limited.push(c),
    );
    const context: RequestContext = {
      platform: 'slack',
      userId: 'U1',
      channel: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
    };
    const remind = parseCommand('remind mali');
    expect(await wrapped.answer(remind, context)).toBe(answered);
    expect(await wrapped.answer(remind, context)).toBe(answered);
    const refused = await wrapped.answer(remind, context);
    expect(refused.outcome).toBe('rate-limited');
    expect(calls).toEqual([remind, remind]);
    expect(limited).toHaveLength(1);
    expect(rateKeyOf(context)).toEqual({ user: 'slack:T1:U1', channel: 'slack:T1:C1' });
    expect(rateKeyOf({ platform: 'cli' })).toEqual({});
  });
});
