// Reading the words after a command's first word: a name as typed, or what is missing. Used by the registry's readers.
import type { Command } from '../command.js';
import type { Reading } from './command-registry.js';

/** A name as typed, minus surrounding quotes and trailing punctuation ("mali?" -> "mali"). */
export function cleanQuery(text: string): string {
  return text
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/[?!.,;:]+$/, '')
    .trim();
}

/** The command made from a required name, or "say which country" when there is none. */
export function requireQuery(
  rest: string,
  kind: 'group' | 'recs' | 'figures' | 'sources',
  make: (query: string) => Command,
): Reading {
  const query = cleanQuery(rest);
  if (query) return make(query);
  const what = kind === 'group' ? 'party' : 'country';
  return { problem: `Say which ${what}: \`${kind} <${what}>\`.` };
}
