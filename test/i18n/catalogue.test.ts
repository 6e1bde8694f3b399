// The catalogue's promises, kept by a machine: every message in every language, each a valid ICU message with the
// same placeholders in every language, and every id used somewhere in src/ (an unused one is dead text to translate).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/catalogue.js';
import { LANGS, LOCALES } from '../../src/i18n/lang.js';

const root = new URL('../../', import.meta.url).pathname;
const ids = Object.keys(catalogue) as (keyof typeof catalogue)[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The placeholder names of an ICU message, from its parsed form. A `select` only chooses wording (French says
 * "au 30 juin" but "en juin"), so a language may use one the others do not need; every value shown must be in all.
 */
function placeholders(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as { type: number; value?: unknown; options?: Record<string, { value: unknown }> }[]) {
      // Type 0 is literal text, 5 a select and 7 the "#" of a plural; every other node shows an argument.
      if (node.type !== 0 && node.type !== 5 && node.type !== 7 && typeof node.value === 'string')
        names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

describe('the message catalogue', () => {
  it('holds messages', () => {
    expect(ids.length).toBeGreaterThan(20);
  });

  it('has every message in every language, none empty', () => {
    const missing = ids.flatMap((id) =>
      LANGS.filter((lang) => !(catalogue[id] as Record<string, string>)[lang]?.trim()).map((lang) => `${id} (${lang})`),
    );
    expect(missing).toEqual([]);
  });

  it('parses every message as ICU, with the same placeholders in every language', () => {
    const mismatched = ids.filter((id) => {
      const [first, ...others] = LANGS.map((lang) => placeholders(catalogue[id][lang], LOCALES[lang]).join(','));
      return others.some((p) => p !== first);
    });
    expect(mismatched).toEqual([]);
  });

  it('keeps apostrophes from being read as ICU quoting', () => {
    // French uses the typographic apostrophe (’) throughout; an ASCII one before { } or # would swallow text.
    const french = ids.filter((id) => catalogue[id].fr.includes("'"));
    const quoting = ids.filter((id) => LANGS.some((lang) => /'[{}#|']/.test(catalogue[id][lang])));
    expect({ french, quoting }).toEqual({ french: [], quoting: [] });
  });

  it('has no id that nothing in src/ uses', () => {
    const catalogueDir = join(root, 'src/i18n/catalogue');
    const text = sourceFiles(join(root, 'src'))
      .filter((f) => !f.startsWith(catalogueDir))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = ids.filter((id) => !text.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });

  it('takes each id from exactly one area, and every area is in it', async () => {
    // The areas are spread into one object: an id written in two files would silently keep only the later text.
    const dir = join(root, 'src/i18n/catalogue');
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'entry.ts')) {
      const area = Object.values(await import(join(dir, file)))[0] as Record<string, unknown>;
      for (const [id, entry] of Object.entries(area)) {
        if (owner.has(id)) twice.push(`${id}: ${owner.get(id)} and ${file}`);
        owner.set(id, file);
        expect(catalogue[id as keyof typeof catalogue], `${file}: ${id}`).toBe(entry);
      }
    }
    expect(twice).toEqual([]);
    expect(owner.size).toBe(ids.length);
  });

  it('is split in areas of at most 300 lines', () => {
    const long = sourceFiles(join(root, 'src/i18n'))
      .filter((f) => readFileSync(f, 'utf8').split('\n').length > 300)
      .map((f) => relative(root, f));
    expect(long).toEqual([]);
  });
});
