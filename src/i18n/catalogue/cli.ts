// The command line's own messages (src/cli.ts): its usage, bad flags and unknown commands, in the `--lang` chosen.
// Command words and flags stay as they are typed.
import type { Area } from './entry.js';

/** Messages of `npx caac`. */
export const cliMessages = {
  'cli.usage': {
    en: [
      'usage: caac [--now <ISO date or date-time>] [--json] [--data <dir>] [--lang en|fr] <text…>',
      '       caac data check [--data <dir>]',
      '       caac data stale [--now <ISO date>] [--data <dir>] [--json]',
      '       caac data import <file or http(s) URL> [--data <dir>] [--write] [--json]',
      '       caac secrets new-key  (prints a random CAAC_SECRETS_KEY)',
      "       caac secrets rotate   (with the service's environment: CAAC_SECRETS_KEY, CAAC_SECRETS_KEY_PREVIOUS, database)",
      'Flags may stand anywhere. Try: caac help, caac mali, caac mnla, caac renewals',
    ].join('\n'),
    fr: [
      'syntaxe\u00a0: caac [--now <date ou date et heure ISO>] [--json] [--data <dossier>] [--lang en|fr] <texte…>',
      '         caac data check [--data <dossier>]',
      '         caac data stale [--now <date ISO>] [--data <dossier>] [--json]',
      '         caac data import <fichier ou URL http(s)> [--data <dossier>] [--write] [--json]',
      '         caac secrets new-key  (affiche une CAAC_SECRETS_KEY aléatoire)',
      '         caac secrets rotate   (avec l’environnement du service\u00a0: CAAC_SECRETS_KEY, CAAC_SECRETS_KEY_PREVIOUS, base de données)',
      'Les options peuvent figurer n’importe où. Essayez\u00a0: caac help, caac mali, caac mnla, caac renewals',
    ].join('\n'),
  },
  'cli.error': { en: 'caac: {message}', fr: 'caac\u00a0: {message}' },
  'cli.noValue': { en: '{flag} takes no value', fr: '{flag} ne prend pas de valeur' },
  'cli.nowNeeds': {
    en: '--now needs a date, e.g. --now 2021-06-01 or --now 2021-06-01T09:00:00+02:00',
    fr: '--now demande une date, par exemple --now 2021-06-01 ou --now 2021-06-01T09:00:00+02:00',
  },
  'cli.nowBad': {
    en: '--now: "{value}" is not an ISO 8601 date or date-time (e.g. 2021-06-01 or 2021-06-01T09:00:00Z)',
    fr: '--now\u00a0: « {value} » n’est pas une date ou une date et heure ISO 8601 (par exemple 2021-06-01 ou 2021-06-01T09:00:00Z)',
  },
  'cli.dataNeeds': {
    en: '--data needs a folder, e.g. --data ./data',
    fr: '--data demande un dossier, par exemple --data ./data',
  },
  'cli.langBad': {
    en: '--lang: "{value}" is not a language caac speaks; available: {available}',
    fr: '--lang\u00a0: caac ne parle pas « {value} »\u202f; langues disponibles\u00a0: {available}',
  },
  'cli.langNeeds': {
    en: '--lang: needs a language; available: {available}',
    fr: '--lang\u00a0: il faut une langue\u202f; langues disponibles\u00a0: {available}',
  },
  'cli.unknownOption': { en: 'unknown option {name}', fr: 'option inconnue\u00a0: {name}' },
  'cli.writeOnlyImport': {
    en: '--write is only for `data import`',
    fr: '--write ne sert qu’avec `data import`',
  },
  'cli.unknownData': { en: 'unknown data command "{words}"', fr: 'commande data inconnue\u00a0: « {words} »' },
  'cli.unknownSecrets': {
    en: 'unknown secrets command "{words}"',
    fr: 'commande secrets inconnue\u00a0: « {words} »',
  },
  'cli.datasetInvalid': {
    en: '{count, plural, one {# problem} other {# problems}}: the dataset was not loaded',
    fr: '{count, plural, one {# problème} other {# problèmes}}\u00a0: le jeu de données n’a pas été chargé',
  },
  'cli.internalError': { en: 'caac: internal error: {message}', fr: 'caac\u00a0: erreur interne\u00a0: {message}' },
} as const satisfies Area;
