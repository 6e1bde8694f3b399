// The core: a parsed Command in, a platform-neutral Answer out. Dataset commands are answered from the dataset of
// this request (read per request, as it can be reloaded) through the command registry; the commands that belong to
// a channel go to the reminders module. Knows no platform, and parses nothing: the adapters parse once.
import type { Dataset } from '../dataset/schema.js';
import { DEFAULT_LANG, type Lang, parseLang } from '../i18n/lang.js';
import type { Answer } from './answer.js';
import { createAnswerMemo } from './answer-memo.js';
import type { AnswerContext } from './answer-context.js';
import { remindersUnavailable } from './answers/reminders-unavailable.js';
import type { Clock } from './clock.js';
import type { Command } from './command.js';
import { answerFromDataset, needsChannel } from './commands/command-registry.js';
import { answerDay } from './format-date.js';
import { languageAnswer } from './answers/language.js';
import { type ChannelLanguages, channelKey, type ReminderCommands, type RequestContext } from './ports.js';
import { suggest } from './suggest.js';
import type { Suggestion } from './suggest.js';

/** What the core needs. `dataset` is a function because the dataset can be reloaded at run time. */
export interface CoreDeps {
  dataset: () => Dataset;
  clock: Clock;
  reminders?: ReminderCommands;
  /** IANA zone in which days are counted ("29 days left"); UTC by default. */
  defaultTz?: string;
  /** Channels' chosen languages (`lang fr`); without it, answers follow the request's language (or English). */
  languages?: ChannelLanguages;
  /** How many answers to dataset-only commands to keep (per dataset and day); 0 keeps none. Default 300. */
  memoSize?: number;
}

/** The core's one entry point, the same for every platform. */
export interface Core {
  /** Answers a parsed command (see parse-command.ts) asked from `context`. */
  answer(command: Command, context: RequestContext): Promise<Answer>;
  /** The countries and parties a partly typed name may mean, each with its command (a search box's list). */
  suggest(text: string, lang?: Lang): Suggestion[];
  /**
   * The language to answer `context` in: the channel's `lang`, else the request's (a Teams locale), else English.
   * Never fails (a store that fails counts as no choice), so a fault or rate-limit answer can use it.
   */
  languageOf(context: RequestContext): Promise<Lang>;
}

/** Creates the core. */
export function createCore(deps: CoreDeps): Core {
  const zone = deps.defaultTz ?? 'UTC';
  const memo = createAnswerMemo(deps.memoSize ?? 300);
  return {
    suggest: (text, lang) => suggest(deps.dataset(), text, lang),
    languageOf: async (context) => (await storedLanguage(deps.languages, context)) ?? context.lang ?? DEFAULT_LANG,
    async answer(command, context) {
      const stored = await storedLanguage(deps.languages, context);
      const lang = stored ?? context.lang ?? DEFAULT_LANG;
      if (command.kind === 'lang' && context.channel && deps.languages) {
        if (!command.lang) return languageAnswer(lang, stored !== undefined, false);
        await deps.languages.set(channelKey(context.channel), command.lang);
        return languageAnswer(command.lang, true, true);
      }
      if (needsChannel(command)) {
        if (!context.channel) return inLang(remindersUnavailable(command.kind, 'no-channel', lang), lang);
        if (!deps.reminders) return inLang(remindersUnavailable(command.kind, 'not-configured', lang), lang);
        // The channel's language, not only the request's: reminder replies follow `lang fr` like every answer.
        return inLang(await deps.reminders.handle(command, { ...context, lang }), lang);
      }
      const dataset = deps.dataset();
      const now = deps.clock.now();
      const ctx: AnswerContext = { dataset, now, zone, lang };
      const day = answerDay(now, zone);
      if (day === undefined) return inLang(answerFromDataset(command, ctx), lang);
      // The answer depends on nothing else (not the time of day, not the platform): see answer-memo.ts.
      const scope = { dataset, day };
      const key = `${lang} ${JSON.stringify(command)}`;
      return memo.get(scope, key) ?? memo.set(scope, key, inLang(answerFromDataset(command, ctx), lang));
    },
  };
}

/**
 * The language a channel chose with `lang`, if any. A store that fails is not a reason to fail the answer: it is
 * answered in the request's language instead.
 */
async function storedLanguage(
  languages: ChannelLanguages | undefined,
  context: RequestContext,
): Promise<Lang | undefined> {
  if (!languages || !context.channel) return undefined;
  try {
    return parseLang(await languages.get(channelKey(context.channel)));
  } catch {
    return undefined;
  }
}

/** An answer marked with the language it is written in, for the renderers' own labels. */
function inLang(answer: Answer, lang: Lang): Answer {
  return answer.lang ? answer : { ...answer, lang };
}
