// A dataset file being loaded, with what locating its problems needs: the yaml package's Document (source ranges)
// is read only when a problem has to be located, or when js-yaml refused the file.
import { isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { fieldName } from './data-problem.js';
import type { DataProblem, PathKey } from './data-problem.js';

/** A dataset file given as text, for loading from memory (tests, benchmarks); `path` is what problems will name. */
export interface DataFile {
  path: string;
  /** Where it sits in the dataset: decides which schema applies. */
  role: 'reference' | 'sources' | 'country' | 'events';
  text: string;
}

/** A parsed file, kept until the cross-checks are done so that their problems can be located too. */
export class ParsedFile {
  private lineCounter = new LineCounter();
  private parsedDoc: Document.Parsed | undefined;
  constructor(readonly file: DataFile) {}
  /** The yaml package's document, with source ranges: read only when needed (errors, or outside the fast subset). */
  get doc(): Document.Parsed {
    if (!this.parsedDoc) {
      // Each parse error is an Error: on a hostile file (100,000 stray quotes) capturing their stack traces, and
      // "pretty" errors quoting their context, took most of a minute. Neither is shown: only the message and line.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        // logLevel 'error': the yaml package would print its warnings (a map used as a key) to stderr, outside the logs.
        this.parsedDoc = parseDocument(this.file.text, {
          lineCounter: this.lineCounter,
          prettyErrors: false,
          logLevel: 'error',
        });
      } finally {
        Error.stackTraceLimit = limit;
      }
    }
    return this.parsedDoc;
  }
  lineAt(offset: number): number {
    return this.lineCounter.linePos(offset).line;
  }
  /** The deepest node on `at`, and whether the whole path exists. */
  locate(at: readonly PathKey[]): { node: YamlNode | null; exact: boolean } {
    let node: unknown = this.doc.contents;
    let found = 0;
    for (const key of at) {
      if (!isCollection(node)) break;
      const child: unknown = node.get(key, true);
      if (!isNode(child)) break;
      node = child;
      found++;
    }
    return { node: isNode(node) ? node : null, exact: found === at.length };
  }
  lineOf(at: readonly PathKey[]): number {
    const { node } = this.locate(at);
    return node?.range ? this.lineAt(node.range[0]) : 1;
  }
  /** The line of a key inside the map at `at` (for unknown fields, whose node is the key itself). */
  lineOfKey(at: readonly PathKey[], key: string): number {
    const { node, exact } = this.locate(at);
    if (exact && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key;
      if (isNode(keyNode) && keyNode.range) return this.lineAt(keyNode.range[0]);
    }
    return this.lineOf(at);
  }
  problem(at: readonly PathKey[], message: string, line = this.lineOf(at)): DataProblem {
    return { file: this.file.path, line, field: fieldName(at), message };
  }
}

function valueAt(root: unknown, at: readonly PathKey[]): unknown {
  let v: unknown = root;
  for (const key of at) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[key];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** One zod issue as editor-facing problems, each at the line of the offending node. */
export function issueToProblems(pf: ParsedFile, js: unknown, issue: z.core.$ZodIssue): DataProblem[] {
  const at = issue.path.filter((k): k is PathKey => typeof k === 'string' || typeof k === 'number');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      pf.problem(
        [...at, key],
        'is not a known field (check the spelling, or see src/dataset/schema.ts)',
        pf.lineOfKey(at, key),
      ),
    );
  }
  const value = valueAt(js, at);
  const { exact } = pf.locate(at);
  if (issue.code === 'invalid_type' && (value === undefined || !exact)) return [pf.problem(at, 'is required')];
  if (issue.code === 'invalid_type') {
    const hint =
      issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
        ? ` (put it in quotes: "${String(value)}")`
        : '';
    return [pf.problem(at, `must be ${article(issue.expected)}, not ${describe(value)}${hint}`)];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => String(v)).join(', ');
    return [pf.problem(at, `must be one of ${options}, not ${describe(value)}`)];
  }
  const shown = value !== undefined && (typeof value !== 'object' || value === null) ? ` (${describe(value)})` : '';
  return [pf.problem(at, `${issue.message}${shown}`)];
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    array: 'a list',
    object: 'a map',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}
