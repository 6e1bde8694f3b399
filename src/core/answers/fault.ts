// A fault on our side (a bug, a database down): an apology that says what to do, the same on every platform. The
// details go to the log, never to the user.
import type { Answer } from '../answer.js';

/** The answer given when answering failed. */
export function fault(): Answer {
  return {
    kind: 'error',
    outcome: 'unavailable',
    title: 'Something went wrong on our side',
    sections: [
      {
        items: [
          {
            text: 'The bot could not answer this just now. Try again in a moment; if it keeps happening, tell the people who run it.',
          },
        ],
      },
    ],
    actions: [],
    summary: 'Something went wrong on our side; try again in a moment.',
  };
}
