// Answer → Slack Block Kit message: a header, the subtitle and each section's sources as context lines, sections as
// mrkdwn, next commands as buttons, within Slack's limits (slack-limits.ts), and `text` as the notification fallback.
// https://docs.slack.dev/block-kit/ · https://docs.slack.dev/messaging/formatting-message-text#escaping
//
// Every piece of dataset or user text that lands in a mrkdwn object or the top-level `text` goes through
// `escapeMrkdwn` (& < >), so no input can make Slack produce <!channel>, <!here>, <@U…> or a link; mrkdwn objects also
// carry `verbatim: true`, so Slack does not auto-link bare names either. Header and button texts are plain_text,
// which Slack never parses for mentions.
import type { Answer, Citation, Item, Section } from '../core/answer.js';
import { DEFAULT_LANG } from '../i18n/lang.js';
import { type Messages, messages } from '../i18n/translate.js';
import { SLACK_LIMITS } from './slack-limits.js';

/** A plain_text object. */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** A mrkdwn object (always escaped text, `verbatim: true`). */
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

/** A button element. */
export interface SlackButton {
  type: 'button';
  text: PlainText;
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** The Block Kit blocks this renderer produces. */
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: SlackButton[] }
  | { type: 'divider' };

/** A message body: what goes into chat.postMessage, an ack or a response_url post (plus response_type). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The action_id prefixes of the buttons; the Slack adapter routes on them. Ids get ":<n>" to stay unique. */
export const SLACK_ACTION_IDS = {
  /** Posts the same answer visibly in the channel (value: the command text). */
  share: 'caac_share',
  /** Runs a command (value: the command text). */
  run: 'caac_run',
} as const;

/** Options of `answerToBlockKit`. */
export interface BlockKitOptions {
  /** Adds a "Share in channel" button that re-runs this command text and posts it visibly. */
  shareCommand?: string;
  /** Block budget (50 for messages, 100 for views). */
  maxBlocks?: number;
  /** Leave out the answer's own action buttons (e.g. in a message already shared to a channel). */
  withoutActions?: boolean;
}

/** Escapes text for Slack mrkdwn and the top-level `text`: & < > become entities, so nothing can form a mention. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders an answer as a Block Kit message within Slack's limits. Pure: same answer, same blocks. */
export function answerToBlockKit(answer: Answer, options: BlockKitOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? SLACK_LIMITS.messageBlocks;
  const m = messages(answer.lang ?? DEFAULT_LANG);
  const content: { block: SlackBlock; lines: number }[] = [];

  content.push({ block: { type: 'header', text: plain(truncate(answer.title, SLACK_LIMITS.headerText)) }, lines: 0 });
  if (answer.subtitle) content.push({ block: context([escapeMrkdwn(answer.subtitle)]), lines: 0 });
  if (answer.notice) content.push({ block: context([`:warning: ${escapeMrkdwn(answer.notice)}`]), lines: 0 });
  for (const section of answer.sections) content.push(...sectionBlocks(section, m));

  const tail = options.withoutActions ? [] : actionBlocks(answer, options.shareCommand, m);
  const room = maxBlocks - tail.length;
  let blocks: SlackBlock[];
  if (content.length <= room) {
    blocks = content.map((c) => c.block);
  } else {
    // Keep what fits, and say plainly how much is left out and how to get it, rather than fail or cut silently.
    const kept = content.slice(0, room - 1);
    const dropped = content.slice(room - 1);
    const lines = dropped.reduce((n, c) => n + c.lines, 0);
    blocks = [...kept.map((c) => c.block), context([m('render.slack.cut', { lines, max: maxBlocks })])];
  }
  blocks.push(...tail);
  return { text: escapeMrkdwn(truncate(answer.summary || answer.title, SLACK_LIMITS.fallbackText)), blocks };
}

// A section becomes one or more section blocks (3,000 characters each, split between lines) and a context block
// with its sources: the section's own citations, then those of its items, each shown once.
function sectionBlocks(section: Section, m: Messages): { block: SlackBlock; lines: number }[] {
  const lines = section.items.map(itemLine);
  const out: { block: SlackBlock; lines: number }[] = [];
  let chunk: string[] = section.heading ? [bold(section.heading)] : [];
  let chunkItems = 0;
  let length = chunk.join('\n').length;
  const flush = () => {
    if (chunk.length > 0) out.push({ block: { type: 'section', text: mrkdwn(chunk.join('\n')) }, lines: chunkItems });
    chunk = [];
    chunkItems = 0;
    length = 0;
  };
  for (const raw of lines) {
    const line = cutMrkdwn(raw, SLACK_LIMITS.sectionText);
    if (chunk.length > 0 && length + 1 + line.length > SLACK_LIMITS.sectionText) flush();
    length += (chunk.length > 0 ? 1 : 0) + line.length;
    chunk.push(line);
    chunkItems += 1;
  }
  flush();

  const cites = uniqueCitations([...(section.cite ?? []), ...section.items.flatMap((i) => i.cite ?? [])]);
  if (cites.length > 0) {
    const prefix = `${m('render.sourcesPrefix', { count: cites.length })} `;
    const text = prefix + cites.map((c) => citationText(c, m)).join('\n');
    out.push({
      block: context([cutMrkdwn(text, SLACK_LIMITS.contextText)]),
      lines: 0,
    });
  }
  return out;
}

