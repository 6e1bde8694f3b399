// What each Slack request means: the slash command, our buttons, the Home tab and the uninstall event, then the
// fallbacks that acknowledge everything else. Meaning comes from the core, Block Kit from the renderer.
// https://docs.slack.dev/interactivity/implementing-slash-commands
import type { ServerResponse } from 'node:http';
import type { App, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.js';
import type { RequestContext } from '../../core/ports.js';
import type { Lang } from '../../i18n/lang.js';
import { needsChannel } from '../../core/commands/command-registry.js';
import { parseCommand } from '../../core/parse-command.js';
import { SLACK_ACTION_IDS, answerToBlockKit, escapeMrkdwn, truncate } from '../../render/answer-to-block-kit.js';
import { answerUnknownRequests } from './answer-unknown-requests.js';
import { answersToHomeView } from './home-view.js';
import { ReinstallNeededError, notInstalledWorkspace } from './not-installed-reply.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { slackRequestContext } from './slack-answerer.js';
import { KNOWN_ACTION_ID, SLASH_COMMAND } from './slack-manifest.js';
import type { SqlInstallationStore } from './sql-installation-store.js';
import type { SlackEventLedger } from './slack-event-ledger.js';
import { listenToMentions } from './slack-mention-listener.js';
import { listenToWorkflowSteps } from './slack-workflow-steps.js';
import { slashAckBody } from './slash-ack-body.js';

/** What the listeners need. */
export interface SlackListenerDeps {
  answer: SlackAnswerer;
  log: Logger;
  /** OAuth installations, forgotten when the app is uninstalled. */
  installations?: SqlInstallationStore;
  /** The language to answer a request in (the core's `languageOf`: the channel's `lang`, else English). */
  languageOf: (context: RequestContext) => Promise<Lang>;
  /** Extra answers for a workspace's Home tab, e.g. its reminders, when reminders run, in the viewer's language. */
  homeAnswers?: (workspaceId: string, lang: Lang) => Promise<Answer[]>;
  /** Slack event ids already taken (mentions are answered once, across replicas). */
  events?: SlackEventLedger;
}

/** Registers every listener on Bolt's App. */
export function listenToSlack(app: App, deps: SlackListenerDeps): void {
  listenToSlashCommand(app, deps);
  listenToButtons(app, deps);
  listenToEvents(app, deps);
  listenToMentions(app, {
    answer: deps.answer,
    log: deps.log,
    ...(deps.events ? { events: deps.events } : {}),
  });
  listenToWorkflowSteps(app, { answer: deps.answer, log: deps.log });
  // Last, so that they see what the listeners above leave: other slash commands, unknown action ids, shortcuts...
  answerUnknownRequests(app, { command: SLASH_COMMAND, isKnownActionId: (id) => KNOWN_ACTION_ID.test(id) }, deps.log);
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    // A workspace without a usable installation is not a fault of ours: a slash command is told to reinstall.
    const workspace = notInstalledWorkspace(error);
    if (workspace !== undefined) {
      deps.log.warn({ team: workspace }, 'slack request from a workspace without a usable installation');
      const b = body as { command?: unknown; team_id?: string; channel_id?: string };
      if (typeof b.command === 'string') {
        // Told in the channel's language (`lang fr` is kept in our database, not in the unreadable installation).
        const lang = await deps.languageOf(slackRequestContext(b.team_id, b.channel_id, undefined));
        throw new ReinstallNeededError(workspace, lang);
      }
      return;
    }
    deps.log.error({ err: error }, 'slack listener failed');
  });
}

