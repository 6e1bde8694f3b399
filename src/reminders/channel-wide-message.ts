// What a digest or a curator notice posts when its occurrence is claimed, or why it is not posted any more: the
// digest's schedule changed since it was planned, its week has nothing to say (and it did not ask for `always`), or
// the row a notice names has been renewed since.
import type { Answer } from '../core/answer.js';
import type { Dataset } from '../dataset/schema.js';
import type { Lang } from '../i18n/lang.js';
import { digestMessage } from './digest-message.js';
import { planDigest } from './plan-digest.js';
import type { ChannelWideReminder, ClaimedOccurrence } from './reminder.js';
import { staleMessage } from './stale-message.js';

/** The message of a digest's or curator notices' occurrence, or the reason it is skipped. */
export function channelWideMessage(
  reminder: ChannelWideReminder,
  claim: Pick<ClaimedOccurrence, 'key' | 'dueAt'>,
  dataset: Dataset,
  now: Date,
  lang: Lang,
): Answer | string {
  if (reminder.kind === 'stale') return staleMessage({ reminder, key: claim.key, dataset, now, lang });
  // Still this digest's week only if its current settings still fire at this instant (a changed day is a new key).
  if (!planDigest(reminder, claim.dueAt, claim.dueAt).some((o) => o.key === claim.key))
    return 'digest schedule changed';
  const post = digestMessage({ digest: reminder, dataset, now, lang });
  if (!post.hasNews && !reminder.always) return 'nothing to say this week';
  return post.answer;
}
