// What a channel receives when a reminder fires (src/reminders/reminder-message.ts), in the channel's language.
import type { Area } from './entry.js';

/** Reminder messages. */
export const reminderPostMessages = {
  'reminder.title': { en: '⏰ {title} {relative} — {when}', fr: '⏰ {title} {relative} — {when}' },
  'reminder.titleMonth': { en: '⏰ {title} — {when} (about {away} away)', fr: '⏰ {title} — {when} ({away} environ)' },
  'reminder.away': {
    en: '{days, plural, =0 {today} =1 {tomorrow} other {# days}}',
    fr: '{days, plural, =0 {aujourd’hui} =1 {demain} other {dans # jours}}',
  },
  'reminder.summary': { en: '{title} {relative} — {when}', fr: '{title} {relative} — {when}' },
  'reminder.summaryMonth': { en: '{title} — {when}', fr: '{title} — {when}' },
  'reminder.when': { en: 'When', fr: 'Quand' },
  'reminder.resolution': { en: 'Resolution', fr: 'Résolution' },
  'reminder.adopted': { en: '{resolution}, adopted {date}', fr: '{resolution}, adoptée le {date}' },
  'reminder.monthOnly': {
    en: 'known to the month only; counted from {day}: {relative}',
    fr: 'connu au mois près\u202f; compté à partir du {day}\u00a0: {relative}',
  },
  'reminder.footer': {
    en: 'Reminders for {target} in {where, select, teams {this conversation} other {this channel}}: {schedule}',
    fr: 'Rappels pour {target} dans {where, select, teams {cette conversation} other {ce canal}}\u00a0: {schedule}',
  },
  'reminder.schedule': { en: '{leads} at {at} {tz}', fr: '{leads} à {at} {tz}' },
  'reminder.id': { en: 'reminder {id}', fr: 'rappel {id}' },
  'reminder.open': { en: 'Open the {target} brief', fr: 'Ouvrir la fiche {target}' },
  'reminder.stop': { en: 'Stop these reminders', fr: 'Arrêter ces rappels' },
  'reminder.cancel': { en: 'Cancel this reminder', fr: 'Annuler ce rappel' },
  'reminder.setFor': { en: 'Reminder set for {instant}', fr: 'Rappel prévu le {instant}' },
  'reminder.oneOffSummary': { en: 'Reminder: {text}', fr: 'Rappel\u00a0: {text}' },
} as const satisfies Area;
