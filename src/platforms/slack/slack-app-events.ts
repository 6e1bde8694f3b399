// The app's own events: the Home tab opened (the renewals, and the workspace's reminders when they run) and the app
// uninstalled (its installation forgotten, so reminders for that workspace stop at once).
// https://docs.slack.dev/surfaces/app-home
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.js';
import type { RequestContext } from '../../core/ports.js';
import type { Lang } from '../../i18n/lang.js';
import { answersToHomeView } from './home-view.js';
import type { SlackAnswerer } from './slack-answerer.js';
import { listenerLog, slackRequestContext } from './slack-answerer.js';
import type { SqlInstallationStore } from './sql-installation-store.js';

/** An event's listener arguments, as Bolt passes them. */
export type EventArgs<T extends string = string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** What the Home tab needs. */
export interface HomeDeps {
  answer: SlackAnswerer;
  log: Logger;
  /** The language to answer a request in (the core's `languageOf`). */
  languageOf: (context: RequestContext) => Promise<Lang>;
  /** Extra answers for a workspace's Home tab, e.g. its reminders, when reminders run, in the viewer's language. */
  homeAnswers?: (workspaceId: string, lang: Lang) => Promise<Answer[]>;
}

/** Publishes the Home tab when a user opens it. */
export async function answerHomeOpened(
  { event, body, client, context }: EventArgs<'app_home_opened'>,
  { answer, log, homeAnswers, languageOf }: HomeDeps,
): Promise<void> {
  if (event.tab !== 'home') return;
  const teamId = (body as { team_id?: string }).team_id ?? context.teamId;
  // The Home tab is the user's own: it speaks the language chosen with `lang` in the app's Messages tab, the
  // direct-message channel the event names (`event.channel`).
  const lang = await languageOf(slackRequestContext(teamId, event.channel, event.user));
  const ctx = { ...slackRequestContext(teamId, undefined, event.user), lang };
  const answers = [await answer({ kind: 'renewals' }, ctx, context)];
  if (teamId && homeAnswers) {
    try {
      answers.push(...(await homeAnswers(teamId, lang)));
    } catch (err) {
      listenerLog(context, log).warn({ err }, 'slack home: reminders unavailable');
    }
  }
  await client.views.publish({ user_id: event.user, view: answersToHomeView(answers, lang) as never });
}

/** An uninstalled app's tokens are dead: forgets the installation. */
export async function forgetUninstalled(
  { body }: EventArgs<'app_uninstalled'>,
  installations: SqlInstallationStore | undefined,
  log: Logger,
): Promise<void> {
  const b = body as { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean };
  if (!installations) return;
  await installations.deleteInstallation(
    b.is_enterprise_install
      ? { isEnterpriseInstall: true, enterpriseId: b.enterprise_id!, teamId: undefined }
      : { isEnterpriseInstall: false, teamId: b.team_id!, enterpriseId: b.enterprise_id },
  );
  log.info({ team: b.team_id }, 'slack app uninstalled: installation removed');
}
