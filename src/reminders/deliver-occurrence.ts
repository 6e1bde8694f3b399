// Delivering one claimed occurrence: decide whether it still stands (reminder, dataset, grace window), build its
// message, post it through the channel's platform Delivery, and record what became of it (delivered, late, retried
// with backoff, failed, or the reminder disabled when its channel cannot be posted to).
import type { Logger } from 'pino';
import type { Answer } from '../core/answer.js';
import type { Clock } from '../core/clock.js';
import type { ChannelLanguages } from '../core/ports.js';
import { DEFAULT_LANG, type Lang, parseLang } from '../i18n/lang.js';
import type { CalendarEvent } from '../dataset/calendar-event.js';
import type { Dataset } from '../dataset/schema.js';
import type { ChannelPacer } from './channel-pacer.js';
import type { Deliveries, DeliveryResult } from '../core/delivery.js';
import { planOccurrences } from './plan-occurrences.js';
import { channelWideMessage } from './channel-wide-message.js';
import type { ClaimedOccurrence, OccurrenceOutcome, Reminder } from './reminder.js';
import { oneOffMessage, reminderMessage } from './reminder-message.js';
import { NO_ANSWER_ERROR, deliveryNotice, withNotice } from './reminder-notice.js';
import type { ReminderStore } from './reminder-store.js';
import type { HandledOutcome, SchedulerOutcome, SchedulerSettings } from './scheduler-settings.js';

/** What delivering an occurrence needs from its scheduler. */
export interface OccurrenceDeliveryDeps {
  store: ReminderStore;
  deliveries: Deliveries;
  clock: Clock;
  log: Logger;
  settings: SchedulerSettings;
  /** Channels' languages: a reminder is posted in its channel's language. */
  languages?: ChannelLanguages;
  pacer: ChannelPacer;
  tell: (outcome: SchedulerOutcome) => void;
  /** True once the scheduler is stopping: an occurrence not attempted yet is released, not posted. */
  stopping: () => boolean;
  /** When the scheduler started (a due time before it was missed while the service was down). */
  startedAt: () => Date;
}

/** The data a poll delivers against. */
export interface PollData {
  events: readonly CalendarEvent[];
  dataset: Dataset;
}

/** Delivers one claimed occurrence and records its outcome. */
export type DeliverOccurrence = (
  claim: ClaimedOccurrence,
  reminder: Reminder | undefined,
  data: PollData,
) => Promise<HandledOutcome>;

/** Builds the message, or says why this occurrence should not be posted any more. */
function messageFor(
  reminder: Reminder,
  claim: ClaimedOccurrence,
  data: PollData,
  now: Date,
  lang: Lang,
): Answer | string {
  if (reminder.kind === 'once') return oneOffMessage(reminder, lang);
  if (reminder.kind === 'digest' || reminder.kind === 'stale')
    return channelWideMessage(reminder, claim, data.dataset, now, lang);
  const event = data.events.find((e) => e.id === claim.eventId);
  if (!event) return 'event no longer in the dataset';
  // The occurrence still stands only if the data still puts it at this instant (a moved date is a new key).
  const still = planOccurrences(reminder, [event], claim.dueAt, claim.dueAt).some((o) => o.key === claim.key);
  if (!still) return 'event date changed in the dataset';
  return reminderMessage({ reminder, event, dataset: data.dataset, now, ...(lang !== DEFAULT_LANG ? { lang } : {}) });
}

