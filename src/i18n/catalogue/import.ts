// `caac data import` (src/curation/): what it read and could not read, its refusals and its result, in the
// curator's language. Field values (ISO dates, resolution numbers, acronyms) are shown as read.
import type { Area } from './entry.js';

/** The importer's messages. */
export const importMessages = {
  'import.error': { en: 'caac data import: {error}', fr: 'caac data import\u00a0: {error}' },
  'import.nothingWritten': { en: 'Nothing written.', fr: 'Rien n’a été écrit.' },
  'import.onlyHttp': {
    en: '{target}: only http and https addresses are read',
    fr: '{target}\u00a0: seules les adresses http et https sont lues',
  },
  'import.cannotRead': { en: '{target}: cannot be read ({code})', fr: '{target}\u00a0: lecture impossible ({code})' },
  'import.noAnswer': { en: '{url}: no answer in {seconds} s', fr: '{url}\u00a0: pas de réponse en {seconds} s' },
  'import.unreachable': { en: '{url}: unreachable', fr: '{url}\u00a0: injoignable' },
  'import.httpStatus': { en: '{url}: HTTP {status}', fr: '{url}\u00a0: HTTP {status}' },
  'import.tooLarge': { en: '{url}: larger than {bytes} bytes', fr: '{url}\u00a0: plus de {bytes} octets' },
  'import.read': {
    en: 'Read {where} ({language, select, fr {French} other {English}}):',
    fr: 'Lu\u00a0: {where} ({language, select, fr {en français} other {en anglais}})',
  },
  'import.field': {
    en: '  {field, select, kind {kind} body {body} resolution {resolution} adopted {adopted} expires {expires} other {symbol}}: {value}',
    fr: '  {field, select, kind {nature} body {organe} resolution {résolution} adopted {adoption} expires {échéance} other {cote}}\u00a0: {value}',
  },
  'import.kind': {
    en: '{kind, select, extension {extension} rollover {rollover} termination {termination} other {sanctions-renewal}}',
    fr: '{kind, select, extension {prorogation} rollover {prorogation technique} termination {fin de mandat} other {renouvellement des sanctions}}',
  },
  'import.notRead': {
    en: 'not read ({why, select, noDecision {no decision recognised} noDayInDateLine {date line {dateLine} gives no day for it} noDateLine {no date line} other {see below}})',
    fr: 'non lu ({why, select, noDecision {aucune décision reconnue} noDayInDateLine {la ligne de date {dateLine} n’en donne pas le jour} noDateLine {pas de ligne de date} other {voir ci-dessous}})',
  },
  'import.panel': {
    en: '  Panel of Experts: {date} (recorded apart from the measures)',
    fr: '  Groupe d’experts\u00a0: {date} (enregistré à part des mesures)',
  },
  'import.inferred': { en: 'Inferred: {text}', fr: 'Déduit\u00a0: {text}' },
  'import.couldNotRead': { en: 'Could not read safely:', fr: 'Ce qui n’a pas pu être lu avec certitude\u00a0:' },
  'import.invalidAfter': {
    en: 'the change would leave the dataset invalid:',
    fr: 'la modification rendrait le jeu de données invalide\u00a0:',
  },
  'import.result': { en: 'Result: {outcome}.', fr: 'Résultat\u00a0: {outcome}.' },
  'import.already': { en: 'already recorded: nothing to change', fr: 'déjà enregistré\u00a0: rien à modifier' },
  'import.what': {
    en: '{what, select, better {a better source for a recorded row} other {a new mandate row}}',
    fr: '{what, select, better {une meilleure source pour une ligne déjà enregistrée} other {une nouvelle ligne de mandat}}',
  },
  'import.written': {
    en: 'written ({what}); the dataset was validated first',
    fr: 'écrit ({what})\u202f; le jeu de données a d’abord été validé',
  },
  'import.dryRun': {
    en: '{what}; nothing written: run again with --write to apply',
    fr: '{what}\u202f; rien n’a été écrit\u00a0: relancez avec --write pour l’appliquer',
  },
  'import.nearest': { en: '{problem} (nearest: {names})', fr: '{problem} (les plus proches\u00a0: {names})' },
} as const satisfies Area;
