// A request from a workspace with no usable installation (never installed, uninstalled, or sealed under a key this
// service no longer has): Bolt's authorize fails before any listener runs. A slash command is answered with a
// private message telling the user to reinstall; other requests are acknowledged with nothing. Neither is an
// error-level log line per request: the store logs an unreadable installation once.
// https://docs.slack.dev/tools/bolt-js/concepts/error-handling
import type { ServerResponse } from 'node:http';
import { HTTPModuleFunctions } from '@slack/bolt';
import type { ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { DEFAULT_LANG, type Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import { SlackNotInstalledError } from './sql-installation-store.js';

/** Thrown by the app's error handler so that the receiver writes the reinstall answer (see below). */
export class ReinstallNeededError extends Error {
  readonly code = 'slack_reinstall_needed';
  constructor(
    readonly workspaceId: string,
    /** The language to tell the user in: the channel's `lang`, else English. */
    readonly lang: Lang = DEFAULT_LANG,
  ) {
    super(`no usable Slack installation for ${workspaceId}`);
    this.name = 'ReinstallNeededError';
  }
}

/** The workspace id when `error` (possibly Bolt's AuthorizationError around it) says the workspace is not installed. */
export function notInstalledWorkspace(error: unknown): string | undefined {
  for (let e = error as { original?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; i++) {
    if (e instanceof SlackNotInstalledError) return e.workspaceId;
    e = (e.original ?? e.cause) as typeof e;
  }
  return undefined;
}

/** The receiver's processEventErrorHandler: the reinstall answer for a slash command, Bolt's default otherwise. */
export async function answerProcessEventError(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof ReinstallNeededError)) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  if (!args.response.headersSent) sendReinstall(args.response, args.error.lang);
  return true;
}

function sendReinstall(response: ServerResponse, lang: Lang): void {
  const body = JSON.stringify({ response_type: 'ephemeral', text: t(lang, 'slack.notInstalled') });
  response
    .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) })
    .end(body);
}
