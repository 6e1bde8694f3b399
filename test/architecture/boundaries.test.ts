// The layering of STYLE.md, checked by a machine and generated from one table (test/architecture/layers.ts): every
// file of src/ belongs to a layer; for every ordered pair of layers, the first imports the second only if the table
// allows it; each layer imports only its packages; the arrows are one-way; and docs/ARCHITECTURE.md shows the table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAYERS, type LayerName } from './layers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const names = Object.keys(LAYERS) as LayerName[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

/** The layer of a file: the table entry whose path is the file or the longest folder holding it. */
function layerOf(file: string): LayerName | undefined {
  let best: LayerName | undefined;
  for (const name of names) {
    const path = LAYERS[name].path;
    const holds = path.endsWith('/') ? file.startsWith(path) : file === path;
    if (holds && (!best || path.length > LAYERS[best].path.length)) best = name;
  }
  return best;
}

/** An npm specifier's package name (`@scope/name/sub` → `@scope/name`); Node built-ins stay whole (`node:fs`). */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

interface Import {
  file: string;
  from: LayerName | undefined;
  specifier: string;
  /** The layer of a relative import's target; undefined for a package. */
  to: LayerName | undefined;
}

/** Every import of a file, static, `export … from`, `import type` and dynamic alike, read by TypeScript's scanner. */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName: specifier }) => {
    const target = specifier.startsWith('.') ? normalize(join(dirname(file), specifier)).replace(/\.js$/, '.ts') : '';
    return { file, from: layerOf(file), specifier, to: target ? layerOf(target) : undefined };
  });
}

const files = sourceFiles(join(root, 'src'));
const imports = files.flatMap(importsOf);

describe('the layer table', () => {
  it('places every source file in exactly one layer', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('names only layers that hold files', () => {
    expect(names.filter((n) => !files.some((f) => layerOf(f) === n))).toEqual([]);
  });

  it('points one way: no layer reaches itself through the arrows', () => {
    const reachable = (from: LayerName): Set<LayerName> => {
      const seen = new Set<LayerName>();
      const walk = (n: LayerName): void => {
        for (const next of LAYERS[n].mayImport)
          if (!seen.has(next)) {
            seen.add(next);
            walk(next);
          }
      };
      walk(from);
      return seen;
    };
    expect(names.filter((n) => reachable(n).has(n))).toEqual([]);
  });

  it.each([
    ['botbuilder and botframework-*', /^(botbuilder|botframework-)/, ['teams']],
    ['@slack/*', /^@slack\//, ['slack']],
    ['the database drivers', /^(pg|better-sqlite3)$/, ['storage']],
  ] as const)('allows %s in one layer only', (_what, pattern, owners) => {
    const holders = names.filter((n) => LAYERS[n].packages.some((p) => pattern.test(p)));
    expect(holders).toEqual(owners);
  });

  it('is the table docs/ARCHITECTURE.md shows', () => {
    // Cells compared trimmed, so the formatter may pad the columns; the separator row is left out.
    const cells = (line: string) => line.split('|').map((cell) => cell.trim());
    const rows = (lines: readonly string[]) => lines.filter((l) => !/^\|[\s|:-]+\|$/.test(l)).map(cells);
    const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8').split('\n');
    const start = doc.findIndex((l) => /^\|\s*layer\s*\|/.test(l));
    const end = doc.findIndex((l, i) => i > start && !l.startsWith('|'));
    expect(rows(doc.slice(start, end)), 'the layer table in docs/ARCHITECTURE.md').toEqual(
      rows(layerTableMarkdown().split('\n')),
    );
  });
});

describe('imports between layers', () => {
  const pairs = names.flatMap((from) => names.filter((to) => to !== from).map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const found = imports.filter((i) => i.from === from && i.to === to);
    if (LAYERS[from].mayImport.includes(to)) return;
    expect(found.map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
  });

  it('resolves every relative import to a layer', () => {
    const lost = imports.filter((i) => i.specifier.startsWith('.') && !i.to);
    expect(lost.map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
  });
});

describe('packages each layer imports', () => {
  it.each(names)('%s', (name) => {
    const allowed = LAYERS[name].packages;
    const ok = (pkg: string) => allowed.includes(pkg) || (pkg.startsWith('node:') && allowed.includes('node:*'));
    const offenders = imports
      .filter((i) => i.from === name && !i.specifier.startsWith('.') && !ok(packageOf(i.specifier)))
      .map((i) => `${i.file} imports ${i.specifier}`);
    expect(offenders).toEqual([]);
  });
});

/** The table as docs/ARCHITECTURE.md shows it. */
function layerTableMarkdown(): string {
  const rows = names.map((n) => {
    const { path, role, mayImport, packages } = LAYERS[n];
    const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : '—');
    const code = (xs: readonly string[]) => list(xs.map((x) => `\`${x}\``));
    return `| ${n} | \`${path}\` | ${role} | ${list(mayImport)} | ${code(packages)} |`;
  });
  return ['| layer | path | role | may import | packages |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
