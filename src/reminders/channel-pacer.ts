// Per-channel pacing: when each channel's next post may start. Posts to one channel are spaced here rather than
// learnt from 429s, which would spend attempts. An occurrence whose channel is busy is deferred (untried) to a slot
// of its own: queueEnd is the last slot handed out per channel, and `held` the slot each deferred occurrence was
// given, so that it keeps its turn when it comes back. In memory: a second replica spaces its own posts, and a 429
// still backs off.

/** Decides, per channel, whether a claimed occurrence posts now or waits for a later slot. */
export class ChannelPacer {
  private readonly free = new Map<string, number>();
  private readonly queueEnd = new Map<string, number>();
  private readonly held = new Map<string, number>();
  // Channels with a post in flight (or about to start): their next post waits however long this one takes.
  private readonly busy = new Set<string>();

  constructor(private readonly spacingMs: number) {}

  /** Forgets what is past: free times and queue ends before now, held slots a lease ago (taken by another replica). */
  prune(now: number, leaseMs: number): void {
    for (const map of [this.free, this.queueEnd]) for (const [k, t] of map) if (t < now) map.delete(k);
    for (const [id, t] of this.held) if (t < now - leaseMs) this.held.delete(id);
  }

  /**
   * The slot of an occurrence (by id) in a channel: `now` when it may post at once (the channel is then in flight
   * until `idle`), or a later instant to defer it to.
   */
  slot(occurrenceId: string, channel: string, now: number): number {
    // A post still in flight: when it ends is unknown, so the next one is deferred by one spacing and looks again.
    const free = this.busy.has(channel) ? now + this.spacingMs : (this.free.get(channel) ?? 0);
    const turn = this.held.get(occurrenceId);
    this.held.delete(occurrenceId);
    const slot =
      turn !== undefined
        ? Math.max(now, free)
        : Math.max(now, free, (this.queueEnd.get(channel) ?? -Infinity) + this.spacingMs);
    if (slot <= now) {
      this.free.set(channel, now + this.spacingMs);
      this.busy.add(channel);
      return now;
    }
    this.held.set(occurrenceId, slot);
    if (turn === undefined) this.queueEnd.set(channel, slot);
    return slot;
  }

  /** A post to the channel ended: its next post may start at `freeAt`. */
  posted(channel: string, freeAt: number): void {
    this.free.set(channel, freeAt);
  }

  /** The occurrence given the channel's slot is over (posted or not): the channel is no longer in flight. */
  idle(channel: string): void {
    this.busy.delete(channel);
  }

  /**
   * Everything ready at `at` was claimed: a held slot already past did not come back to us (another replica took
   * it). Returns the earliest slot still held: when the next poll should come, if sooner than a period.
   */
  drained(at: number): number | undefined {
    let wake: number | undefined;
    for (const [id, slot] of this.held) {
      if (slot <= at) this.held.delete(id);
      else if (wake === undefined || slot < wake) wake = slot;
    }
    return wake;
  }
}
