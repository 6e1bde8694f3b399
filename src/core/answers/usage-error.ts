// A command written wrongly: what was wrong and how to write it. A user's mistake is an answer, not an exception.
import type { Answer } from '../answer.js';

/** The answer to an `invalid` command. */
export function usageError(message: string, usage: string): Answer {
  return {
    kind: 'invalid',
    outcome: 'usage',
    title: message,
    sections: [{ heading: 'Usage', items: [{ text: usage }] }],
    actions: [{ label: 'Help', command: 'help' }],
    summary: message,
  };
}
