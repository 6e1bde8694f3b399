// The renderers' own words (src/render): source lines, "as of", buttons, notes on answers cut to fit a platform.
import type { Area } from './entry.js';

/** Labels the renderers add around an answer. */
export const renderMessages = {
  'render.sourceLine': { en: 'Source: {marks}', fr: 'Source\u00a0: {marks}' },
  'render.sourcesHeading': { en: 'Sources', fr: 'Sources' },
  'render.sourcesPrefix': {
    en: '{count, plural, one {Source:} other {Sources:}}',
    fr: '{count, plural, one {Source\u00a0:} other {Sources\u00a0:}}',
  },
  'render.unverified': { en: 'unverified: {text}', fr: 'non vérifié\u00a0: {text}' },
  'render.more': { en: 'More: {commands}', fr: 'Voir aussi\u00a0: {commands}' },
  'render.try': { en: 'Try: {commands}', fr: 'Essayez\u00a0: {commands}' },
  'render.share': { en: 'Share in channel', fr: 'Partager dans le canal' },
  'render.slack.cut': {
    en: '…and {lines, plural, =0 {the rest of this answer} one {# more line} other {# more lines}} not shown (Slack shows {max} blocks at most). Ask a narrower question, or run the same command with `npx caac` for everything.',
    fr: '…{lines, plural, =0 {le reste de cette réponse n’est pas affiché} one {# ligne de plus n’est pas affichée} other {# lignes de plus ne sont pas affichées}} (Slack affiche {max} blocs au plus). Posez une question plus précise, ou lancez la même commande avec `npx caac` pour tout voir.',
  },
  'render.teams.showMore': { en: 'Show more', fr: 'Afficher la suite' },
  'render.teams.cut': {
    en: 'Part of this answer was left out to fit in a Teams message: ask a narrower command (figures, recs, sources).',
    fr: 'Une partie de cette réponse a été omise pour tenir dans un message Teams\u00a0: posez une question plus précise (figures, recs, sources).',
  },
} as const satisfies Area;
