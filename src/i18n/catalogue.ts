// The message catalogue: every user-visible string, keyed by id, English and French side by side. Each area of the
// product keeps its messages in its own file under catalogue/; add a file's export here. A message missing in one
// language is a type error (`Entry` needs every language) and a failing test (test/i18n/catalogue.test.ts), as is
// an id no code in src/ uses.
import { actionMessages } from './catalogue/actions.js';
import { codesMessages } from './catalogue/codes.js';
import { formatMessages } from './catalogue/format.js';
import { reminderMessages } from './catalogue/reminders.js';
import { renderMessages } from './catalogue/render.js';
import { welcomeMessages } from './catalogue/welcome.js';

/** Every message, by id. */
export const catalogue = {
  ...actionMessages,
  ...codesMessages,
  ...formatMessages,
  ...renderMessages,
  ...reminderMessages,
  ...welcomeMessages,
} as const;
