// What reminders say about themselves: a post sent late or possibly twice, a second identical `remind`, a date too
// far ahead.
import type { Area } from './entry.js';

/** Reminder notices and refusals. */
export const reminderMessages = {
  // `reason` is restart (the service was down at the due time), retries (earlier attempts failed) or none.
  'reminders.notice.late': {
    en: 'late: due {due}, sent {sent}{reason, select, restart { after a restart} retries { after failed attempts} other {}}',
    fr: 'en retard\u00a0: prévu à {due}, envoyé à {sent}{reason, select, restart { après un redémarrage} retries { après des tentatives échouées} other {}}',
  },
  'reminders.notice.repeatRestart': {
    en: 'possible repeat: the service restarted while sending this',
    fr: 'possible doublon\u00a0: le service a redémarré pendant l’envoi de ce message',
  },
  'reminders.notice.repeatNoAnswer': {
    en: 'possible repeat: the first attempt to send this got no answer in time',
    fr: 'possible doublon\u00a0: la première tentative d’envoi est restée sans réponse à temps',
  },
  'reminders.already.title': {
    en: '{platform, select, teams {This conversation} other {This channel}} is already reminded about {target}',
    fr: '{platform, select, teams {Cette conversation a} other {Ce canal a}} déjà des rappels pour {target}',
  },
  'reminders.already.existing': {
    en: 'Reminder {id}: {schedule}.',
    fr: 'Rappel {id}\u00a0: {schedule}.',
  },
  'reminders.already.change': {
    en: 'One reminder per country or mission here. To change its schedule: forget {id}, then remind again.',
    fr: 'Un seul rappel par pays ou mission ici. Pour changer son calendrier\u00a0: forget {id}, puis remind à nouveau.',
  },
  'reminders.tooFar.title': {
    en: 'That date is too far ahead',
    fr: 'Cette date est trop lointaine',
  },
  'reminders.tooFar.detail': {
    en: 'Reminders can be set up to {years} years ahead, until {limit}.',
    fr: 'Les rappels peuvent être programmés jusqu’à {years} ans à l’avance, jusqu’au {limit}.',
  },
  'reminders.full.title': {
    en: '{platform, select, teams {This conversation} other {This channel}} has too many reminders',
    fr: '{platform, select, teams {Cette conversation a} other {Ce canal a}} trop de rappels',
  },
  'reminders.full.detail': {
    en: 'A channel or conversation can hold {max} reminders. `reminders` lists them; `forget <id>` removes one.',
    fr: 'Un canal ou une conversation peut avoir {max} rappels. `reminders` les liste ; `forget <id>` en retire un.',
  },
} as const satisfies Area;