function listenToSlashCommand(app: App, { answer }: SlackListenerDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, context }) => {
    const text = command.text ?? '';
    const ctx = slackRequestContext(
      command.team_id,
      command.channel_id,
      command.user_id,
      command.channel_name,
      command.enterprise_id,
    );
    const parsed = parseCommand(text);
    if (needsChannel(parsed)) {
      // Reminder commands write to the store and may ask Slack whether the bot can post here: acknowledge first
      // (Slack's 3 seconds), then answer through response_url.
      await ack();
      const result = await answer(parsed, ctx, context);
      await respond({ response_type: 'ephemeral', ...(answerToBlockKit(result) as RespondArguments) });
      return;
    }
    // Lookups are answered from memory: the answer travels in the acknowledgement itself, nothing outbound.
    const result = await answer(parsed, ctx, context);
    const share = result.outcome === 'answered' ? text : undefined;
    const response = context.response as ServerResponse | undefined;
    if (response && !response.headersSent) {
      // Over HTTP, the body serialised once per memoised answer (slash-ack-body.ts); Bolt writes a string body as it
      // is, so the JSON headers are ours to set.
      const body = slashAckBody(result, share);
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.setHeader('content-length', body.bytes);
      await ack(body.json);
      return;
    }
    // Socket Mode sends the ack's object inside its envelope: no HTTP response to write.
    await ack({
      response_type: 'ephemeral',
      ...(answerToBlockKit(result, share !== undefined ? { shareCommand: share } : {}) as RespondArguments),
    });
  });
}

function listenToButtons(app: App, { answer }: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: KNOWN_ACTION_ID },
    async ({ ack, body, action, respond, context }) => {
      await ack();
      if (!body.response_url) return; // a view's buttons have no response_url; our views carry none
      const text = action.value ?? '';
      const ctx = slackRequestContext(
        body.team?.id ?? body.user.team_id,
        body.channel?.id,
        body.user.id,
        body.channel?.name,
        body.enterprise?.id,
      );
      const result = await answer(parseCommand(text), ctx, context);
      if (action.action_id.startsWith(SLACK_ACTION_IDS.share)) {
        // Posted through response_url, which works where the bot is not a member; the sharer is named by id only
        // when Slack's id has the expected shape, so no text of ours can become a mention.
        const message = answerToBlockKit(result);
        if (/^[UW][A-Z0-9]{2,20}$/.test(body.user.id)) {
          message.blocks.push({
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: `Shared by <@${body.user.id}> with /caac ${escapeCommand(text)}`,
                verbatim: true,
              },
            ],
          });
        }
        await respond({ response_type: 'in_channel', replace_original: false, ...(message as RespondArguments) });
        return;
      }
      // A suggestion or next-command button: answer privately, in place of the ephemeral answer it was on.
      const ephemeral = body.container?.is_ephemeral === true;
      const share = result.outcome === 'answered' ? text : undefined;
      await respond({
        response_type: 'ephemeral',
        replace_original: ephemeral,
        ...(answerToBlockKit(result, share !== undefined ? { shareCommand: share } : {}) as RespondArguments),
      });
    },
  );
}

function listenToEvents(app: App, deps: SlackListenerDeps): void {
  const { answer, log, installations, homeAnswers } = deps;
  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    const reqLog = (context.requestLog as Logger | undefined) ?? log;
    const teamId = (body as { team_id?: string }).team_id ?? context.teamId;
    // The Home tab is the user's own: it speaks the language chosen with `lang` in the app's Messages tab, the
    // direct-message channel the event names (`event.channel`).
    const lang = await deps.languageOf(slackRequestContext(teamId, event.channel, event.user));
    const ctx = { ...slackRequestContext(teamId, undefined, event.user), lang };
    const answers = [await answer({ kind: 'renewals' }, ctx, context)];
    if (teamId && homeAnswers) {
      try {
        answers.push(...(await homeAnswers(teamId, lang)));
      } catch (err) {
        reqLog.warn({ err }, 'slack home: reminders unavailable');
      }
    }
    await client.views.publish({ user_id: event.user, view: answersToHomeView(answers, lang) as never });
  });

  // An uninstalled app's tokens are dead: forget them, so reminders for that workspace stop at once.
  app.event('app_uninstalled', async ({ body }) => {
    const b = body as { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean };
    if (!installations) return;
    await installations.deleteInstallation(
      b.is_enterprise_install
        ? { isEnterpriseInstall: true, enterpriseId: b.enterprise_id!, teamId: undefined }
        : { isEnterpriseInstall: false, teamId: b.team_id!, enterpriseId: b.enterprise_id },
    );
    log.info({ team: b.team_id }, 'slack app uninstalled: installation removed');
  });
}

// The command as the sharer typed it, shortened before escaping so that no entity is cut in half.
function escapeCommand(text: string): string {
  return escapeMrkdwn(truncate(text, 200));
}
