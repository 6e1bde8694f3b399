// The `caac` command line, case by case through its `run()` in this process (test/cli/run-cli.ts); what only the
// built binary does (entry point, exit code, streams) is in cli-process.test.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { FOUNDING_FACTS, FOUNDING_NOW, squash } from '../support/founding-facts.js';
import { ROOT, runCli } from './run-cli.js';

const noTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('every fact of the founding document, through the CLI', () => {
  it.each(FOUNDING_FACTS.map((row) => [row.fact, row] as const))('%s', async (_fact, row) => {
    const r = await runCli([...row.command.split(' '), '--now', row.now ?? FOUNDING_NOW]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = squash(r.stdout);
    for (const e of row.expect) expect(text).toContain(squash(e));
    for (const a of row.absent ?? []) expect(text).not.toContain(squash(a));
  });
});

describe('caac <name>', () => {
  it('shows 29 days to 30 June 2021 on 1 June 2021', async () => {
    const r = await runCli(['mali', '--now', '2021-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('runs to 30 June 2021 — 29 days left');
  });

  it.each([
    ['mali', 'Mali — children and armed conflict'],
    ['MLI', 'Mali — children and armed conflict'],
    ['Mali ', 'Mali — children and armed conflict'],
    ['mlai', 'Mali — children and armed conflict'],
    ['MNLA', 'Mouvement national de libération de l’Azawad (MNLA) — Mali'],
    ['mnla', 'Mouvement national de libération de l’Azawad (MNLA) — Mali'],
    ['libération', 'Mouvement national de libération de l’Azawad (MNLA) — Mali'],
    ['liberation', 'Mouvement national de libération de l’Azawad (MNLA) — Mali'],
    ['mujao', 'Mouvement pour l’unification et le jihad en Afrique de l’Ouest (MUJAO) — Mali'],
    ['ansar dine', 'Ansar Eddine — Mali'],
    ['ansar edine', 'Ansar Eddine — Mali'],
    ['platform', 'Platform — Mali'],
  ])('%j resolves (exit 0)', async (name, title) => {
    const r = await runCli([name]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(title);
  });

  it('takes a name split over several arguments', async () => {
    const r = await runCli(['ansar', 'dine']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Ansar Eddine — Mali');
  });

  it('misses "narnia" with the countries covered and exit 1', async () => {
    const r = await runCli(['narnia']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('No country or party matches "narnia".');
    expect(r.stdout).toMatch(/The dataset covers: .*Mali/);
    expect(r.stdout).toContain('Try: ');
  });

  it('suggests Mali for "maly", exit 1', async () => {
    const r = await runCli(['maly']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('No country or party is called "maly". Did you mean Mali?\n\nTry: caac mali\n');
  });
});

describe('flags', () => {
  it('--json prints the answer model, flags anywhere', async () => {
    const r = await runCli(['--json', 'mali', '--now=2021-06-01']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout) as {
      kind: string;
      outcome: string;
      title: string;
      sections: Array<{ heading?: string; items: unknown[] }>;
    };
    expect(answer.kind).toBe('country');
    expect(answer.outcome).toBe('answered');
    expect(answer.title).toBe('Mali — children and armed conflict');
    expect(answer.sections.map((s) => s.heading)).toContain('Listed parties (2020 annual report)');
  });

  it('--json on a miss still exits 1', async () => {
    const r = await runCli(['narnia', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'no-match' });
  });

  it('--now accepts a date-time with an offset', async () => {
    // 23:30 at UTC-2 on 27 June is 28 June in UTC, the zone days are counted in.
    const r = await runCli(['renewals', 'mali', '--now', '2021-06-27T23:30:00-02:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('as of 28 June 2021 (UTC)');
    expect(r.stdout).toContain("MINUSMA's mandate expires (SCR 2531 (2020)) — 2 days left");
  });

  it.each([
    [['--bogus', 'mali'], 'unknown option --bogus'],
    [['mali', '--now'], '--now needs a date'],
    [['mali', '--now', 'yesterday'], '"yesterday" is not an ISO 8601 date'],
    [['mali', '--now', '2021-02-30'], 'is not an ISO 8601 date'],
    [['mali', '--data'], '--data needs a folder'],
    [['--json=yes', 'mali'], '--json takes no value'],
  ])('%j is bad usage: exit 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: caac');
    noTrace(r.stderr);
  });

  it('a malformed command is bad usage: exit 2, with its usage', async () => {
    const r = await runCli(['recs']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('recs <country>, e.g. recs mali');
  });

  it('reminder commands explain that reminders belong to a channel: exit 2', async () => {
    const r = await runCli(['remind', 'mali', '7d']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Reminders belong to a channel');
  });

  it('no text is help', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('caac: children and armed conflict, from a sourced dataset');
  });
});

describe('caac data', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A copy of data/ in a temp folder, with one edit to countries/mali.yaml; returns the folder and the edited line. */
  function brokenCopy(edit: (text: string) => { text: string; marker: string }): { cwd: string; lines: number[] } {
    const cwd = mkdtempSync(join(tmpdir(), 'caac-cli-'));
    dirs.push(cwd);
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    const file = join(cwd, 'data/countries/mali.yaml');
    const { text, marker } = edit(readFileSync(file, 'utf8'));
    writeFileSync(file, text);
    const lines = text.split('\n').flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
    expect(lines.length).toBeGreaterThan(0);
    return { cwd, lines };
  }

  it('check passes on data/', async () => {
    const r = await runCli(['data', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: .*countries/);
  });

  it('stale lists expired mandates on a given day', async () => {
    const r = await runCli(['data', 'stale', '--now', '2026-11-28']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Stale data on 2026-11-28');
    expect(r.stdout).toContain('MINUSCA');
  });

  it.each([
    [
      'a bad date',
      (t: string) => ({ text: t.replace('adopted: "2020-06-29"', 'adopted: "2020-06-31"'), marker: '2020-06-31' }),
      /is not a real calendar date|date/,
    ],
    [
      'an unknown code',
      (t: string) => ({ text: t.replace('codes: [a]\n', 'codes: [g]\n'), marker: 'codes: [g]' }),
      /code|"g"|expected/i,
    ],
    [
      'a duplicate id',
      (t: string) => ({ text: t.replace('  - id: ansar-eddine\n', '  - id: mujao\n'), marker: '- id: mujao' }),
      /duplicate|already|twice|more than once/i,
    ],
    [
      'a missing source',
      (t: string) => ({
        text: t.replace('source: un-press-sc-14235', 'source: nowhere-to-be-found'),
        marker: 'nowhere-to-be-found',
      }),
      /nowhere-to-be-found|source/,
    ],
  ])('check fails on %s with file:line, exit 2', async (_what, edit, message) => {
    const { cwd, lines } = brokenCopy(edit);
    for (const args of [
      ['data', 'check', '--data', 'data'],
      ['mali', '--data', 'data'],
    ]) {
      const r = await runCli(args, { cwd });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      // The problem names the file and a line the edit touched (for a duplicate, either of the two).
      const problem = r.stderr
        .split('\n')
        .find((l) => lines.some((line) => l.startsWith(`data/countries/mali.yaml:${line}: `)));
      expect(problem, r.stderr).toBeDefined();
      expect(problem).toMatch(message);
      noTrace(r.stderr);
    }
  });

  it('check fails on malformed YAML with file:line, exit 2', async () => {
    const { cwd } = brokenCopy((t) => ({ text: `${t}\nbroken: [unclosed\n`, marker: 'broken: [unclosed' }));
    const r = await runCli(['data', 'check', '--data', 'data'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^data\/countries\/mali\.yaml:\d+: /m);
    noTrace(r.stderr);
  });

  it('a missing folder is exit 2', async () => {
    const r = await runCli(['mali', '--data', '/nonexistent/caac-data']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such folder');
  });

  it('an unknown data command is bad usage', async () => {
    const r = await runCli(['data', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown data command');
  });
});

describe('no input makes the CLI throw (property, in process)', () => {
  it('always returns an exit code of 0, 1 or 2', async () => {
    const word = fc.oneof(
      fc.constantFrom(
        '--now',
        '--json',
        '--data',
        '--',
        'data',
        'check',
        'stale',
        'remind',
        'mali',
        'recs',
        'group',
        '2021-06-01',
        '--now=',
        '--x',
        '"',
        'at',
        'tz',
      ),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
        // Keep the property to the real dataset: a random --data folder would only test "no such folder".
        const safe = argv.map((a, i) => (argv[i - 1] === '--data' || a.startsWith('--data=') ? 'data' : a));
        const r = await run(safe);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      }),
      { numRuns: 60 },
    );
  });
});