/** The language of a reminder's channel; English when none is set or the store cannot say (a post beats none). */
async function languageOf(languages: ChannelLanguages | undefined, channelKey: string): Promise<Lang> {
  if (!languages) return DEFAULT_LANG;
  try {
    return parseLang(await languages.get(channelKey)) ?? DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Creates the delivery step of a scheduler. */
export function createOccurrenceDelivery(deps: OccurrenceDeliveryDeps): DeliverOccurrence {
  return async (claim, reminder, data) => {
    const { store, log, settings, tell } = deps;
    const ctx = {
      reminderId: claim.reminderId,
      key: claim.key,
      dueAt: claim.dueAt.toISOString(),
      attempt: claim.attempts,
    };
    // Read first, so that a stop() that came while the store answered is still seen below.
    const lang = reminder && deps.languages ? await languageOf(deps.languages, reminder.channelKey) : DEFAULT_LANG;
    // Not attempted yet: a stop() that came while other posts of the batch were in flight leaves it to any scheduler.
    if (deps.stopping()) {
      await store.queue.release([claim]);
      return 'released';
    }
    const now = deps.clock.now();
    const skip = async (why: string) => {
      await store.queue.record(claim, 'skipped', now, { error: why });
      tell('skipped');
      log.info({ ...ctx, reason: why }, 'reminder occurrence skipped');
      return 'skipped' as const;
    };
    if (!reminder) return skip('reminder removed');
    if (reminder.disabled) return skip(`reminder disabled: ${reminder.disabled.reason}`);
    if (now.getTime() - claim.dueAt.getTime() > settings.graceMs) return skip('missed by more than the grace window');
    const built = messageFor(reminder, claim, data, now, lang);
    if (typeof built === 'string') return skip(built);
    // A claim that waited (for its channel, for a free worker) may have expired and been taken: renewed, or not
    // posted at all. The post then has a whole lease to finish in, and its deadline is shorter than that.
    if (!(await store.queue.renew(claim, new Date(now.getTime() + settings.leaseMs)))) {
      log.warn(ctx, 'reminder claim lost before posting: not posted here');
      return 'lost';
    }
    // A stop() that came meanwhile leaves this one, not yet attempted, to any scheduler.
    if (deps.stopping()) {
      await store.queue.release([claim]);
      return 'released';
    }
    const circumstances = { claim, sentAt: now, tz: reminder.tz, lateAfterMs: settings.lateAfterMs };
    const message = withNotice(built, deliveryNotice(built, { ...circumstances, startedAt: deps.startedAt() }));

    const result = await post(deps, reminder, message, claim, ctx);
    const after = deps.clock.now();
    // The channel's next post waits a second after this one ends, or as long as a 429 asked.
    const hold = result.kind === 'retry' ? Math.max(settings.spacingMs, result.afterMs ?? 0) : settings.spacingMs;
    deps.pacer.posted(reminder.channelKey, after.getTime() + hold);
    if (result.kind === 'delivered') return delivered(deps, claim, result, after, ctx);
    if (result.kind === 'permanent') return disable(deps, claim, reminder, result.reason, after, ctx);
    return retry(deps, claim, result, after, ctx);
  };
}

async function post(
  deps: OccurrenceDeliveryDeps,
  reminder: Reminder,
  message: Answer,
  claim: ClaimedOccurrence,
  ctx: object,
): Promise<DeliveryResult> {
  const delivery = deps.deliveries[reminder.channel.platform];
  if (!delivery) return { kind: 'retry', reason: `${reminder.channel.platform} is not configured in this process` };
  if (claim.possibleRepeat)
    deps.log.warn(ctx, 'reminder occurrence was claimed before and never recorded: posting again (possible repeat)');
  let timer: NodeJS.Timeout | undefined;
  // Whatever the platform's own timeouts, a post that has not answered by the deadline is given up here, well
  // before the lease ends: it may have reached the platform, so the next attempt is flagged as a possible repeat.
  const deadline = new Promise<DeliveryResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ kind: 'retry', reason: NO_ANSWER_ERROR, maybePosted: true }),
      deps.settings.deliveryTimeoutMs,
    );
  });
  try {
    return await Promise.race([delivery.deliver(reminder.channel, message), deadline]);
  } catch (err) {
    // An adapter should return a result; a throw is treated as transient so that a bug cannot lose a reminder.
    return { kind: 'retry', reason: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

async function delivered(
  deps: OccurrenceDeliveryDeps,
  claim: ClaimedOccurrence,
  result: { messageId?: string },
  after: Date,
  ctx: object,
): Promise<HandledOutcome> {
  const outcome: OccurrenceOutcome = claim.possibleRepeat
    ? 'possible-repeat'
    : after.getTime() - claim.dueAt.getTime() > deps.settings.lateAfterMs
      ? 'late'
      : 'delivered';
  const detail = result.messageId ? { messageId: result.messageId } : {};
  const kept = await deps.store.queue.record(claim, outcome, after, detail);
  // A lost claim is counted by the scheduler that records the occurrence in the end.
  if (!kept) {
    deps.log.error(
      { ...ctx, outcome },
      'reminder posted but the claim was lost (lease too short?): it may be posted again',
    );
    return 'lost';
  }
  deps.tell(outcome === 'late' ? 'late' : 'delivered');
  deps.log.info({ ...ctx, outcome, messageId: result.messageId }, 'reminder posted');
  return outcome;
}

async function disable(
  deps: OccurrenceDeliveryDeps,
  claim: ClaimedOccurrence,
  reminder: Reminder,
  reason: string,
  after: Date,
  ctx: object,
): Promise<HandledOutcome> {
  await deps.store.queue.record(claim, 'failed', after, { error: reason });
  await deps.store.records.disable(reminder.id, reason, after);
  deps.tell('failed');
  deps.tell('disabled');
  deps.log.error(
    { ...ctx, reason, channel: reminder.channelKey },
    'reminder disabled: the channel cannot be posted to',
  );
  return 'failed';
}

async function retry(
  deps: OccurrenceDeliveryDeps,
  claim: ClaimedOccurrence,
  result: { afterMs?: number; reason: string; maybePosted?: boolean },
  after: Date,
  ctx: object,
): Promise<HandledOutcome> {
  const { settings } = deps;
  const backoff = Math.min(settings.backoffBaseMs * 2 ** Math.max(0, claim.attempts - 1), settings.backoffMaxMs);
  const nextAt = new Date(after.getTime() + (result.afterMs ?? backoff));
  if (claim.attempts >= settings.maxAttempts || nextAt.getTime() - claim.dueAt.getTime() > settings.graceMs) {
    await deps.store.queue.record(claim, 'failed', after, { error: result.reason });
    deps.tell('failed');
    deps.log.error(
      { ...ctx, reason: result.reason },
      'reminder occurrence failed: out of attempts or past the grace window',
    );
    return 'failed';
  }
  await deps.store.queue.retryAt(claim, nextAt, result.reason, result.maybePosted ? { maybePosted: true } : {});
  deps.log.warn({ ...ctx, reason: result.reason, retryAt: nextAt.toISOString() }, 'reminder delivery will be retried');
  return 'retry';
}