// "• *label*  text — detail", with the tone shown where it changes the meaning (a gap, a past fact, a warning).
function itemLine(item: Item): string {
  const label = item.label ? `${bold(item.label)}  ` : '';
  let text = escapeMrkdwn(item.text);
  if ((item.tone === 'gap' || item.tone === 'past') && !/[_*~`]/.test(item.text)) text = `_${text}_`;
  if (item.tone === 'warning') text = `:warning: ${text}`;
  const detail = item.detail ? ` — ${escapeMrkdwn(item.detail)}` : '';
  return `• ${label}${text}${detail}`;
}

// "<url|Watchlist, CAAC Monthly Update – June 2021> (S/2021/299) · as of June 2021 · :warning: unverified: …"
function citationText(c: Citation, m: Messages): string {
  const url = c.url && /^https?:\/\/[^\s<>|]+$/.test(c.url) ? c.url.replace(/&/g, '&amp;') : undefined;
  const label = url ? `<${url}|${escapeMrkdwn(c.label)}>` : escapeMrkdwn(c.label);
  const symbol = c.symbol && !c.label.includes(c.symbol) ? ` (${escapeMrkdwn(c.symbol)})` : '';
  const unverified = c.unverified ? ` · :warning: ${escapeMrkdwn(m('render.unverified', { text: c.unverified }))}` : '';
  const asOf = escapeMrkdwn(m('date.asOf', { date: c.asOf, precision: c.precision ?? 'none' }));
  return `${label}${symbol} · ${asOf}${unverified}`;
}

function uniqueCitations(cites: Citation[]): Citation[] {
  const seen = new Set<string>();
  return cites.filter((c) => {
    const key = `${c.sourceId}|${c.asOf}|${c.unverified ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// The answer's next commands as buttons, plus "Share in channel"; one actions block (25 buttons at most).
function actionBlocks(answer: Answer, shareCommand: string | undefined, m: Messages): SlackBlock[] {
  const buttons: SlackButton[] = [];
  if (shareCommand !== undefined && shareCommand.length <= SLACK_LIMITS.buttonValue) {
    buttons.push({
      type: 'button',
      text: plain(m('render.share')),
      action_id: `${SLACK_ACTION_IDS.share}:0`,
      value: shareCommand,
    });
  }
  answer.actions.forEach((action, n) => {
    if (action.kind === 'share') return; // the Share button above covers it, with the command text it needs
    if (action.command.length === 0 || action.command.length > SLACK_LIMITS.buttonValue) return;
    const button: SlackButton = {
      type: 'button',
      text: plain(truncate(action.label, SLACK_LIMITS.buttonText)),
      action_id: `${SLACK_ACTION_IDS.run}:${n}`,
      value: action.command,
    };
    if (action.style) button.style = action.style;
    buttons.push(button);
  });
  const elements = buttons.slice(0, SLACK_LIMITS.actionsElements);
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

function plain(text: string): PlainText {
  return { type: 'plain_text', text: text.length > 0 ? text : ' ', emoji: true };
}

function mrkdwn(text: string): Mrkdwn {
  return { type: 'mrkdwn', text, verbatim: true };
}

function context(texts: string[]): SlackBlock {
  return { type: 'context', elements: texts.slice(0, SLACK_LIMITS.contextElements).map(mrkdwn) };
}

// Bold only when the text has no mrkdwn markers of its own ("MNLA ~ *" would break the bold and show stray stars).
function bold(text: string): string {
  const escaped = escapeMrkdwn(text);
  return /[*_~`]/.test(text) ? escaped : `*${escaped}*`;
}

/** Shortens plain text to `max` characters, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// Shortens escaped mrkdwn without leaving half an entity ("&am") or half a link ("<https://…") at the end.
function cutMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  cut = cut.replace(/&[a-z]*$/, '');
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  return `${cut}…`;
}
