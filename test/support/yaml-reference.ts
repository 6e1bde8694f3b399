// What the yaml package (the reference reader) makes of a text, for the tests that hold the fast reader to it.
import { parseDocument } from 'yaml';
import { CountryFile } from '../../src/dataset/schema.js';

/** What the yaml package makes of a text: its value, or 'error'. */
export function reference(text: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return 'error';
  try {
    return doc.toJS();
  } catch {
    return 'error'; // e.g. an alias whose anchor is not set: the loader reports it as a problem
  }
}

/** Values as the schema sees them (-0 and 0 are the same number to a dataset). */
export function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

/** Whether the country schema accepts a value: what matters on a malformed text is the same verdict, not the same garbage. */
export function verdict(value: unknown): boolean {
  return CountryFile.safeParse(value).success;
}
