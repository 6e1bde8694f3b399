// The one shape every dataset problem takes, `file:line: field: message`, and the helpers that build and order it.

/** One thing wrong with the dataset, located to the line an editor has to change. */
export interface DataProblem {
  /** The file, relative to the current directory (e.g. data/countries/mali.yaml). */
  file: string;
  /** 1-based line. */
  line: number;
  /** The dotted path inside the file, e.g. `parties[2].listings[0].codes[1]`; `(file)` for the file as a whole. */
  field: string;
  message: string;
}

/** A step of a path inside a file: a map key or a list index. */
export type PathKey = string | number;

/** `file:line: field: message`, the one-line form `caac data check` prints. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** `parties[2].listings[0].codes[1]` from a path; `(file)` for the root. */
export function fieldName(at: readonly PathKey[]): string {
  let out = '';
  for (const key of at) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? '(file)' : out;
}

/** Problems by file, then line: the order an editor works through them. */
export function sortProblems(problems: DataProblem[]): DataProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** The first line of a (parser's) message, trimmed. */
export function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
