// What the service says about itself rather than the dataset: a fault on our side, too many commands, a workspace
// without the app installed, a channel reminders cannot be posted to, and the Slack App Home tab's own lines.
import type { Area } from './entry.js';

/** Fault, rate-limit, not-installed, cannot-post and Home tab messages. */
export const serviceReplyMessages = {
  'fault.title': { en: 'Something went wrong on our side', fr: 'Un problème est survenu de notre côté' },
  'fault.detail': {
    en: 'The bot could not answer this just now. Try again in a moment; if it keeps happening, tell the people who run it.',
    fr: 'Le bot n’a pas pu répondre pour l’instant. Réessayez dans un moment\u202f; si le problème persiste, prévenez les personnes qui l’administrent.',
  },
  'fault.summary': {
    en: 'Something went wrong on our side; try again in a moment.',
    fr: 'Un problème est survenu de notre côté\u202f; réessayez dans un moment.',
  },

  'rateLimited.title': { en: 'One moment, please', fr: 'Un instant, s’il vous plaît' },
  // `scope` is user (this person's limit) or channel (everyone's in the channel).
  'rateLimited.detail': {
    en: '{scope, select, user {You have} other {This channel has}} sent a lot of commands in a short time. Please try again in {seconds, plural, =1 {a second} other {# seconds}}.',
    fr: '{scope, select, user {Vous avez} other {Ce canal a}} envoyé beaucoup de commandes en peu de temps. Veuillez réessayer dans {seconds, plural, =1 {une seconde} other {# secondes}}.',
  },
  'rateLimited.summary': {
    en: 'Too many commands: please try again in {seconds, plural, =1 {a second} other {# seconds}}.',
    fr: 'Trop de commandes\u00a0: veuillez réessayer dans {seconds, plural, =1 {une seconde} other {# secondes}}.',
  },

  'slack.notInstalled': {
    en: 'The bot is not installed in this workspace, or its installation can no longer be read. Ask a workspace admin to install it again from the install page (/slack/install on the bot’s address).',
    fr: 'Le bot n’est pas installé dans cet espace de travail, ou son installation ne peut plus être lue. Demandez à un administrateur de l’espace de travail de le réinstaller depuis la page d’installation (/slack/install à l’adresse du bot).',
  },
  'home.footer': {
    en: 'Type `/caac help` in any channel for everything the bot can do.',
    fr: 'Tapez `/caac help` dans n’importe quel canal pour voir tout ce que le bot sait faire.',
  },
  'home.channelReminders': { en: 'Reminders in {channel}', fr: 'Rappels dans {channel}' },
  // Under an answer shared in a Slack channel: `user` is the sharer's mention, `command` what they typed.
  'slack.sharedBy': { en: 'Shared by {user} with /caac {command}', fr: 'Partagé par {user} avec /caac {command}' },
  'slack.unknownCommand': {
    en: 'This app does not know the command {name}. Try `{known} help` to see what it answers.',
    fr: 'Cette application ne connaît pas la commande {name}. Tapez `{known} help` pour voir ce à quoi elle répond.',
  },
  'teams.searchNoMatch': {
    en: 'No country or party matches "{text}". Try a country (mali, drc) or a party (mnla).',
    fr: 'Aucun pays ni aucune partie ne correspond à « {text} ». Essayez un pays (mali, rdc) ou une partie (mnla).',
  },

  // Why a reminder cannot be posted in a channel (Delivery.canPost), and what fixes it.
  'cannotPost.notInstalled': {
    en: 'the app is not installed in this workspace',
    fr: 'l’application n’est pas installée dans cet espace de travail',
  },
  'cannotPost.notInstalledFix': {
    en: 'install it again from /slack/install',
    fr: 'réinstallez-la depuis /slack/install',
  },
  'cannotPost.archived': { en: 'this channel is archived', fr: 'ce canal est archivé' },
  'cannotPost.archivedFix': { en: 'use a channel that is not archived', fr: 'choisissez un canal non archivé' },
  'cannotPost.notMember': { en: 'the bot is not a member of this channel', fr: 'le bot n’est pas membre de ce canal' },
  'cannotPost.notVisible': { en: 'the bot cannot see this channel', fr: 'le bot ne voit pas ce canal' },
  'cannotPost.inviteFix': {
    en: 'invite it with /invite @caac, then try again',
    fr: 'invitez-le avec /invite @caac, puis réessayez',
  },
  'cannotPost.notTeams': { en: 'this is not a Teams conversation', fr: 'ce n’est pas une conversation Teams' },
  'cannotPost.notTeamsFix': {
    en: 'set the reminder from the conversation it is for',
    fr: 'programmez le rappel depuis la conversation concernée',
  },
  'cannotPost.notAdded': {
    en: 'the bot has not been added to this conversation',
    fr: 'le bot n’a pas été ajouté à cette conversation',
  },
  'cannotPost.notAddedFix': {
    en: 'add the bot to this chat or team first (Apps, then caac-bot, then Add), then set the reminder again',
    fr: 'ajoutez d’abord le bot à cette conversation ou à cette équipe (Applications, puis caac-bot, puis Ajouter), puis programmez de nouveau le rappel',
  },
  // `variables` names the service's settings, as the operator must type them.
  'cannotPost.off': {
    en: '{platform, select, teams {Microsoft Teams} other {Slack}} is not configured on this service',
    fr: '{platform, select, teams {Microsoft Teams} other {Slack}} n’est pas configuré sur ce service',
  },
  'cannotPost.offFix': { en: '{variables}', fr: '{variables} (réglages du service, en anglais)' },
} as const satisfies Area;
