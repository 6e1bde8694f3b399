// The App Home tab: the next dated events and, where reminders run, this workspace's reminders, as a Block Kit view.
// https://docs.slack.dev/surfaces/app-home
import type { Answer } from '../../core/answer.js';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import { answerToBlockKit } from '../../render/answer-to-block-kit.js';
import type { SlackBlock } from '../../render/answer-to-block-kit.js';
import { SLACK_LIMITS } from '../../render/slack-limits.js';

/** A `home` view for views.publish. */
export interface HomeView {
  type: 'home';
  blocks: SlackBlock[];
}

/** Builds the Home tab from answers (renewals first, then reminders), within a view's 100 blocks. No buttons: view
 * actions carry no response_url to answer through. The closing line is in `lang`, the viewer's. */
export function answersToHomeView(answers: Answer[], lang: Lang = DEFAULT_LANG): HomeView {
  const blocks: SlackBlock[] = [];
  const budget = SLACK_LIMITS.viewBlocks - 1;
  answers.forEach((answer, n) => {
    const room = budget - blocks.length - (n > 0 ? 1 : 0);
    if (room < 3) return;
    if (n > 0) blocks.push({ type: 'divider' });
    blocks.push(
      ...answerToBlockKit(answer, { withoutActions: true, maxBlocks: Math.min(room, SLACK_LIMITS.messageBlocks) })
        .blocks,
    );
  });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: t(lang, 'home.footer'), verbatim: true }],
  });
  return { type: 'home', blocks };
}
