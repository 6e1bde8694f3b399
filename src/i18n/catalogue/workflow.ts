// Slack Workflow Builder steps (src/platforms/slack/slack-workflow-steps.ts): what a step says when it cannot run.
import type { Area } from './entry.js';

/** The steps' error messages, shown to the workflow's author. */
export const workflowMessages = {
  'workflow.needName': {
    en: 'Give a country or party name, e.g. mali or mnla.',
    fr: 'Donnez le nom d’un pays ou d’une partie, par exemple mali ou mnla.',
  },
  'workflow.daysRange': {
    en: 'Days ahead must be a whole number from 1 to {max}.',
    fr: 'Le nombre de jours doit être un entier de 1 à {max}.',
  },
} as const satisfies Area;
