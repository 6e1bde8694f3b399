// Bounds on a dataset file, checked before and right after it is parsed, so that a hostile file (an alias bomb, a
// huge file, a cycle) is refused like any other invalid one instead of taking the process down. YAML aliases share
// a node; every reader after the parser (zod, the cross-checks, the indexes) walks the value as a tree, so ten
// nested anchors of ten aliases each become 10^10 nodes. Hence: a size cap, a small number of anchors and aliases
// (data/ uses none), and a budget on the nodes the aliases add once expanded.
import { Lexer } from 'yaml';

/** The limits a dataset file must keep. */
export interface YamlLimits {
  /** Bytes of one file (UTF-8). */
  maxFileBytes: number;
  /** Anchors (`&a`) and aliases (`*a`) in one file, each. */
  maxAliases: number;
  /** Nodes that aliases may add to a file once expanded (a scalar counts 1 per 64 characters). */
  maxExpandedNodes: number;
}

/** The limits applied unless a caller gives others: a generated country of 6,000 parties still fits. */
export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxAliases: 16,
  maxExpandedNodes: 10_000,
};

/** One bound a file breaks: where, and what to do about it. */
interface BoundProblem {
  line: number;
  field: string;
  message: string;
}

/** Aliases listed one by one before the rest are counted in one line. */
const LISTED = 10;

/** A cheap over-approximation: where an anchor or alias could start (node start, then a non-empty name). */
const MAYBE_ANCHOR_OR_ALIAS = /(?:^|[\s[{,:])[&*][^\s[\]{},]/;

/** What the text scan found: the bounds it breaks, and the line of the first alias (where an expansion starts). */
export interface TextScan {
  problems: BoundProblem[];
  aliasLine: number | undefined;
  /** Whether the text may hold an anchor or alias at all (a cheap over-approximation: then check the value too). */
  maybeAliases: boolean;
}

/** The size, anchor and alias bounds, checked on the text before any parser expands it. */
export function scanYamlText(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): TextScan {
  // UTF-16 length bounds the byte count from below and costs nothing; count bytes only near the cap.
  if (text.length > limits.maxFileBytes / 3) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxFileBytes) {
      const message = tooBigMessage(bytes, limits);
      return { problems: [{ line: 1, field: '(file)', message }], aliasLine: undefined, maybeAliases: false };
    }
  }
  if (!MAYBE_ANCHOR_OR_ALIAS.test(text)) return { problems: [], aliasLine: undefined, maybeAliases: false };
  const { anchors, aliases } = anchorsAndAliases(text);
  const lineOf = lineCounter(text);
  const problems: BoundProblem[] = [];
  for (const [kind, found] of [
    ['alias', aliases],
    ['anchor', anchors],
  ] as const) {
    if (found.length <= limits.maxAliases) continue;
    for (const { offset, source } of found.slice(0, LISTED)) {
      problems.push({
        line: lineOf(offset),
        field: '(yaml)',
        message: `${source}: ${kind === 'alias' ? 'aliases' : 'anchors'} are not allowed here (this file has ${found.length}, at most ${limits.maxAliases} may be used): write the value out`,
      });
    }
    const rest = found.length - LISTED;
    if (rest > 0) {
      problems.push({
        line: lineOf(found[LISTED]!.offset),
        field: '(yaml)',
        message: `and ${rest} more ${kind === 'alias' ? 'aliases' : 'anchors'} from here on`,
      });
    }
  }
  return { problems, aliasLine: aliases[0] ? lineOf(aliases[0].offset) : undefined, maybeAliases: true };
}

/** The lexer's own markers (document start, flow error end, scalar): they take no room in the text. */
const CONTROL = new Set(['\x02', '\x18', '\x1F']);

/** The anchors and aliases of a text, as the yaml package's lexer sees them (linear, nothing expanded). */
function anchorsAndAliases(text: string): {
  anchors: Array<{ offset: number; source: string }>;
  aliases: Array<{ offset: number; source: string }>;
} {
  const anchors: Array<{ offset: number; source: string }> = [];
  const aliases: Array<{ offset: number; source: string }> = [];
  let offset = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    // The lexer announces a scalar's text with \x1F; that text may start with * or & ("*bold*") without being one.
    if (!scalarNext && token.length > 1) {
      if (token[0] === '*') aliases.push({ offset, source: shorten(token) });
      else if (token[0] === '&') anchors.push({ offset, source: shorten(token) });
    }
    // Control tokens (the document, flow-end and scalar markers) are not in the text; a scalar's text always is.
    if (scalarNext || !CONTROL.has(token)) offset += token.length;
    scalarNext = token === '\x1F';
  }
  return { anchors, aliases };
}

function shorten(source: string): string {
  return source.length > 40 ? `${source.slice(0, 40)}…` : source;
}

/** 1-based line of an offset, counting newlines once for all the lookups of one text. */
function lineCounter(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The problem of a file over the size cap. */
export function tooBigMessage(bytes: number, limits: YamlLimits): string {
  return `is ${size(bytes)}, over the ${size(limits.maxFileBytes)} a dataset file may hold (split it)`;
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

/**
 * The bound on a parsed value: the nodes its shared parts (aliases) add once expanded, counted without expanding
 * (each shared object is counted once, then reused), and no cycle (`&a [*a]`). Linear in the distinct objects.
 */
export function valueBoundProblem(value: unknown, limits: YamlLimits = DEFAULT_YAML_LIMITS): string | undefined {
  const expanded = new Map<object, number>();
  const open = new Set<object>();
  let distinct = 0;
  let cycle = false;
  let over = false;
  // An explicit stack: a deeply nested file must not overflow the call stack here.
  const stack: Array<{ node: object; children: unknown[]; i: number; total: number }> = [];
  const enter = (node: object): number | undefined => {
    const known = expanded.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) {
      cycle = true;
      return 0;
    }
    open.add(node);
    stack.push({ node, children: Array.isArray(node) ? node : Object.values(node), i: 0, total: 1 });
    return undefined;
  };
  let result = typeof value === 'object' && value !== null ? enter(value) : 0;
  while (stack.length > 0 && !cycle) {
    const top = stack.at(-1)!;
    if (top.i < top.children.length) {
      const child = top.children[top.i++];
      if (typeof child === 'object' && child !== null) {
        const known = enter(child);
        if (known !== undefined) top.total += known;
      } else {
        const w = leafWeight(child);
        top.total += w;
        distinct += w;
      }
      continue;
    }
    stack.pop();
    open.delete(top.node);
    expanded.set(top.node, top.total);
    distinct += 1;
    const parent = stack.at(-1);
    if (parent) parent.total += top.total;
    else result = top.total;
    // Stop early once the expansion is clearly over budget (an alias bomb's totals grow geometrically).
    // (A lower bound of the final figure: every node counted in `distinct` appears at least once in the expansion.)
    if (top.total - distinct > limits.maxExpandedNodes) {
      over = true;
      break;
    }
  }
  if (cycle) return 'an alias refers to a node that contains it (a cycle): write the value out';
  const added = Math.max(0, (result ?? 0) - distinct);
  if (over || added > limits.maxExpandedNodes)
    return `aliases here would add more than ${limits.maxExpandedNodes.toLocaleString('en-GB')} nodes once expanded: write the values out`;
  return undefined;
}

function leafWeight(leaf: unknown): number {
  return typeof leaf === 'string' ? 1 + (leaf.length >> 6) : 1;
}
