// What a reminder says about its own delivery, in the reminder's zone and the answer's language.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import type { ClaimedOccurrence } from '../../src/reminders/reminder.js';
import { deliveryNotice } from '../../src/reminders/reminder-notice.js';

const due = new Date('2026-12-03T08:00:00Z'); // 09:00 in Paris
const claim = (over: Partial<ClaimedOccurrence> = {}): ClaimedOccurrence => ({
  id: 'o1',
  reminderId: 'r1',
  key: 'k',
  dueAt: due,
  status: 'claimed',
  attempts: 1,
  nextAttemptAt: due,
  possibleRepeat: false,
  token: 't',
  leaseUntil: due,
  ...over,
});
const answer = (lang?: 'fr'): Answer => ({
  kind: 'reminder',
  outcome: 'answered',
  title: 't',
  sections: [],
  actions: [],
  summary: 's',
  ...(lang ? { lang } : {}),
});
const at = (c: ClaimedOccurrence, sentAt: Date, a = answer()) =>
  deliveryNotice(a, {
    claim: c,
    sentAt,
    tz: 'Europe/Paris',
    lateAfterMs: 60_000,
    startedAt: new Date('2026-12-03T08:40:00Z'),
  });

describe('deliveryNotice', () => {
  it('says how late, and that a restart was why when the service started after the due time', () => {
    expect(at(claim(), new Date('2026-12-03T08:42:00Z'))).toBe('late: due 09:00, sent 09:42 after a restart');
    expect(at(claim(), new Date('2026-12-03T08:42:00Z'), answer('fr'))).toBe(
      'en retard\u00a0: prévu à 09:00, envoyé à 09:42 après un redémarrage',
    );
    expect(at(claim(), new Date('2026-12-03T08:00:30Z'))).toBeUndefined(); // on time
  });

  it('names the days when the post comes a day or more later', () => {
    expect(at(claim(), new Date('2026-12-04T07:30:00Z'))).toBe(
      'late: due 3 Dec 09:00, sent 4 Dec 08:30 after a restart',
    );
  });

  it('says a post may be a repeat, and why, before saying it is late', () => {
    const sent = new Date('2026-12-03T08:42:00Z');
    expect(at(claim({ possibleRepeat: true }), sent)).toBe('possible repeat: the service restarted while sending this');
    expect(at(claim({ possibleRepeat: true, lastError: 'no answer before the delivery deadline' }), sent)).toBe(
      'possible repeat: the first attempt to send this got no answer in time',
    );
    expect(at(claim({ possibleRepeat: true }), sent, answer('fr'))).toBe(
      'possible doublon\u00a0: le service a redémarré pendant l’envoi de ce message',
    );
  });
});
