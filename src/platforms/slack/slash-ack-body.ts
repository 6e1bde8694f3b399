// The JSON body of a slash command's acknowledgement (an ephemeral Block Kit answer), rendered and serialised once
// per shared answer and spelling (src/render/render-once.ts): the body depends only on the answer and on the command
// text the Share button carries (users type "mali", "Mali", "MLI" for one answer). Nothing per user or channel goes
// into an ack.
// https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
import type { Answer } from '../../core/answer.js';
import { answerToBlockKit } from '../../render/answer-to-block-kit.js';
import { renderOnce } from '../../render/render-once.js';

/** A serialised acknowledgement: the JSON text and its length in bytes (for content-length). */
export interface AckBody {
  json: string;
  bytes: number;
}

/** The ack body for `answer`, with a "Share in channel" button re-running `shareCommand` when given. */
export function slashAckBody(answer: Answer, shareCommand: string | undefined): AckBody {
  // The share text is user text of any shape: a prefix keeps "no share" apart from every possible text.
  const key = shareCommand === undefined ? 'slack-ack -' : `slack-ack +${shareCommand}`;
  return renderOnce(answer, key, () => render(answer, shareCommand));
}

function render(answer: Answer, shareCommand: string | undefined): AckBody {
  const message = answerToBlockKit(answer, shareCommand !== undefined ? { shareCommand } : {});
  const json = JSON.stringify({ response_type: 'ephemeral', ...message });
  return { json, bytes: Buffer.byteLength(json) };
}
