// The core: text in, platform-neutral Answer out. Parses the command, resolves names against the dataset of this
// request (called per request, as it can be reloaded), and builds the answer. Knows no platform.
import { resolveName } from '../dataset/resolver.js';
import type { Entity, EntityKind } from '../dataset/resolver.js';
import type { Country, Dataset } from '../dataset/schema.js';
import type { Answer } from './answer.js';
import { createAnswerMemo } from './answer-memo.js';
import type { AnswerContext } from './answer-context.js';
import type { Clock } from './clock.js';
import type { Command } from './command.js';
import { answerDay } from './format-date.js';
import { DEFAULT_LANG, type Lang } from '../i18n/lang.js';
import { parseCommand } from './parse-command.js';
import type { ReminderCommands, RequestContext } from './ports.js';
import { codes } from './answers/codes.js';
import { countryBrief } from './answers/country-brief.js';
import { figures } from './answers/figures.js';
import { help } from './answers/help.js';
import { missionBrief } from './answers/mission-brief.js';
import { noMatch } from './answers/no-match.js';
import { partyProfile } from './answers/party-profile.js';
import { recommendations } from './answers/recommendations.js';
import { remindersUnavailable } from './answers/reminders-unavailable.js';
import { renewals } from './answers/renewals.js';
import { searchResults } from './answers/search-results.js';
import { sources } from './answers/sources.js';
import { usageError } from './answers/usage-error.js';

/** What the core needs. `dataset` is a function because the dataset can be reloaded at run time. */
export interface CoreDeps {
  dataset: () => Dataset;
  clock: Clock;
  reminders?: ReminderCommands;
  /** IANA zone in which days are counted ("29 days left"); UTC by default. */
  defaultTz?: string;
  /** How many answers to dataset-only commands to keep (per dataset and day); 0 keeps none. Default 300. */
  memoSize?: number;
}

/** The core's one entry point, the same for every platform. */
export interface Core {
  handle(text: string, context: RequestContext): Promise<Answer>;
  parse(text: string): Command;
}

/** Creates the core. */
export function createCore(deps: CoreDeps): Core {
  const zone = deps.defaultTz ?? 'UTC';
  const memo = createAnswerMemo(deps.memoSize ?? 300);
  return {
    parse: parseCommand,
    async handle(text, context) {
      const command = parseCommand(text);
      const lang = context.lang ?? DEFAULT_LANG;
      switch (command.kind) {
        case 'remind':
        case 'remind-once':
        case 'reminders':
        case 'forget':
          if (!context.channel) return inLang(remindersUnavailable(command.kind, 'no-channel'), lang);
          if (!deps.reminders) return inLang(remindersUnavailable(command.kind, 'not-configured'), lang);
          return inLang(await deps.reminders.handle(command, context), lang);
        default: {
          const dataset = deps.dataset();
          const now = deps.clock.now();
          const ctx: AnswerContext = { dataset, now, zone, lang };
          const day = answerDay(now, zone);
          if (day === undefined) return answer(command, ctx);
          // The answer depends on nothing else (not the time of day, not the platform): see answer-memo.ts.
          const scope = { dataset, day };
          const key = `${lang} ${JSON.stringify(command)}`;
          return memo.get(scope, key) ?? memo.set(scope, key, answer(command, ctx));
        }
      }
    },
  };
}

/** An answer marked with the language it is written in, for the renderers' own labels. */
function inLang(answer: Answer, lang: Lang): Answer {
  return answer.lang ? answer : { ...answer, lang };
}

/** Answers every command that needs only the dataset and the clock, in `ctx.lang`. */
export function answer(
  command: Exclude<Command, { kind: 'remind' | 'remind-once' | 'reminders' | 'forget' }>,
  ctx: AnswerContext,
): Answer {
  return inLang(answerIn(command, ctx), ctx.lang ?? DEFAULT_LANG);
}

function answerIn(
  command: Exclude<Command, { kind: 'remind' | 'remind-once' | 'reminders' | 'forget' }>,
  ctx: AnswerContext,
): Answer {
  switch (command.kind) {
    case 'help':
      return help(ctx, command.topic);
    case 'codes':
      return codes(ctx);
    case 'invalid':
      return usageError(command.message, command.usage);
    case 'search':
      return searchResults(ctx, command.words);
    case 'lookup':
      return lookup(ctx, command.query, ['country', 'party', 'mission'], '');
    case 'group':
      return lookup(ctx, command.query, ['party'], 'group ');
    case 'recs':
    case 'figures':
    case 'sources': {
      const found = findCountry(ctx, command.query, `${command.kind} `);
      if ('answer' in found) return found.answer;
      const build = command.kind === 'recs' ? recommendations : command.kind === 'figures' ? figures : sources;
      return withNote(build(ctx, found.country), found.note);
    }
    case 'renewals': {
      if (command.query === undefined) return renewals(ctx);
      const found = findCountry(ctx, command.query, 'renewals ');
      if ('answer' in found) return found.answer;
      return withNote(renewals(ctx, found.country), found.note);
    }
  }
}

/** "Showing Mali (nearest to "mlai")" when the name was matched loosely. */
function closeNote(query: string, entity: Entity, confidence: 'exact' | 'close'): string | undefined {
  return confidence === 'close' ? `Showing ${entity.name} (nearest to "${query}")` : undefined;
}

function lookup(ctx: AnswerContext, query: string, kinds: EntityKind[], prefix: string): Answer {
  const r = resolveName(ctx.dataset, query, { kinds });
  if (!r.ok) return noMatch(ctx, query, r.suggestions, kinds.length === 1 ? 'party' : 'country or party', prefix);
  const note = closeNote(query, r.entity, r.confidence);
  switch (r.entity.kind) {
    case 'country':
      return countryBrief(ctx, r.entity.country, note);
    case 'party':
      return partyProfile(ctx, r.entity.party, note);
    case 'mission':
      return missionBrief(ctx, r.entity.mission, note);
  }
}

/** Resolves a name to a country; a party or mission stands for its country ("recs mnla" is Mali's). */
function findCountry(
  ctx: AnswerContext,
  query: string,
  prefix: string,
): { country: Country; note?: string } | { answer: Answer } {
  const r = resolveName(ctx.dataset, query);
  if (!r.ok) return { answer: noMatch(ctx, query, r.suggestions, 'country', prefix) };
  const e = r.entity;
  const countryId = e.kind === 'country' ? e.id : e.kind === 'party' ? e.party.country : e.mission.country;
  const country = ctx.dataset.countries.get(countryId);
  if (!country) return { answer: noMatch(ctx, query, [], 'country', prefix) };
  const note =
    e.kind === 'country' ? closeNote(query, e, r.confidence) : `Showing ${country.name}, the country of ${e.name}`;
  return note ? { country, note } : { country };
}

function withNote(answer: Answer, note: string | undefined): Answer {
  if (!note) return answer;
  return { ...answer, subtitle: answer.subtitle ? `${note} · ${answer.subtitle}` : note };
}
