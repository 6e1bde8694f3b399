// Why a reminder cannot be posted in a channel and what fixes it (Delivery.canPost's code), in the answer's language.
import type { CannotPost } from '../core/delivery.js';
import type { Lang } from '../i18n/lang.js';
import { type MessageId, t } from '../i18n/translate.js';

// Each problem's reason and fix, by message id (a Slack channel the bot must be invited to, a Teams chat it must join).
const WORDS: Record<Exclude<CannotPost['problem'], 'off'>, [MessageId, MessageId]> = {
  'not-installed': ['cannotPost.notInstalled', 'cannotPost.notInstalledFix'],
  archived: ['cannotPost.archived', 'cannotPost.archivedFix'],
  'not-member': ['cannotPost.notMember', 'cannotPost.inviteFix'],
  'not-visible': ['cannotPost.notVisible', 'cannotPost.inviteFix'],
  'not-teams': ['cannotPost.notTeams', 'cannotPost.notTeamsFix'],
  'not-added': ['cannotPost.notAdded', 'cannotPost.notAddedFix'],
};

/** Two lines: the reason, then "To fix it: …". */
export function cannotPostLines(refusal: CannotPost, lang: Lang): [string, string] {
  if (refusal.problem === 'off') {
    const fix = t(lang, 'cannotPost.offFix', { variables: refusal.variables });
    return [t(lang, 'cannotPost.off', { platform: refusal.platform }), t(lang, 'replies.cannotPostHere.fix', { fix })];
  }
  const [reason, fix] = WORDS[refusal.problem];
  return [t(lang, reason), t(lang, 'replies.cannotPostHere.fix', { fix: t(lang, fix) })];
}
