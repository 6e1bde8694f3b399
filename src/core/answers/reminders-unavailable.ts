// Reminder commands where reminders cannot run: in the terminal (no channel) or without the reminders module.
import type { Answer } from '../answer.js';

/** "Reminders belong to a channel" (terminal) or "reminders are not available here" (no reminder store). */
export function remindersUnavailable(kind: string, reason: 'no-channel' | 'not-configured'): Answer {
  const title =
    reason === 'no-channel'
      ? 'Reminders belong to a channel: type this command in a Slack channel (/caac …) or a Teams conversation with the bot.'
      : 'Reminders are not available here.';
  return {
    kind,
    outcome: 'unavailable',
    title,
    sections: [],
    actions: [
      { label: 'Renewals', command: 'renewals' },
      { label: 'Help', command: 'help' },
    ],
    summary: title,
  };
}
