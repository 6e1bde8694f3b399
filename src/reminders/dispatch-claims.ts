// Dispatching a claimed batch: each occurrence either posts now (its channel is free) or is deferred untried to its
// channel's next slot. Posts run as independent tasks under one bound on concurrency, so that a slow channel holds
// one worker and never the others, nor the next poll.
import type { Logger } from 'pino';
import type { ChannelPacer } from './channel-pacer.js';
import type { DeliverOccurrence, PollData } from './deliver-occurrence.js';
import type { ClaimedOccurrence } from './reminder.js';
import type { ReminderStore } from './reminder-store.js';
import type { TickReport } from './scheduler-settings.js';

type Handled = TickReport['outcomes'][number];

/** Runs tasks with at most `n` at once, first come first served. */
export function createLimiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finished task hands its place straight to the next waiting one, so `active` counts places, not tasks.
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** What dispatching needs from its scheduler. */
export interface DispatchDeps {
  store: ReminderStore;
  pacer: ChannelPacer;
  deliver: DeliverOccurrence;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  log: Logger;
  leaseMs: number;
  now: number;
}

/**
 * Dispatches a claimed batch. Returns the deferrals' outcomes once they are stored, and one task per post started
 * (each resolves to its outcome, or undefined if the store failed mid-occurrence).
 */
export async function dispatchClaims(
  deps: DispatchDeps,
  claims: ClaimedOccurrence[],
  data: PollData,
): Promise<{ deferred: Handled[]; tasks: Array<Promise<Handled | undefined>> }> {
  if (claims.length === 0) return { deferred: [], tasks: [] };
  const { store, pacer, now } = deps;
  pacer.prune(now, deps.leaseMs);
  const reminders = new Map((await store.records.getMany(claims.map((c) => c.reminderId))).map((r) => [r.id, r]));
  const postNow: Array<{ claim: ClaimedOccurrence; channel?: string }> = [];
  const deferTo: Array<{ claim: ClaimedOccurrence; at: Date }> = [];
  for (const claim of claims) {
    const reminder = reminders.get(claim.reminderId);
    // Removed or disabled: the delivery step records the skip, posting nothing, so it takes no slot.
    if (!reminder || reminder.disabled) postNow.push({ claim });
    else {
      const slot = pacer.slot(claim.id, reminder.channelKey, now);
      if (slot <= now) postNow.push({ claim, channel: reminder.channelKey });
      else deferTo.push({ claim, at: new Date(slot) });
    }
  }
  const tasks = postNow.map(({ claim, channel }) =>
    deps.limit(async (): Promise<Handled | undefined> => {
      try {
        const outcome = await deps.deliver(claim, reminders.get(claim.reminderId), data);
        return { reminderId: claim.reminderId, key: claim.key, outcome };
      } catch (err) {
        // A store error mid-occurrence: the lease expires and the occurrence is picked up again (possible repeat).
        deps.log.error(
          { err, reminderId: claim.reminderId, key: claim.key },
          'reminder occurrence could not be handled',
        );
        return undefined;
      } finally {
        if (channel) pacer.idle(channel);
      }
    }),
  );
  const kept = deferTo.length > 0 ? await store.queue.defer(deferTo) : new Set<string>();
  const deferred = deferTo.map(
    ({ claim }): Handled => ({
      reminderId: claim.reminderId,
      key: claim.key,
      outcome: kept.has(claim.id) ? 'deferred' : 'lost',
    }),
  );
  return { deferred, tasks };
}
