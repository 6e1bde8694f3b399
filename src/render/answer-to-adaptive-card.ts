// The answer model as an Adaptive Card 1.5 for Microsoft Teams: a pure function over plain typed objects (no SDK).
// https://adaptivecards.io/explorer/ · Teams' Markdown subset in cards:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format
//
// Every string that comes from the answer (user text echoed back, dataset text) goes through escapeTeamsMarkdown, so
// that it cannot format, link or mention; the only Markdown in the card is what this file writes itself (bold labels
// and links to sources whose URL is http(s)).
import type { Action, Answer, Citation, Item, Section } from '../core/answer.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { type Messages, messages } from '../i18n/translate.js';

/** A TextBlock element (the subset of properties this renderer uses). */
export interface AdaptiveTextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Bolder' | 'Default' | 'Lighter';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  isSubtle?: boolean;
  color?: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
  separator?: boolean;
}

/** A Container element grouping the lines of one section. */
export interface AdaptiveContainer {
  type: 'Container';
  items: AdaptiveElement[];
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
  separator?: boolean;
}

/** The card elements this renderer writes. */
export type AdaptiveElement = AdaptiveTextBlock | AdaptiveContainer;

/**
 * What a card button sends back: only the command to run, which the bot reads from the activity's `value`. No
 * `msteams.messageBack`/`imBack` inside: the Agents Playground's card host throws on any `data.msteams` (it tries to
 * add a property to the frozen card) and sends nothing, and the plain shape works the same in every Teams client.
 * See docs/ARCHITECTURE.md, "Teams card buttons".
 */
export interface SubmitData {
  command: string;
}

/** Action.Submit: runs a command when pressed. */
export interface AdaptiveSubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData;
  style?: 'positive' | 'destructive';
}

/** Action.ShowCard: "Show more", revealing the rest of a long answer in place. */
export interface AdaptiveShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCard;
}

/** The card actions this renderer writes. */
export type AdaptiveAction = AdaptiveSubmitAction | AdaptiveShowCardAction;

/** An Adaptive Card (version 1.5, the newest Teams renders on every client). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: AdaptiveElement[];
  actions?: AdaptiveAction[];
  /** Shown by clients that cannot render the card. */
  fallbackText?: string;
  msteams?: { width: 'Full' };
}

/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Limits of the Teams card, in one place. */
export const TEAMS_CARD_LIMITS = {
  /** Lines (items) shown before the rest moves behind "Show more". */
  visibleItems: 12,
  /** Teams rejects messages over about 28 KB; keep the card's JSON well under it. */
  maxCardBytes: 24_000,
  /** The plain-text fallback is for clients without cards (rare in Teams): kept short so the card keeps the room. */
  maxFallbackChars: 3_000,
  /**
   * Buttons per card, "Show more" included: the adaptivecards library's default host config allows five (more is a
   * validation error there), and Teams moves the sixth and later into an overflow menu anyway.
   */
  maxActions: 5,
} as const;

/** Options of answerToAdaptiveCard. */
export interface AdaptiveCardOptions {
  /** The plain-text rendering of the same answer, for clients that cannot show cards. */
  fallbackText?: string;
}

/**
 * Escapes text for the Markdown Teams reads in TextBlocks and facts, so that it shows as typed: no bold, lists,
 * links, autolinked URLs or `<at>` mentions can be made from user or dataset text.
 */
export function escapeTeamsMarkdown(text: string): string {
  return (
    text
      // Backslash escapes for every character Teams' Markdown (or a later HTML pass) may treat as syntax.
      .replace(/[\\`*_~[\]()<>#|]/g, (c) => `\\${c}`)
      // List markers at the start of a line: "- x", "+ x", "1. x".
      .replace(/^(\s*)([-+])(?=\s)/gm, '$1\\$2')
      .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.')
      // Break autolinking of bare URLs with a word joiner (invisible, not copied as a space).
      .replace(/:\/\//g, ':\u2060//')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u2060.`)
      // A stray "&" could start an entity in clients that decode them.
      .replace(/&/g, '&\u2060')
  );
}

/** Renders an answer as an Adaptive Card 1.5: title, subtitle, sections with sourced facts, command buttons. */
export function answerToAdaptiveCard(answer: Answer, options: AdaptiveCardOptions = {}): AdaptiveCard {
  const m = messages(answer.lang ?? DEFAULT_LANG);
  const head: AdaptiveElement[] = [
    { type: 'TextBlock', text: escapeTeamsMarkdown(answer.title), wrap: true, weight: 'Bolder', size: 'Medium' },
  ];
  if (answer.subtitle) {
    head.push({
      type: 'TextBlock',
      text: escapeTeamsMarkdown(answer.subtitle),
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    });
  }
  if (answer.notice) {
    head.push({ type: 'TextBlock', text: escapeTeamsMarkdown(answer.notice), wrap: true, color: 'Warning' });
  }

  // Sections are split at the item budget: whole sections first, then the rest behind "Show more".
  const visible: AdaptiveElement[] = [];
  const more: AdaptiveElement[] = [];
  let shown = 0;
  for (const section of answer.sections) {
    const count = Math.max(1, section.items.length);
    // The first section always shows; after the first one that does not fit, the rest keep their order behind it.
    const fits = more.length === 0 && (shown === 0 || shown + count <= TEAMS_CARD_LIMITS.visibleItems);
    (fits ? visible : more).push(sectionToContainer(section, m));
    if (fits) shown += count;
  }

  const actions: AdaptiveAction[] = answer.actions
    .filter((a) => a.kind !== 'share') // a Teams answer is already in the conversation: nothing to share
    .slice(0, TEAMS_CARD_LIMITS.maxActions - (more.length > 0 ? 1 : 0))
    .map(actionToSubmit);

  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [...head, ...visible],
    ...(options.fallbackText
      ? { fallbackText: truncate(options.fallbackText, TEAMS_CARD_LIMITS.maxFallbackChars) }
      : {}),
    msteams: { width: 'Full' },
  };
  if (more.length > 0) {
    actions.push({
      type: 'Action.ShowCard',
      title: m('render.teams.showMore'),
      card: { type: 'AdaptiveCard', version: '1.5', body: more },
    });
  }
  if (actions.length > 0) card.actions = actions;
  return fitToLimit(card, m);
}

