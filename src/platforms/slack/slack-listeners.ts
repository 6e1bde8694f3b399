// What each Slack request means: the slash command, our buttons, the Home tab, mentions, the Workflow Builder steps
// and the uninstall event, then the fallbacks that acknowledge everything else. One Bolt listener per kind of request
// (command, action, event, shortcut, view, options), each dispatching by name itself: Bolt runs every registered
// listener's middleware chain for every request (App.processEvent), so a listener per name costs every request.
// Meaning comes from the core, Block Kit from the renderer.
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.js';
import type { RequestContext } from '../../core/ports.js';
import type { Lang } from '../../i18n/lang.js';
import { ackUnknownAction, answerUnknownCommand, answerUnknownRequests } from './answer-unknown-requests.js';
import { ReinstallNeededError, notInstalledWorkspace } from './not-installed-reply.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { slackRequestContext } from './slack-answerer.js';
import { answerHomeOpened, forgetUninstalled } from './slack-app-events.js';
import type { EventArgs } from './slack-app-events.js';
import { answerButton, blockActionId } from './slack-buttons.js';
import { KNOWN_ACTION_ID, SLACK_BOT_EVENTS, SLASH_COMMAND } from './slack-manifest.js';
import type { SqlInstallationStore } from './sql-installation-store.js';
import type { SlackEventLedger } from './slack-event-ledger.js';
import { answerMention } from './slack-mention-listener.js';
import { answerSlashCommand } from './slack-slash-command.js';
import { workflowSteps } from './slack-workflow-steps.js';

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
  const { answer, log } = deps;
  // Every slash command: ours, or another the app settings route here (told it is not ours).
  app.command(/^/, (args) =>
    args.command.command === SLASH_COMMAND
      ? answerSlashCommand(args, answer)
      : answerUnknownCommand(args, SLASH_COMMAND, log, deps.languageOf),
  );
  // Every action: our buttons by their ids; anything else acknowledged (a second ack would throw, so one listener).
  app.action({}, (args) => {
    const actionId = blockActionId(args);
    return actionId !== undefined && KNOWN_ACTION_ID.test(actionId)
      ? answerButton(args, answer)
      : ackUnknownAction(args, actionId, log);
  });
  listenToEvents(app, deps);
  answerUnknownRequests(app, log);
  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    // A workspace without a usable installation is not a fault of ours: a slash command is told to reinstall.
    const workspace = notInstalledWorkspace(error);
    if (workspace !== undefined) {
      log.warn({ team: workspace }, 'slack request from a workspace without a usable installation');
      const b = body as { command?: unknown; team_id?: string; channel_id?: string };
      if (typeof b.command === 'string') {
        // Told in the channel's language (`lang fr` is kept in our database, not in the unreadable installation).
        const lang = await deps.languageOf(slackRequestContext(b.team_id, b.channel_id, undefined));
        throw new ReinstallNeededError(workspace, lang);
      }
      return;
    }
    log.error({ err: error }, 'slack listener failed');
  });
}

// The events the manifest subscribes to, in one listener (Bolt acknowledges events before listeners run, except
// `function_executed`, which each known step acknowledges as Bolt's own function listeners would).
function listenToEvents(app: App, deps: SlackListenerDeps): void {
  const steps = workflowSteps({ answer: deps.answer, log: deps.log });
  const subscribed = new RegExp(`^(?:${SLACK_BOT_EVENTS.join('|')})$`);
  app.event(subscribed, async (args) => {
    switch (args.event.type) {
      case 'app_home_opened':
        return answerHomeOpened(args as EventArgs<'app_home_opened'>, deps);
      case 'app_uninstalled':
        return forgetUninstalled(args as EventArgs<'app_uninstalled'>, deps.installations, deps.log);
      case 'app_mention':
        return answerMention(args as EventArgs<'app_mention'>, deps);
      case 'function_executed': {
        const stepArgs = args as unknown as EventArgs<'function_executed'>;
        const step = steps.get(stepArgs.event.function?.callback_id ?? '');
        if (!step) return; // not a step of ours: left unacknowledged, as Bolt leaves a function nobody registered
        await stepArgs.ack();
        return step(stepArgs);
      }
    }
  });
}
