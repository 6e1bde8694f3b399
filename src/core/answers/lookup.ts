// A name looked up among countries, parties and missions (or parties only, for `group`): the entity's brief, or the
// nearest names when nothing matches.
import { resolveName } from '../../dataset/resolver.js';
import type { Entity, EntityKind } from '../../dataset/resolver.js';
import { DEFAULT_LANG } from '../../i18n/lang.js';
import { t } from '../../i18n/translate.js';
import type { Answer } from '../answer.js';
import type { AnswerContext } from '../answer-context.js';
import { countryName } from '../names.js';
import { countryBrief } from './country-brief.js';
import { missionBrief } from './mission-brief.js';
import { noMatch } from './no-match.js';
import { partyProfile } from './party-profile.js';

/** The brief of the country, party or mission `query` names; `prefix` is the command word for suggestions. */
export function lookup(ctx: AnswerContext, query: string, kinds: EntityKind[], prefix: string): Answer {
  const r = resolveName(ctx.dataset, query, { kinds });
  if (!r.ok) return noMatch(ctx, query, r.suggestions, kinds.length === 1 ? 'party' : 'country or party', prefix);
  const note = closeNote(ctx, query, r.entity, r.confidence);
  switch (r.entity.kind) {
    case 'country':
      return countryBrief(ctx, r.entity.country, note);
    case 'party':
      return partyProfile(ctx, r.entity.party, note);
    case 'mission':
      return missionBrief(ctx, r.entity.mission, note);
  }
}

/** "Showing Mali (nearest to "mlai")" when the name was matched loosely. */
export function closeNote(
  ctx: AnswerContext,
  query: string,
  entity: Entity,
  confidence: 'exact' | 'close',
): string | undefined {
  if (confidence !== 'close') return undefined;
  const name = entity.kind === 'country' ? countryName(entity.country, ctx.lang) : entity.name;
  return t(ctx.lang ?? DEFAULT_LANG, 'closeNote', { name, query });
}
