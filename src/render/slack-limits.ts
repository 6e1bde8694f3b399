// Slack's Block Kit limits, in one table, so the renderer and its tests agree on them.
// https://docs.slack.dev/reference/block-kit/blocks and https://docs.slack.dev/reference/block-kit/block-elements/button-element

/** Slack's documented limits for messages, blocks and elements (characters unless said otherwise). */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in an App Home or modal view. */
  viewBlocks: 100,
  /** A section block's text. */
  sectionText: 3000,
  /** A header block's plain_text. */
  headerText: 150,
  /** Elements in one context block. */
  contextElements: 10,
  /** One context element's text (a text object, so the general text limit). */
  contextText: 3000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** A button's text. */
  buttonText: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** action_id and block_id. */
  actionId: 255,
  blockId: 255,
  /** A button's url. */
  buttonUrl: 3000,
  /** The top-level `text` of a message; we keep the notification fallback much shorter, see `fallbackText`. */
  messageText: 40_000,
  /** What the renderer uses for the top-level `text` fallback (notifications show a line or two). */
  fallbackText: 3000,
} as const;
