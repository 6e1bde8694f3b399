// The layering of STYLE.md, checked by a machine: the core knows no platform, and botbuilder (archived by Microsoft in
// December 2025) is imported only inside the Teams adapter folder, so that replacing it touches that folder alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => (m[1] ?? m[2])!);
}

const all = sourceFiles(join(root, 'src')).map((file) => ({ file: relative(root, file), imports: importsOf(file) }));

describe('module boundaries', () => {
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it('keeps the core, the dataset and the renderers free of platforms, SDKs and database drivers', () => {
    // @slack/types is types only (Block Kit shapes), so a renderer may use it; the SDKs that talk to Slack may not.
    const forbidden =
      /^(botbuilder|botframework-|@slack\/(?!types)|pg$|better-sqlite3|kysely)|\/platforms\/|\/storage\/|\/reminders\//;
    const offenders = all
      .filter(({ file }) => /^src\/(core|dataset|render)\//.test(file))
      .flatMap(({ file, imports }) => imports.filter((i) => forbidden.test(i)).map((i) => `${file} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('imports botbuilder only inside src/platforms/teams/', () => {
    const offenders = all
      .filter(({ file }) => !file.startsWith('src/platforms/teams/'))
      .flatMap(({ file, imports }) =>
        imports.filter((i) => /^(botbuilder|botframework-)/.test(i)).map((i) => `${file} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });

  it('imports Bolt and the Slack SDKs only inside src/platforms/slack/', () => {
    const offenders = all
      .filter(({ file }) => !file.startsWith('src/platforms/slack/'))
      .flatMap(({ file, imports }) =>
        imports.filter((i) => /^@slack\/(?!types)/.test(i)).map((i) => `${file} imports ${i}`),
      );
    expect(offenders).toEqual([]);
  });
});