// Over the size limit, drop hidden sections from the end (then visible ones) and say so: a shorter, true card is
// better than one Teams refuses to post.
function fitToLimit(card: AdaptiveCard, m: Messages): AdaptiveCard {
  const size = (c: AdaptiveCard) => Buffer.byteLength(JSON.stringify(c), 'utf8');
  if (size(card) <= TEAMS_CARD_LIMITS.maxCardBytes) return card;
  const out: AdaptiveCard = structuredClone(card);
  out.body.push({
    type: 'TextBlock',
    text: m('render.teams.cut'),
    wrap: true,
    color: 'Warning',
  });
  const showMore = out.actions?.find((a): a is AdaptiveShowCardAction => a.type === 'Action.ShowCard');
  while (size(out) > TEAMS_CARD_LIMITS.maxCardBytes) {
    if (showMore && showMore.card.body.length > 0) {
      showMore.card.body.pop();
      if (showMore.card.body.length === 0) out.actions = out.actions!.filter((a) => a !== showMore);
    } else if (out.body.length > 2) {
      out.body.splice(out.body.length - 2, 1); // the last section before the note; the title stays
    } else {
      break;
    }
  }
  return out;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function sectionToContainer(section: Section, m: Messages): AdaptiveContainer {
  const items: AdaptiveElement[] = [];
  if (section.heading) {
    items.push({ type: 'TextBlock', text: escapeTeamsMarkdown(section.heading), wrap: true, weight: 'Bolder' });
  }
  // When every item of a section cites the same sources (a listing table from one report), the source line is
  // shown once after the items instead of after each of them: still every fact sourced, at a fifth of the noise.
  const citeTexts = section.items.map((i) => (i.cite && i.cite.length > 0 ? citeBlock(i.cite, m).text : undefined));
  const shared = section.items.length > 1 && citeTexts.every((t) => t !== undefined && t === citeTexts[0]);
  for (const item of section.items) items.push(...itemToBlocks(shared ? { ...item, cite: [] } : item, m));
  if (shared) items.push(citeBlock(section.items[0]!.cite!, m));
  if (section.cite && section.cite.length > 0) items.push(citeBlock(section.cite, m));
  return { type: 'Container', items, separator: true, spacing: 'Medium' };
}

function itemToBlocks(item: Item, m: Messages): AdaptiveTextBlock[] {
  const label = item.label ? `**${escapeTeamsMarkdown(item.label)}** ` : '';
  const main: AdaptiveTextBlock = {
    type: 'TextBlock',
    text: `${label}${escapeTeamsMarkdown(item.text)}`,
    wrap: true,
    spacing: 'Small',
  };
  if (item.tone === 'gap' || item.tone === 'past') main.isSubtle = true;
  if (item.tone === 'warning') main.color = 'Attention';
  const blocks: AdaptiveTextBlock[] = [main];
  if (item.detail) {
    blocks.push({
      type: 'TextBlock',
      text: escapeTeamsMarkdown(item.detail),
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    });
  }
  if (item.cite && item.cite.length > 0) blocks.push(citeBlock(item.cite, m));
  return blocks;
}

function citeBlock(cites: Citation[], m: Messages): AdaptiveTextBlock {
  return {
    type: 'TextBlock',
    text: cites.map((c) => citationText(c, m)).join(' · '),
    wrap: true,
    isSubtle: true,
    size: 'Small',
    spacing: 'None',
  };
}

/** "Source: [Watchlist, …](https://…) · S/2021/299 · as of June 2021 · unverified: …" */
function citationText(c: Citation, m: Messages): string {
  const label = escapeTeamsMarkdown(c.label);
  const link =
    c.url && /^https?:\/\/[^\s]+$/i.test(c.url)
      ? `[${label}](${c.url.replace(/[()<>\s]/g, encodeURIComponent)})`
      : label;
  // The label's Markdown link is built here, so the message gets it as a ready placeholder value.
  const parts = [m('render.sourceLine', { marks: link })];
  if (c.symbol) parts.push(escapeTeamsMarkdown(c.symbol));
  parts.push(escapeTeamsMarkdown(m('date.asOf', { date: c.asOf, precision: c.precision ?? 'none' })));
  if (c.unverified) parts.push(escapeTeamsMarkdown(m('render.unverified', { text: c.unverified })));
  return parts.join(' · ');
}

function actionToSubmit(action: Action): AdaptiveSubmitAction {
  const out: AdaptiveSubmitAction = {
    type: 'Action.Submit',
    // Button titles are plain text in Teams (no Markdown), so they need no escaping.
    title: action.label,
    data: { command: action.command },
  };
  if (action.style === 'primary') out.style = 'positive';
  if (action.style === 'danger' || action.kind === 'forget') out.style = 'destructive';
  return out;
}
