// What a reminder says about its own delivery: sent late (how late, and why when known), or possibly a second time
// (the service restarted while sending it, or the first attempt got no answer in time). Carried in the answer
// model's `notice`, so every renderer shows it, and put first in the one-line summary that notifications show.
import { DateTime } from 'luxon';
import type { Answer } from '../core/answer.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import type { ClaimedOccurrence } from './reminder.js';

/** The last error recorded when a post got no answer before its deadline (read back to word the repeat notice). */
export const NO_ANSWER_ERROR = 'no answer before the delivery deadline';

/** How this post of an occurrence stands: when it was due, when it is sent, and what came before. */
export interface DeliveryCircumstances {
  claim: ClaimedOccurrence;
  sentAt: Date;
  /** The zone the reminder's times are shown in. */
  tz: string;
  /** Later than this after its due time, it is late. */
  lateAfterMs: number;
  /** When this scheduler started: a due time before it means the service was down then. */
  startedAt: Date;
}

/** The notice a post carries, if any: a possible repeat first (it matters more), else late. */
export function deliveryNotice(answer: Answer, c: DeliveryCircumstances): string | undefined {
  const lang = answer.lang ?? DEFAULT_LANG;
  const { claim } = c;
  if (claim.possibleRepeat) {
    const noAnswer = claim.lastError === NO_ANSWER_ERROR;
    return t(lang, noAnswer ? 'reminders.notice.repeatNoAnswer' : 'reminders.notice.repeatRestart');
  }
  if (c.sentAt.getTime() - claim.dueAt.getTime() <= c.lateAfterMs) return undefined;
  const due = DateTime.fromJSDate(claim.dueAt, { zone: c.tz });
  const sent = DateTime.fromJSDate(c.sentAt, { zone: c.tz });
  // The time alone when both fall on one day; the date too when they do not.
  const format = due.hasSame(sent, 'day') ? 'HH:mm' : 'd LLL HH:mm';
  const reason = claim.dueAt < c.startedAt ? 'restart' : claim.attempts > 1 ? 'retries' : 'none';
  return t(lang, 'reminders.notice.late', {
    due: due.setLocale(lang).toFormat(format),
    sent: sent.setLocale(lang).toFormat(format),
    reason,
  });
}

/** The answer with its notice set and put first in the summary. */
export function withNotice(answer: Answer, notice: string | undefined): Answer {
  if (!notice) return answer;
  return { ...answer, notice, summary: `${notice} · ${answer.summary}` };
}
