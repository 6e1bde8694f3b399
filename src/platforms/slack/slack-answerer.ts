// How every Slack listener answers: a parsed command and where it was typed go to the core; a fault becomes the
// apology and a log line, never a thrown error; the command kind and outcome join the server's one line for the
// request (a line of their own where there is none: Socket Mode).
import type { Logger } from 'pino';
import type { Answer } from '../../core/answer.js';
import { fault } from '../../core/answers/fault.js';
import type { Command } from '../../core/command.js';
import type { Core } from '../../core/create-core.js';
import type { ChannelRef, RequestContext } from '../../core/ports.js';
import type { RequestNote } from '../../http/request-logger.js';

/** A listener's context: Bolt's, with the custom properties of the request (see create-bolt-app.ts). */
export type ListenerContext = Record<string, unknown>;

/** Answers a command for a listener; never throws. */
export type SlackAnswerer = (command: Command, context: RequestContext, listener: ListenerContext) => Promise<Answer>;

/** Creates the answerer over the core. */
export function createSlackAnswerer(core: Pick<Core, 'answer' | 'languageOf'>, log: Logger): SlackAnswerer {
  return async (command, context, listener) => {
    const started = performance.now();
    try {
      const result = await core.answer(command, context);
      const note = { command: command.kind, outcome: result.outcome };
      const noted =
        typeof listener.noteRequest === 'function' && (listener.noteRequest as (n: RequestNote) => boolean)(note);
      if (!noted)
        listenerLog(listener, log).info(
          { ...note, ms: Math.round(performance.now() - started) },
          'slack command answered',
        );
      return result;
    } catch (err) {
      listenerLog(listener, log).error({ err, command: command.kind }, 'slack command failed');
      // In the channel's language (`lang fr`): the look-up cannot fail (a store that fails counts as no choice).
      return fault(await core.languageOf(context));
    }
  };
}

/** The request's logger, from a listener's context (made on first use: see create-bolt-app.ts), or `fallback`. */
export function listenerLog(context: ListenerContext, fallback: Logger): Logger {
  const logOf = context.requestLog;
  return typeof logOf === 'function' ? (logOf as () => Logger)() : fallback;
}

/** Where a Slack command was typed, as the core sees it (no channel on the Home tab). */
export function slackRequestContext(
  teamId: string | undefined,
  channelId: string | undefined,
  userId: string | undefined,
  channelName?: string,
  enterpriseId?: string,
): RequestContext {
  const context: RequestContext = { platform: 'slack', ...(userId ? { userId } : {}) };
  if (teamId && channelId) {
    // The enterprise id lets a reminder find an org-wide install when the workspace has none of its own.
    const channel: ChannelRef = {
      platform: 'slack',
      workspaceId: teamId,
      channelId,
      ...(enterpriseId ? { enterpriseId } : {}),
    };
    if (channelName && !['directmessage', 'privategroup'].includes(channelName)) channel.name = `#${channelName}`;
    context.channel = channel;
  }
  return context;
}
