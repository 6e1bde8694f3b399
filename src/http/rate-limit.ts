// Per-user and per-channel command rate limits: two token buckets per command, both must have a token. A burst is
// allowed (a meeting where one person looks up five countries), a flood is not (a script, a stuck client). The
// buckets live in this process's memory: with N replicas behind a load balancer a user can get up to N times the
// rate, which is acceptable for a limit that protects the service rather than meters it; nothing else depends on it.
import type { Answer } from '../core/answer.js';
import { rateLimited } from '../core/answers/rate-limited.js';
import type { Clock } from '../core/clock.js';
import type { Command } from '../core/command.js';
import type { RequestContext } from '../core/ports.js';
import { channelKey } from '../core/ports.js';

/** A bucket's shape: `capacity` tokens at most, refilled at `perMinute` tokens a minute. */
export interface BucketSpec {
  capacity: number;
  perMinute: number;
}

/** Options of `createRateLimiter`. */
export interface RateLimiterOptions {
  clock: Clock;
  /** Default: a burst of 10, then 20 a minute. */
  perUser?: BucketSpec;
  /** Default: a burst of 30, then 60 a minute. */
  perChannel?: BucketSpec;
  /** Buckets kept at most (the least recently used are dropped first); default 50 000. */
  maxKeys?: number;
}

/** Who is asking: any key may be absent (the terminal has no channel), and an absent key is not limited. */
export interface RateKey {
  /** Platform-qualified user id, e.g. "slack:T1:U1". */
  user?: string;
  /** Platform-qualified channel key, e.g. `channelKey(channel)`. */
  channel?: string;
}

/** The verdict on one command. */
export type RateDecision = { ok: true } | { ok: false; scope: 'user' | 'channel'; retryAfterMs: number };

/** Token buckets by user and by channel. */
export interface RateLimiter {
  /** Takes a token from the user's and the channel's bucket, or neither if either is empty. */
  take(key: RateKey): RateDecision;
  /** How many buckets are held (for tests and metrics). */
  size(): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Creates a rate limiter whose buckets refill by the injected clock. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const perUser = options.perUser ?? { capacity: 10, perMinute: 20 };
  const perChannel = options.perChannel ?? { capacity: 30, perMinute: 60 };
  const maxKeys = options.maxKeys ?? 50_000;
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const buckets = new Map<string, Bucket>();

  const refill = (key: string, spec: BucketSpec, now: number): Bucket => {
    const found = buckets.get(key);
    const bucket = found ?? { tokens: spec.capacity, at: now };
    if (found) {
      // A clock moved backwards (manual clocks, NTP) refills nothing rather than draining the bucket.
      const elapsed = Math.max(0, now - bucket.at);
      bucket.tokens = Math.min(spec.capacity, bucket.tokens + (elapsed * spec.perMinute) / 60_000);
      bucket.at = now;
      buckets.delete(key);
    }
    buckets.set(key, bucket);
    while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    return bucket;
  };
  const wait = (bucket: Bucket, spec: BucketSpec) => Math.ceil(((1 - bucket.tokens) * 60_000) / spec.perMinute);

  return {
    take(key) {
      const now = options.clock.now().getTime();
      const user = key.user ? refill(`u:${key.user}`, perUser, now) : undefined;
      const channel = key.channel ? refill(`c:${key.channel}`, perChannel, now) : undefined;
      if (user && user.tokens < 1) return { ok: false, scope: 'user', retryAfterMs: wait(user, perUser) };
      if (channel && channel.tokens < 1) {
        return { ok: false, scope: 'channel', retryAfterMs: wait(channel, perChannel) };
      }
      if (user) user.tokens -= 1;
      if (channel) channel.tokens -= 1;
      return { ok: true };
    },
    size: () => buckets.size,
  };
}

/** The part of the core a rate limit wraps (structurally the `Core` of create-core.ts). */
export interface CommandAnswerer {
  answer(command: Command, context: RequestContext): Promise<Answer>;
  /** The language to answer `context` in (the core's `languageOf`); the request's, else English, without it. */
  languageOf?(context: RequestContext): Promise<NonNullable<RequestContext['lang']>>;
}

/** The rate-limit key of a request: its platform-qualified user and channel (none in the terminal). */
export function rateKeyOf(context: RequestContext): RateKey {
  const key: RateKey = {};
  if (context.channel) key.channel = channelKey(context.channel);
  if (context.userId) {
    const workspace = context.channel?.workspaceId ?? '-';
    key.user = `${context.platform}:${workspace}:${context.userId}`;
  }
  return key;
}

/**
 * Wraps a core so that every command first takes a token; over the limit, the polite answer is given and the core
 * is not called at all (so a refused command changes nothing: no reminder created, none forgotten). The core's other
 * methods pass through unchanged.
 */
export function limitCore<T extends CommandAnswerer>(
  core: T,
  limiter: RateLimiter,
  onLimited?: (context: RequestContext, decision: Extract<RateDecision, { ok: false }>) => void,
): T {
  return {
    ...core,
    async answer(command, context) {
      const decision = limiter.take(rateKeyOf(context));
      if (!decision.ok) {
        onLimited?.(context, decision);
        // Only a refused command pays for this look-up (one read of the channel's `lang`), and it cannot fail.
        const lang = (await core.languageOf?.(context)) ?? context.lang;
        return rateLimited(decision, lang);
      }
      return core.answer(command, context);
    },
  };
}
