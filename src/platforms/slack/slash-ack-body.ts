// The JSON body of a slash command's acknowledgement (an ephemeral Block Kit answer), rendered and serialised once
// per memoised answer. The core hands every caller of the same lookup the same frozen Answer object (see
// core/answer-memo.ts), so the body depends only on that object and on the command text the Share button carries
// (users type "mali", "Mali", "MLI" for one answer). Nothing per user or channel goes into an ack.
// https://docs.slack.dev/interactivity/implementing-slash-commands#responding_to_commands
import type { Answer } from '../../core/answer.js';
import { answerToBlockKit } from '../../render/answer-to-block-kit.js';

/** A serialised acknowledgement: the JSON text and its length in bytes (for content-length). */
export interface AckBody {
  json: string;
  bytes: number;
}

// Share texts kept per answer: spellings of one command are few in practice; past this, the oldest is dropped so that
// a stream of odd spellings cannot grow the cache.
const SPELLINGS_PER_ANSWER = 16;

// Keyed weakly by the answer: when the memo drops an answer (a dataset reload, a new day, LRU), its bodies go too.
const bodies = new WeakMap<Answer, Map<string, AckBody>>();

/**
 * The ack body for `answer`, with a "Share in channel" button re-running `shareCommand` when given. Cached only for
 * frozen (memoised) answers: any other answer is rendered afresh, as it may be one of a kind (rate limits, faults).
 */
export function slashAckBody(answer: Answer, shareCommand: string | undefined): AckBody {
  if (!Object.isFrozen(answer)) return render(answer, shareCommand);
  // The share text is user text of any shape: a prefix keeps "no share" apart from every possible text.
  const key = shareCommand === undefined ? '-' : `+${shareCommand}`;
  let forAnswer = bodies.get(answer);
  if (!forAnswer) {
    forAnswer = new Map();
    bodies.set(answer, forAnswer);
  }
  const hit = forAnswer.get(key);
  if (hit) return hit;
  const body = render(answer, shareCommand);
  if (forAnswer.size >= SPELLINGS_PER_ANSWER) forAnswer.delete(forAnswer.keys().next().value!);
  forAnswer.set(key, body);
  return body;
}

function render(answer: Answer, shareCommand: string | undefined): AckBody {
  const message = answerToBlockKit(answer, shareCommand !== undefined ? { shareCommand } : {});
  const json = JSON.stringify({ response_type: 'ephemeral', ...message });
  return { json, bytes: Buffer.byteLength(json) };
}
