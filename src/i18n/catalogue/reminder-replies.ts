// The replies of the reminder commands (remind, remind "<text>" at …, reminders, forget: src/reminders/), in the
// answer's language. `platform` (slack or teams) names the place: a Slack channel, a Teams conversation (which may
// be a chat). Command words (remind, forget, at, 30d) stay as typed: they are the syntax, not prose.
import type { Area } from './entry.js';

/** Replies of remind, remind-once, reminders and forget. */
export const reminderReplyMessages = {
  'replies.noChannel.title': { en: 'Reminders belong to a channel', fr: 'Les rappels appartiennent à un canal' },
  'replies.noChannel.detail': {
    en: 'Set reminders from a Slack channel (/caac remind mali) or a Teams conversation with the bot; the terminal has no channel to post to.',
    fr: 'Programmez les rappels depuis un canal Slack (/caac remind mali) ou une conversation Teams avec le bot\u202f; le terminal n’a pas de canal où publier.',
  },
  'replies.cannotPost.title': { en: 'Reminders cannot be posted here', fr: 'Impossible de publier des rappels ici' },
  'replies.cannotPost.detail': {
    en: 'This service does not post to {platform, select, teams {Teams} other {Slack}} proactively; ask its operator to configure it.',
    fr: 'Ce service ne publie pas de lui-même dans {platform, select, teams {Teams} other {Slack}}\u202f; demandez à son exploitant de le configurer.',
  },
  'replies.cannotPostHere.title': {
    en: 'I cannot post reminders in {platform, select, teams {this conversation} other {this channel}}',
    fr: 'Je ne peux pas publier de rappels dans {platform, select, teams {cette conversation} other {ce canal}}',
  },
  'replies.cannotPostHere.fix': { en: 'To fix it: {fix}', fr: 'Pour y remédier\u00a0: {fix}' },

  'replies.list.none': {
    en: 'No reminders in {platform, select, teams {this conversation} other {this channel}}',
    fr: 'Aucun rappel dans {platform, select, teams {cette conversation} other {ce canal}}',
  },
  'replies.list.try': {
    en: 'Try: remind mali, or remind "Mali consultations" at 2026-12-03T09:30:00+01:00',
    fr: 'Essayez\u00a0: remind mali, ou remind "Consultations sur le Mali" at 2026-12-03T09:30:00+01:00',
  },
  'replies.list.title': {
    en: 'Reminders in {platform, select, teams {this conversation} other {this channel}} ({count, number})',
    fr: 'Rappels dans {platform, select, teams {cette conversation} other {ce canal}} ({count, number})',
  },
  'replies.list.summary': {
    en: '{count, plural, one {# reminder} other {# reminders}} in {platform, select, teams {this conversation} other {this channel}}',
    fr: '{count, plural, one {# rappel} other {# rappels}} dans {platform, select, teams {cette conversation} other {ce canal}}',
  },
  'replies.list.once': { en: '"{text}" at {instant}', fr: '« {text} » le {instant}' },
  'replies.list.subscription': { en: '{target}: {schedule}', fr: '{target}\u00a0: {schedule}' },
  // `reason` is the platform's own words for why posting failed (e.g. channel_not_found), shown as it came.
  'replies.list.disabled': { en: 'disabled: {reason}', fr: 'désactivé\u00a0: {reason}' },
  'replies.list.next': { en: 'next: {instant}', fr: 'prochain\u00a0: {instant}' },
  'replies.list.nextBefore': {
    en: 'next: {instant} ({days}d before {title})',
    fr: 'prochain\u00a0: {instant} ({days, plural, one {# jour} other {# jours}} avant «\u00a0{title}\u00a0»)',
  },
  'replies.list.posted': { en: 'posted', fr: 'publié' },
  'replies.list.nothingAhead': {
    en: 'no upcoming dated event on record',
    fr: 'aucun événement daté à venir dans les données',
  },
  'replies.list.action': { en: 'List reminders', fr: 'Voir les rappels' },

  'replies.forget.none': {
    en: 'No reminder {id} in {platform, select, teams {this conversation} other {this channel}}',
    fr: 'Aucun rappel {id} dans {platform, select, teams {cette conversation} other {ce canal}}',
  },
  'replies.forget.hint': {
    en: '`reminders` lists the reminders of {platform, select, teams {this conversation} other {this channel}} with their ids.',
    fr: '`reminders` affiche les rappels de {platform, select, teams {cette conversation} other {ce canal}} avec leur identifiant.',
  },
  'replies.forget.title': { en: 'Reminder {id} removed', fr: 'Rappel {id} supprimé' },
  // `kind` once: `what` is the one-off's own text; otherwise the country or mission it followed.
  'replies.forget.detail': {
    en: '{kind, select, once {No more reminders for "{what}" from it.} digest {The weekly digest will not be posted any more.} stale {No more curator notices will be posted.} other {No more reminders for {what} from it.}}',
    fr: '{kind, select, once {Le rappel « {what} » ne sera pas publié.} digest {Le digest hebdomadaire ne sera plus publié.} stale {Plus aucune alerte de curation ne sera publiée.} other {Plus aucun rappel ne sera publié pour {what}.}}',
  },

  'replies.once.invalid': {
    en: 'That date-time is not valid',
    fr: 'Cette date ou cette heure n’est pas valide',
  },
  'replies.once.invalidHint': {
    en: 'Write it in ISO 8601, e.g. 2026-12-03T09:30:00+01:00.',
    fr: 'Écrivez-la au format ISO 8601, par exemple 2026-12-03T09:30:00+01:00.',
  },
  'replies.once.past': { en: 'That time has passed', fr: 'Cette heure est déjà passée' },
  'replies.once.pastHint': {
    en: 'It is now {instant}; give a time in the future.',
    fr: 'Il est maintenant {instant}\u202f; indiquez une heure à venir.',
  },
  'replies.once.title': { en: 'Reminder {id} set', fr: 'Rappel {id} programmé' },
  'replies.once.summary': { en: 'Reminder {id} set for {instant}', fr: 'Rappel {id} programmé pour le {instant}' },

  'replies.remind.noMatch': {
    en: 'No country or mission matches "{asked}"',
    fr: 'Aucun pays ni aucune mission ne correspond à « {asked} »',
  },
  'replies.remind.noMatchHint': {
    en: "Reminders follow a country's or a mission's dated events. Try one of: {names}.",
    fr: 'Les rappels suivent les événements datés d’un pays ou d’une mission. Essayez par exemple\u00a0: {names}.',
  },
  'replies.remind.title': {
    en: 'Reminders set for {target} in {platform, select, teams {this conversation} other {this channel}}',
    fr: 'Rappels programmés pour {target} dans {platform, select, teams {cette conversation} other {ce canal}}',
  },
  'replies.remind.subtitle': { en: 'Reminder {id}: {schedule}', fr: 'Rappel {id}\u00a0: {schedule}' },
  'replies.remind.next': { en: 'Next reminders', fr: 'Prochains rappels' },
  'replies.remind.summary': {
    en: 'Reminders set for {target} ({schedule}), reminder {id}',
    fr: 'Rappels programmés pour {target} ({schedule}), rappel {id}',
  },
  'replies.remind.before': {
    en: '{days}d before: {title}',
    fr: '{days, plural, one {# jour} other {# jours}} avant\u00a0: {title}',
  },
  'replies.remind.monthOnly': { en: '{date} (known to the month only)', fr: '{date} (connue au mois près)' },
  'replies.remind.tooLate': {
    en: 'No reminder falls due from now on: the dated events on record are past or too close.',
    fr: 'Aucun rappel n’est plus à venir\u00a0: les événements datés connus sont passés ou trop proches.',
  },
  'replies.remind.noEvents': {
    en: 'No dated events on record for it now.',
    fr: 'Aucun événement daté n’est connu pour l’instant.',
  },
  'replies.remind.followsData': {
    en: 'Reminders follow the dataset: a date added or moved by the editors is picked up without setting this again.',
    fr: 'Les rappels suivent les données\u00a0: une date ajoutée ou déplacée par les rédacteurs est prise en compte sans qu’il faille reprogrammer ce rappel.',
  },
} as const satisfies Area;
