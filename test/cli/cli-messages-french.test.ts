// The command line's own messages in the `--lang` chosen: bad flags and unknown commands with the usage, the inner
// problems of a command (lead times, date-times), and the search box's suggestions. English stays the default.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { createCore } from '../../src/core/create-core.js';
import { fixedClock } from '../../src/core/clock.js';
import { defaultDataDir, loadDataset } from '../../src/dataset/load-dataset.js';

describe('caac --lang fr: usage errors', () => {
  const cases: [string[], string][] = [
    [['--lang', 'fr', '--bogus', 'mali'], 'caac\u00a0: option inconnue\u00a0: --bogus'],
    [['mali', '--json=yes', '--lang=fr'], 'caac\u00a0: --json ne prend pas de valeur'],
    [
      ['--lang', 'fr', 'mali', '--now', 'hier'],
      '--now\u00a0: « hier » n’est pas une date ou une date et heure ISO 8601',
    ],
    [['--lang', 'fr', 'mali', '--now'], '--now demande une date, par exemple --now 2021-06-01'],
    [['--lang', 'fr', 'mali', '--data'], '--data demande un dossier, par exemple --data ./data'],
    [['--lang', 'fr', 'mali', '--write'], 'caac\u00a0: --write ne sert qu’avec `data import`'],
    [['--lang', 'fr', 'data', 'frob'], 'caac\u00a0: commande data inconnue\u00a0: « frob »'],
    [['--lang', 'fr', 'secrets', 'frob'], 'caac\u00a0: commande secrets inconnue\u00a0: « frob »'],
  ];
  it.each(cases)('%j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('syntaxe\u00a0: caac [--now <date ou date et heure ISO>]');
    expect(r.stderr).toContain('Les options peuvent figurer n’importe où.');
    expect(r.stderr).not.toMatch(/\b(usage|unknown|needs|takes no value|Flags may)\b/);
  });

  it('says an unknown language in English, since it cannot be spoken, and in French after --lang fr', async () => {
    const de = await run(['--lang', 'de', 'mali']);
    expect(de.stderr).toContain('caac: --lang: "de" is not a language caac speaks; available: en, fr\nusage: caac');
    const twice = await run(['--lang', 'fr', 'mali', '--lang', 'xx']);
    expect(twice.stderr).toContain('--lang\u00a0: caac ne parle pas « xx »\u202f; langues disponibles\u00a0: en, fr');
  });

  it('says that an invalid dataset was not loaded in French, for an answer and for `data stale`', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'caac-empty-data-'));
    try {
      for (const words of [['mali'], ['data', 'stale']]) {
        const r = await run(['--lang', 'fr', '--data', empty, ...words]);
        expect(r.code, words.join(' ')).toBe(2);
        expect(r.stderr, words.join(' ')).toContain('1 problème\u00a0: le jeu de données n’a pas été chargé');
        expect(r.stderr, words.join(' ')).not.toContain('the dataset was not loaded');
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('keeps English by default', async () => {
    const r = await run(['--bogus']);
    expect(r.stderr).toMatch(/^caac: unknown option --bogus\nusage: caac \[--now <ISO date or date-time>\]/);
  });

  it('says what is wrong inside a command in French: lead times and date-times', async () => {
    const cases: [string, string][] = [
      ['remind mali 400d', '400d, c’est trop loin\u00a0: les délais vont jusqu’à 365d.'],
      ['remind "x" at 2026-12-03T09:30:00', '« 2026-12-03T09:30:00 » n’indique pas de décalage UTC'],
      ['remind "x" at tomorrow', '« tomorrow » n’est pas une date et heure ISO 8601'],
      ['remind "x" at 2026-02-30T09:30:00Z', '« 2026-02-30T09:30:00Z » n’est pas une date et heure qui existe'],
    ];
    for (const [text, message] of cases) {
      const r = await run(['--lang', 'fr', ...text.split(' ')]);
      expect(r.code, text).toBe(2);
      expect(r.stdout, text).toContain(message);
    }
    const en = await run(['remind', 'mali', '400d']);
    expect(en.stdout).toContain('400d is too far ahead: lead times go up to 365d.');
  });
});

describe('core.suggest in French (the Teams search box)', () => {
  it('names countries in French and says what each suggestion is in French', async () => {
    const loaded = await loadDataset(defaultDataDir());
    if (!loaded.ok) throw new Error('data/ does not load');
    const dataset = loaded.dataset;
    const core = createCore({ dataset: () => dataset, clock: fixedClock(new Date('2026-12-05T00:00:00Z')) });
    const [drc] = core.suggest('rdc', 'fr');
    expect(drc).toMatchObject({ title: 'République démocratique du Congo', subtitle: 'Pays' });
    const mnla = core.suggest('mnla', 'fr').find((s) => s.title.includes('Azawad'));
    expect(mnla?.subtitle).toBe('Partie au conflit · Mali');
    expect(core.suggest('mnla').find((s) => s.title.includes('Azawad'))?.subtitle).toBe('Party to conflict · Mali');
    expect(core.suggest('rdc')[0]).toMatchObject({ title: 'Democratic Republic of the Congo', subtitle: 'Country' });
  });
});
