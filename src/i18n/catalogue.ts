// The message catalogue: every user-visible string, keyed by id, English and French side by side. Each area of the
// product keeps its messages in its own file under catalogue/; add a file's export here. A message missing in one
// language is a type error (`Entry` needs every language) and a failing test (test/i18n/catalogue.test.ts), as is
// an id no code in src/ uses.
import { actionMessages } from './catalogue/actions.js';
import { briefMessages } from './catalogue/brief.js';
import { cliMessages } from './catalogue/cli.js';
import { codesMessages } from './catalogue/codes.js';
import { commonMessages } from './catalogue/common.js';
import { datasetTextMessages } from './catalogue/dataset-text.js';
import { digestMessages } from './catalogue/digest.js';
import { formatMessages } from './catalogue/format.js';
import { helpMessages } from './catalogue/help.js';
import { importMessages } from './catalogue/import.js';
import { importProblemMessages } from './catalogue/import-problems.js';
import { languageMessages } from './catalogue/language.js';
import { listMessages } from './catalogue/lists.js';
import { missMessages } from './catalogue/misses.js';
import { missionMessages } from './catalogue/mission.js';
import { parseMessages } from './catalogue/parse.js';
import { partyMessages } from './catalogue/party.js';
import { reminderPostMessages } from './catalogue/reminder.js';
import { reminderReplyMessages } from './catalogue/reminder-replies.js';
import { reminderMessages } from './catalogue/reminders.js';
import { renderMessages } from './catalogue/render.js';
import { renewalsMessages } from './catalogue/renewals.js';
import { serviceReplyMessages } from './catalogue/service-replies.js';
import { suggestMessages } from './catalogue/suggest.js';
import { welcomeMessages } from './catalogue/welcome.js';
import { workflowMessages } from './catalogue/workflow.js';

/** Every message, by id. */
export const catalogue = {
  ...actionMessages,
  ...briefMessages,
  ...cliMessages,
  ...codesMessages,
  ...commonMessages,
  ...datasetTextMessages,
  ...digestMessages,
  ...formatMessages,
  ...helpMessages,
  ...importMessages,
  ...importProblemMessages,
  ...languageMessages,
  ...listMessages,
  ...missMessages,
  ...missionMessages,
  ...parseMessages,
  ...partyMessages,
  ...reminderPostMessages,
  ...reminderReplyMessages,
  ...reminderMessages,
  ...renderMessages,
  ...renewalsMessages,
  ...serviceReplyMessages,
  ...suggestMessages,
  ...welcomeMessages,
  ...workflowMessages,
} as const;
