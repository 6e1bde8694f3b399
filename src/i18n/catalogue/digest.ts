// The weekly digest and curator notices (src/reminders/digest-message.ts, stale-message.ts, remind-digest.ts,
// remind-stale.ts): what they post, what `remind digest` and `remind stale` answer, and how they are written.
import type { Area } from './entry.js';

// `day` is mon … sun; `where` is the platform (Teams says "conversation").
const EVERY_DAY_EN =
  '{day, select, mon {Mondays} tue {Tuesdays} wed {Wednesdays} thu {Thursdays} fri {Fridays} sat {Saturdays} other {Sundays}}';
const EVERY_DAY_FR =
  '{day, select, mon {le lundi} tue {le mardi} wed {le mercredi} thu {le jeudi} fri {le vendredi} sat {le samedi} other {le dimanche}}';
const HERE_EN = '{where, select, teams {this conversation} other {this channel}}';
const HERE_FR = '{where, select, teams {cette conversation} other {ce canal}}';

/** Digest and curator-notice messages. */
export const digestMessages = {
  'digest.title': {
    en: '📅 Weekly digest: the next {days, plural, one {day} other {# days}}',
    fr: '📅 Digest hebdomadaire\u00a0: {days, plural, one {les prochaines 24 heures} other {les # prochains jours}}',
  },
  'digest.allCountries': { en: 'all countries', fr: 'tous les pays' },
  'digest.schedule': {
    en: `${EVERY_DAY_EN} at {at} {tz}, the next {days} days, {scope}{always, select, yes {, even when there is nothing to say} other {}}`,
    fr: `${EVERY_DAY_FR} à {at} {tz}, les {days} prochains jours, {scope}{always, select, yes {, même sans rien à signaler} other {}}`,
  },
  'digest.footer': {
    en: `Weekly digest for ${HERE_EN}: {schedule}`,
    fr: `Digest hebdomadaire pour ${HERE_FR}\u00a0: {schedule}`,
  },
  'digest.id': { en: 'digest {id}', fr: 'digest {id}' },
  'digest.stop': { en: 'Stop this digest', fr: 'Arrêter ce digest' },
  'digest.allRenewals': { en: 'All renewals', fr: 'Toutes les échéances' },
  'digest.summary': {
    en: 'Weekly digest: {due, plural, =0 {nothing falls due} one {# date} other {# dates}} in the next {days} days{expired, plural, =0 {} one {; # expired with no renewal recorded} other {; # expired with no renewal recorded}}',
    fr: 'Digest hebdomadaire\u00a0: {due, plural, =0 {aucune échéance} one {# échéance} other {# échéances}} dans les {days} prochains jours{expired, plural, =0 {} one {\u202f; # expiré sans renouvellement enregistré} other {\u202f; # expirés sans renouvellement enregistré}}',
  },
  'digest.set': {
    en: `Weekly digest set for ${HERE_EN}`,
    fr: `Digest hebdomadaire programmé pour ${HERE_FR}`,
  },
  'digest.updated': {
    en: `Weekly digest of ${HERE_EN} changed`,
    fr: `Digest hebdomadaire de ${HERE_FR} modifié`,
  },
  'digest.next': { en: 'Next digest', fr: 'Prochain digest' },
  'digest.quiet': {
    en: 'A week with nothing falling due and nothing expired without renewal is not posted; add `always` to have it posted anyway.',
    fr: 'Une semaine sans échéance ni expiration sans renouvellement n’est pas publiée\u202f; ajoutez `always` pour la publier quand même.',
  },
  'digest.always': {
    en: 'Posted every week, even when there is nothing to say.',
    fr: 'Publié chaque semaine, même sans rien à signaler.',
  },
  'digest.today': {
    en: 'Today it would list {due, plural, =0 {nothing falling due} one {# date} other {# dates}}{expired, plural, =0 {} other { and # expired with no renewal recorded}}.',
    fr: 'Aujourd’hui, il listerait {due, plural, =0 {aucune échéance} one {# échéance} other {# échéances}}{expired, plural, =0 {} one { et # expiré sans renouvellement enregistré} other { et # expirés sans renouvellement enregistré}}.',
  },
  'digest.change': {
    en: 'One digest per channel: `remind digest …` again changes it; `forget {id}` stops it.',
    fr: 'Un digest par canal\u00a0: `remind digest …` à nouveau le modifie\u202f; `forget {id}` l’arrête.',
  },
  'digest.noCountry': {
    en: 'No country matches "{text}"',
    fr: 'Aucun pays ne correspond à « {text} »',
  },
  'digest.noCountryDetail': {
    en: 'A digest follows countries. Try one of: {list}.',
    fr: 'Un digest suit des pays. Essayez l’un de ceux-ci\u00a0: {list}.',
  },
  'digest.listed': { en: 'Weekly digest: {schedule}', fr: 'Digest hebdomadaire\u00a0: {schedule}' },
  'digest.nextAt': { en: 'next digest: {instant}', fr: 'prochain digest\u00a0: {instant}' },

  'stale.title': {
    en: '⚠️ {acronym}: {measures, select, yes {measures expired} other {mandate expired}} on {date}, no renewal recorded',
    fr: '⚠️ {acronym}\u00a0: {measures, select, yes {mesures expirées} other {mandat expiré}} le {date}, aucun renouvellement enregistré',
  },
  'stale.expired': { en: 'Expired', fr: 'Expiration' },
  'stale.under': { en: '{date}, under {scr}', fr: '{date}, au titre de la {scr}' },
  'stale.asOf': { en: 'Data as of', fr: 'Données au' },
  'stale.asOfDetail': {
    en: 'the latest decision recorded for it in the dataset; the Council has most likely acted since',
    fr: 'dernière décision enregistrée dans le jeu de données\u202f; le Conseil a très probablement statué depuis',
  },
  'stale.import': { en: 'To record the renewal', fr: 'Pour enregistrer le renouvellement' },
  'stale.command': {
    en: 'npx caac data import <release URL or file>',
    fr: 'npx caac data import <URL ou fichier du communiqué>',
  },
  'stale.commandDetail': {
    en: 'with the Security Council press release that renewed it (English or French); `npx caac data stale` lists every row in this state',
    fr: 'avec le communiqué de presse du Conseil de sécurité qui l’a renouvelé (en anglais ou en français)\u202f; `npx caac data stale` liste toutes les lignes dans ce cas',
  },
  'stale.footer': {
    en: `Curator notices for ${HERE_EN}: the morning after an expiry with no renewal recorded, at {at} {tz}`,
    fr: `Alertes de curation pour ${HERE_FR}\u00a0: le lendemain d’une expiration sans renouvellement enregistré, à {at} {tz}`,
  },
  'stale.stop': { en: 'Stop curator notices', fr: 'Arrêter les alertes de curation' },
  'stale.summary': {
    en: '{acronym} expired on {date} with no renewal recorded: import the press release',
    fr: '{acronym} a expiré le {date} sans renouvellement enregistré\u00a0: importez le communiqué',
  },
  'stale.set': { en: `Curator notices set for ${HERE_EN}`, fr: `Alertes de curation programmées pour ${HERE_FR}` },
  'stale.updated': { en: `Curator notices of ${HERE_EN} changed`, fr: `Alertes de curation de ${HERE_FR} modifiées` },
  'stale.setDetail': {
    en: 'The morning after a mandate or regime expires with no renewal recorded, at {at} {tz}: one message naming it, with the command to import the release.',
    fr: 'Le lendemain de l’expiration d’un mandat ou d’un régime sans renouvellement enregistré, à {at} {tz}\u00a0: un message qui le nomme, avec la commande pour importer le communiqué.',
  },
  'stale.nowHeading': {
    en: 'Already expired with no renewal recorded (no notice for these)',
    fr: 'Déjà expirés sans renouvellement enregistré (pas d’alerte pour ceux-ci)',
  },
  'stale.nowNone': { en: 'Nothing is stale today.', fr: 'Rien n’est périmé aujourd’hui.' },
  'stale.listed': {
    en: 'Curator notices: the morning after an expiry with no renewal recorded, at {at} {tz}',
    fr: 'Alertes de curation\u00a0: le lendemain d’une expiration sans renouvellement enregistré, à {at} {tz}',
  },
  'stale.nextAt': {
    en: 'next possible notice: {instant}, if {acronym} has no renewal recorded by then',
    fr: 'prochaine alerte possible\u00a0: {instant}, si aucun renouvellement de {acronym} n’est enregistré d’ici là',
  },
  'stale.noneAhead': { en: 'no expiry ahead on record', fr: 'aucune expiration à venir enregistrée' },

  'help.remindDigest': {
    en: 'a weekly digest here of what falls due in the next 30 days (Mondays at 09:00 unless told)',
    fr: 'un digest hebdomadaire ici des échéances des 30 prochains jours (le lundi à 09:00 par défaut)',
  },
  'help.remindStale': {
    en: 'curator notices here: the morning after a mandate expires with no renewal recorded',
    fr: 'des alertes de curation ici\u00a0: le lendemain de l’expiration d’un mandat sans renouvellement enregistré',
  },
  'usage.remindDigest': {
    en: 'remind digest [weekly] [on monday] [at 09:00] [tz Area/City] [within 30d] [<country>, …] [always], e.g. remind digest on friday at 08:30 within 14d mali, drc',
    fr: 'remind digest [weekly] [on lundi] [at 09:00] [tz Zone/Ville] [within 30d] [<pays>, …] [always], par exemple remind digest on vendredi at 08:30 within 14d mali, rdc',
  },
  'usage.remindStale': {
    en: 'remind stale [at HH:MM] [tz Area/City], e.g. remind stale at 08:00 tz Europe/Paris',
    fr: 'remind stale [at HH:MM] [tz Zone/Ville], par exemple remind stale at 08:00 tz Europe/Paris',
  },
  'problem.digestDay': {
    en: '{what} is not a day of the week: write it like on monday.',
    fr: '{what} n’est pas un jour de la semaine\u00a0: écrivez-le comme on lundi.',
  },
  'problem.digestOnce': {
    en: 'Give `{option}` once.',
    fr: 'Donnez `{option}` une seule fois.',
  },
  'problem.staleOption': {
    en: 'I did not understand "{token}" here: remind stale takes at HH:MM and tz Area/City.',
    fr: 'Je n’ai pas compris « {token} » ici\u00a0: remind stale prend at HH:MM et tz Zone/Ville.',
  },
} as const satisfies Area;
