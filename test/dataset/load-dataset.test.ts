// Loading: the real data/ folder loads cleanly; each broken fixture fails at the right `file:line: field:`, all
// problems are reported at once, and a broken dataset is never returned in part.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, formatProblem, loadDataset, loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');
const rel = (p: string) => path.relative(process.cwd(), p);

async function problemsOf(dir: string): Promise<string[]> {
  const result = await loadDataset(dir);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(result).not.toHaveProperty('dataset');
  return result.problems.map(formatProblem);
}

describe('data/', () => {
  it('loads with no problem', async () => {
    const result = await loadDataset(defaultDataDir());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.files).toBeGreaterThan(10);
    expect(result.dataset.version).toMatch(/^[0-9a-f]{12}$/);
    expect(result.dataset.countries.get('mali')?.iso3).toBe('MLI');
    expect(result.dataset.parties.get('mnla')?.within[0]?.party).toBe('cma');
  });

  it('defaultDataDir() is the package data folder', () => {
    expect(defaultDataDir()).toBe(path.resolve(import.meta.dirname, '../../data'));
  });
});

describe('the minimal fixture', () => {
  it('loads, with defaults filled in and a version that depends on the content', async () => {
    const dir = path.join(fixtures, 'minimal');
    const result = await loadDataset(dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.files).toBe(4);
    expect(result.dataset.parties.get('group-two')?.acronyms).toEqual([]);
    const again = await loadDataset(dir);
    expect(again.ok && again.dataset.version).toBe(result.dataset.version);

    const copy = mkdtempSync(path.join(tmpdir(), 'caac-data-'));
    cpSync(dir, copy, { recursive: true });
    const file = path.join(copy, 'countries/testland.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Group Two', 'Group 2'));
    const changed = await loadDataset(copy);
    expect(changed.ok && changed.dataset.version).not.toBe(result.dataset.version);
  });
});

describe('broken fixtures fail with file:line: field: message', () => {
  const broken = (name: string) => path.join(fixtures, 'broken', name);
  const file = (name: string, sub = 'countries/testland.yaml') => rel(path.join(broken(name), sub));

  it('a date that is not a real day', async () => {
    const problems = await problemsOf(broken('bad-date'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(`${file('bad-date')}:29: missions[0].mandates[0].adopted: is not a real calendar date`);
  });

  it('an unknown violation code', async () => {
    const problems = await problemsOf(broken('unknown-code'));
    expect(problems).toEqual([
      `${file('unknown-code')}:13: parties[0].listings[0].codes[1]: must be one of a, b, c, d, e, f, not "g"`,
    ]);
  });

  it('a duplicate id across files names both places', async () => {
    const problems = await problemsOf(broken('duplicate-id'));
    expect(problems).toEqual([
      `${file('duplicate-id', 'countries/testland.yaml')}:15: parties[1].id: duplicate party id "group-two" (first defined at ${file('duplicate-id', 'countries/otherland.yaml')}:5)`,
    ]);
  });

  it('a party pointing at a missing source', async () => {
    const problems = await problemsOf(broken('missing-source'));
    expect(problems).toEqual([
      `${file('missing-source')}:19: parties[1].listings[0].source: unknown source "src-three" (no such id in data/sources/)`,
    ]);
  });

  it('malformed YAML, with its line', async () => {
    const problems = await problemsOf(broken('malformed-yaml'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`^${escapeYaml(file('malformed-yaml'))}:18: \\(yaml\\): `));
  });

  it('an unknown field, at the line of its key', async () => {
    const problems = await problemsOf(broken('unknown-field'));
    expect(problems).toEqual([
      `${file('unknown-field')}:11: parties[0].nickname: is not a known field (check the spelling, or see src/dataset/schema.ts)`,
    ]);
  });

  it('reports every problem of every file at once', async () => {
    const problems = await problemsOf(broken('many-problems'));
    expect(problems.map((p) => p.replace(/: [^:]*$/, ''))).toEqual([
      `${file('many-problems')}:13: parties[0].listings[0].codes[1]`,
      `${file('many-problems')}:26: missions[0].status`,
      `${file('many-problems')}:29: missions[0].mandates[0].adopted`,
      `${file('many-problems', 'events/global.yaml')}:6: events[0].source`,
    ]);
  });
});

describe('other problems', () => {
  const files = (text: string) => [
    {
      path: 'reference.yaml',
      role: 'reference' as const,
      text: readFileSync(path.join(fixtures, 'minimal/reference.yaml'), 'utf8'),
    },
    {
      path: 'sources.yaml',
      role: 'sources' as const,
      text: readFileSync(path.join(fixtures, 'minimal/sources/sources.yaml'), 'utf8'),
    },
    { path: 'x.yaml', role: 'country' as const, text },
  ];
  const problems = (text: string) => {
    const result = loadDatasetFromFiles(files(text));
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('a missing required field points at its parent', () => {
    expect(problems('country:\n  id: x\n  name: X\nparties:\n  - id: p\n    name: P\n')).toEqual([
      'x.yaml:5: parties[0].country: is required',
    ]);
  });

  it('a number where text is expected says to quote it', () => {
    expect(problems('country:\n  id: x\n  name: 1984\n')).toEqual([
      'x.yaml:3: country.name: must be text, not 1984 (put it in quotes: "1984")',
    ]);
  });

  it('references to missing countries, parties and missions', () => {
    const text = [
      'country:',
      '  id: x',
      '  name: X',
      '  action_plans:',
      '    - { parties: [nobody], date: "2017-03", text: plan, source: src-one }',
      'parties:',
      '  - id: p',
      '    country: y',
      '    name: P',
      '    within: [{ party: q, source: src-one }]',
      'missions:',
      '  - { id: m, kind: other, acronym: M, name: M, country: z, status: active }',
      'events:',
      '  - { id: e, date: "2020", kind: other, title: E, mission: nothing, source: src-one }',
    ].join('\n');
    expect(problems(text)).toEqual([
      'x.yaml:5: country.action_plans[0].parties[0]: unknown party "nobody"',
      'x.yaml:8: parties[0].country: unknown country "y"',
      'x.yaml:10: parties[0].within[0].party: unknown party "q"',
      'x.yaml:12: missions[0].country: unknown country "z"',
      'x.yaml:14: events[0].mission: unknown mission "nothing"',
    ]);
  });

  it('an empty file and a missing folder are problems, not exceptions', async () => {
    expect(problems('')).toEqual(['x.yaml:1: (file): must be a map, not nothing']);
    const result = await loadDataset(path.join(tmpdir(), 'caac-no-such-folder'));
    expect(result.ok).toBe(false);
  });
});

function escapeYaml(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('odd folders', () => {
  it('a folder where a data file should be is a problem', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'caac-data-'));
    cpSync(path.join(fixtures, 'minimal'), copy, { recursive: true });
    mkdirSync(path.join(copy, 'countries', 'odd.yaml'));
    expect(await problemsOf(copy)).toEqual([
      `${rel(path.join(copy, 'countries/odd.yaml'))}:1: (file): is a folder, not a file`,
    ]);
  });
});

describe('yaml faults found only when the value is built', () => {
  it('reports an alias to an anchor that is not set as a problem, not a crash', () => {
    const result = loadDatasetFromFiles([
      { path: 'data/countries/x.yaml', role: 'country', text: 'country:\n  id: x\n  name: *nowhere\n' },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.some((p) => p.file === 'data/countries/x.yaml' && p.field === '(yaml)')).toBe(true);
  });
});
