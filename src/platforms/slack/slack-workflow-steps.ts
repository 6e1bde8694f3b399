// Workflow Builder steps, served by Bolt as custom functions: "Look up a CAAC brief" and "Upcoming renewals". Slack
// sends `function_executed`; the step answers with functions.completeSuccess (its outputs) or functions.completeError
// (a message the workflow's author can act on). Outputs are plain text that a later step may post as a message, so
// they are escaped for mrkdwn like every text we send: no output can ping a channel.
// https://docs.slack.dev/tools/bolt-js/concepts/custom-steps
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import type { Command } from '../../core/command.js';
import { MAX_WITHIN_DAYS } from '../../core/commands/read-renewals.js';
import { escapeMrkdwn } from '../../render/answer-to-block-kit.js';
import { answerSourcesText, answerToPlainText } from '../../render/answer-to-plain-text.js';
import type { EventArgs } from './slack-app-events.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { slackRequestContext } from './slack-answerer.js';
import { WORKFLOW_STEPS } from './slack-manifest.js';

/** The default horizon of "Upcoming renewals", as in the manifest. */
const DEFAULT_DAYS = 30;

/** What the steps need. */
export interface WorkflowStepDeps {
  answer: SlackAnswerer;
  log: Logger;
}

/** A step's listener, given a `function_executed` event already acknowledged. */
export type WorkflowStep = (args: EventArgs<'function_executed'>) => Promise<void>;

/** Both steps, by their callback ids (a Map: a callback id is the client's text, "constructor" included). */
export function workflowSteps({ answer, log }: WorkflowStepDeps): ReadonlyMap<string, WorkflowStep> {
  const brief: WorkflowStep = async ({ inputs, complete, fail, body, context }) => {
    const query = typeof inputs.query === 'string' ? inputs.query.trim() : '';
    if (!query) {
      await fail({ error: t(DEFAULT_LANG, 'workflow.needName') });
      return;
    }
    const result = await answer({ kind: 'lookup', query }, stepContext(body, context), context);
    if (result.outcome !== 'answered') {
      await fail({ error: escapeMrkdwn(failure(result)) });
      return;
    }
    await complete({
      outputs: { answer: escapeMrkdwn(answerToPlainText(result)), sources: escapeMrkdwn(answerSourcesText(result)) },
    });
    log.info({ step: WORKFLOW_STEPS.brief }, 'slack workflow step completed');
  };

  const renewals: WorkflowStep = async ({ inputs, complete, fail, body, context }) => {
    const days =
      inputs.days === undefined || inputs.days === null || inputs.days === '' ? DEFAULT_DAYS : Number(inputs.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_WITHIN_DAYS) {
      await fail({ error: t(DEFAULT_LANG, 'workflow.daysRange', { max: String(MAX_WITHIN_DAYS) }) });
      return;
    }
    const country = typeof inputs.country === 'string' ? inputs.country.trim() : '';
    const command: Command = country
      ? { kind: 'renewals', query: country, withinDays: days }
      : { kind: 'renewals', withinDays: days };
    const result = await answer(command, stepContext(body, context), context);
    if (result.outcome !== 'answered') {
      await fail({ error: escapeMrkdwn(failure(result)) });
      return;
    }
    await complete({ outputs: { renewals: escapeMrkdwn(answerToPlainText(result)) } });
    log.info({ step: WORKFLOW_STEPS.renewals }, 'slack workflow step completed');
  };
  return new Map([
    [WORKFLOW_STEPS.brief, brief],
    [WORKFLOW_STEPS.renewals, renewals],
  ]);
}

// A step runs in a workflow, not in a channel the user typed in: no channel (so no reminder command can run) and
// so no channel language: steps answer in English, the default.
function stepContext(body: unknown, context: Record<string, unknown>) {
  const b = body as { team_id?: string; event?: { inputs?: { user_id?: unknown } } };
  const teamId = b.team_id ?? (context.teamId as string | undefined);
  return slackRequestContext(teamId, undefined, undefined);
}

// "No country or party matches "xyz". Try: caac mali · …": the answer's first and last lines (its title and what to
// try instead), in its own words and language, so that the workflow's author knows what to fix.
function failure(result: Answer): string {
  const lines = answerToPlainText(result).split('\n');
  return lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : (lines[0] ?? '');
}
