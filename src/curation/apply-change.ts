// Applies a change to the dataset's text, line by line: the new mandate row is spliced in among the mission's
// mandates in date order, a better source replaces one scalar, a new source is added to data/sources/releases.yaml.
// The yaml package's document API locates the nodes (with their source ranges); the rest of every file, comments
// included, is left exactly as it was. Nothing is written here: the caller validates the whole result first.
import path from 'node:path';
import { Document, isMap, isSeq, parseDocument, Scalar } from 'yaml';
import type { YAMLMap, YAMLSeq } from 'yaml';
import type { Source } from '../dataset/schema.js';
import type { DatasetFile } from './dataset-files.js';
import type { Change, MandateRow } from './release-to-change.js';
import { type Said, said } from './said.js';

/** The files a change touches, before and after (a new file has `before` empty). */
export interface FileEdit {
  abs: string;
  path: string;
  role: DatasetFile['role'];
  before: string;
  after: string;
}

/** The dataset file that holds sources added by `caac data import`. */
export const RELEASES_FILE = path.join('sources', 'releases.yaml');

/** The edits for `change` (a 'new' or 'better-source' change), or a problem if the mission cannot be located. */
export function applyChange(files: DatasetFile[], dataDir: string, change: Change): FileEdit[] | { problem: Said } {
  if (change.status !== 'new' && change.status !== 'better-source') return [];
  const file = files.find((f) => f.role === 'country' && missionNode(parseDocument(f.text), change.mission.id));
  if (!file) return { problem: said('import.missionNotFound', { id: change.mission.id }) };
  const doc = parseDocument(file.text);
  const mission = missionNode(doc, change.mission.id)!;
  let after: string;
  if (change.status === 'better-source') {
    const item = mandateItems(mission)?.items.find((m) => isMap(m) && m.get('resolution') === change.resolution);
    const scalar = isMap(item) ? item.get('source', true) : undefined;
    if (!(scalar instanceof Scalar) || !scalar.range)
      return { problem: said('import.sourceNotFound', { resolution: change.resolution }) };
    after = splice(file.text, scalar.range[0], scalar.range[1], change.source.id);
  } else {
    after = insertMandate(file.text, mission, change.row);
    if (change.ends) after = endMission(after, change.mission.id, change.row);
  }
  const edits: FileEdit[] = [{ abs: file.abs, path: file.path, role: 'country', before: file.text, after }];
  if (
    !files.some(
      (f) =>
        f.role === 'sources' &&
        parseDocument(f.text)
          .toJS()
          ?.sources?.some((s: Source) => s.id === change.source.id),
    )
  )
    edits.push(addSource(files, dataDir, change.source));
  return edits;
}

function missionNode(doc: Document.Parsed, id: string): YAMLMap | undefined {
  const missions = doc.get('missions', true);
  if (!isSeq(missions)) return undefined;
  return missions.items.find((m): m is YAMLMap => isMap(m) && m.get('id') === id);
}

function mandateItems(mission: YAMLMap): YAMLSeq | undefined {
  const seq = mission.get('mandates', true);
  return isSeq(seq) ? seq : undefined;
}

function splice(text: string, start: number, end: number, value: string): string {
  return text.slice(0, start) + value + text.slice(end);
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
const nextLine = (text: string, offset: number) => {
  const nl = text.indexOf('\n', Math.max(0, offset - 1));
  return nl === -1 ? text.length : nl + 1;
};

/** A row as YAML lines ("- resolution: …"), dates in double quotes as the dataset writes them, at `indent`. */
export function renderItem(row: object, indent: number): string {
  const doc = new Document(row);
  for (const key of ['adopted', 'expires', 'panel_expires', 'date']) {
    const node = (doc.contents as YAMLMap).get(key, true);
    if (node instanceof Scalar) node.type = 'QUOTE_DOUBLE';
  }
  const lines = doc.toString({ lineWidth: 0 }).trimEnd().split('\n');
  const pad = ' '.repeat(indent);
  return `${lines.map((l, i) => `${pad}${i === 0 ? '- ' : '  '}${l}`).join('\n')}\n`;
}

const sortKey = (m: { adopted?: string | undefined; expires?: string | undefined }) =>
  `${m.adopted ?? ''}|${m.expires ?? ''}`;

/** Inserts the row among the mission's mandates so that the list stays in date order. */
function insertMandate(text: string, mission: YAMLMap, row: MandateRow): string {
  const seq = mandateItems(mission);
  if (!seq || seq.items.length === 0) {
    const first = mission.items[0]?.key as Scalar | undefined;
    const keyIndent = first?.range ? first.range[0] - lineStart(text, first.range[0]) : 4;
    const at = nextLine(text, mission.range![1]);
    return splice(text, at, at, `${' '.repeat(keyIndent)}mandates:\n${renderItem(row, keyIndent + 2)}`);
  }
  const items = seq.items.filter(isMap);
  const firstItem = items[0]!;
  const dash = lineStart(text, firstItem.range![0]);
  const indent = firstItem.range![0] - dash - 2;
  const later = items.find((m) => sortKey(m.toJSON() as MandateRow) > sortKey(row));
  const at = later ? lineStart(text, later.range![0]) : nextLine(text, items.at(-1)!.range![1]);
  return splice(text, at, at, renderItem(row, indent));
}

/** For a termination read of a running mission: its status becomes `ended`, with its end. */
function endMission(text: string, missionId: string, row: MandateRow): string {
  const mission = missionNode(parseDocument(text), missionId)!;
  const status = mission.get('status', true);
  let out = text;
  if (status instanceof Scalar && status.range) out = splice(out, status.range[0], status.range[1], 'ended');
  const again = missionNode(parseDocument(out), missionId)!;
  const first = again.items[0]?.key as Scalar;
  const indent = first.range![0] - lineStart(out, first.range![0]);
  const pad = ' '.repeat(indent);
  const end = [
    'end:',
    `  date: "${row.expires}"`,
    '  text: mandate terminated',
    '  texts: { fr: { text: fin du mandat } }',
    `  resolution: ${row.resolution}`,
    `  source: ${row.source}`,
  ];
  const at = nextLine(out, again.range![1]);
  return splice(out, at, at, `${end.map((l) => pad + l).join('\n')}\n`);
}

function addSource(files: DatasetFile[], dataDir: string, source: Source): FileEdit {
  const abs = path.join(dataDir, RELEASES_FILE);
  const existing = files.find((f) => f.abs === abs);
  const before = existing?.text ?? '';
  const head =
    before ||
    '# Sources added by `caac data import` from Security Council press releases (review, then commit).\nsources:\n';
  const body = head.endsWith('\n') ? head : `${head}\n`;
  return {
    abs,
    path: existing?.path ?? path.relative(process.cwd(), abs),
    role: 'sources',
    before,
    after: body + renderItem(source, 2),
  };
}
