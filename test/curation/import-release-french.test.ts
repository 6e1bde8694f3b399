// `caac --lang fr data import …`: what the importer read, could not read, inferred and did, in French; the data it
// writes stays English (the dataset's language), and English stays the default.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { type ScratchDataset, scratchDataset, withoutMandate } from '../support/scratch-dataset.js';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/releases', name);

let data: ScratchDataset | undefined;
afterEach(async () => {
  await data?.remove();
  data = undefined;
});

// English words the importer used to print; none may be left in a French report (release text and ids aside).
const ENGLISH =
  /\b(Read|kind|body|adopted|expires|not read|see below|Could not|Nothing written|Inferred|Result|nearest|is not|has no year|already recorded|written|the dataset)\b/;

describe('caac --lang fr data import', () => {
  it('refuses in French, saying what it read and what it could not, and writes nothing', async () => {
    data = await scratchDataset();
    const before = await data.snapshot();
    const r = await run([
      '--lang',
      'fr',
      'data',
      'import',
      fixture('fr-refused-yemen-sanctions.txt'),
      '--data',
      data.dir,
      '--write',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Lu\u00a0: \S+ \(en français\)\n {2}nature\u00a0: renouvellement des sanctions\n/);
    expect(r.stderr).toContain('  résolution\u00a0: non lu (voir ci-dessous)');
    expect(r.stderr).toContain('Ce qui n’a pas pu être lu avec certitude\u00a0:');
    expect(r.stderr).toContain(
      'aucun numéro de résolution adoptée n’est donné (seulement mentionnées\u00a0: 2140 (2014))',
    );
    expect(r.stderr).toContain('ne concerne ce pays (Yémen) (les plus proches\u00a0: UNMHA)');
    expect(r.stderr).toMatch(/Rien n’a été écrit\.\n$/);
    expect(r.stderr.replace(/https?:\/\/\S+/g, '')).not.toMatch(ENGLISH);
    expect(await data.snapshot()).toEqual(before);
  });

  it('says in French when a date has no year to infer from, and when a release cannot be read', async () => {
    const noYear = await run(['--lang', 'fr', 'data', 'import', fixture('en-rollover-unmiss-2778.txt')]);
    expect(noYear.code).toBe(1);
    expect(noYear.stderr).toContain('« 9 May » n’a pas d’année, et aucune date d’adoption n’a été lue pour la déduire');
    const oneYear = await run(['--lang', 'fr', 'data', 'import', fixture('fr-refused-minusca-one-year.txt')]);
    expect(oneYear.stderr).toContain('l’échéance n’est donnée que sous la forme « d');
    const missing = await run(['data', 'import', '/nonexistent/release.txt', '--lang', 'fr']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'caac data import\u00a0: /nonexistent/release.txt\u00a0: lecture impossible (ENOENT)\nRien n’a été écrit.\n',
    );
  });

  it('reports an import and an inferred year in French, and writes the dataset’s note in English', async () => {
    data = await scratchDataset();
    await data.edit('countries/sudan.yaml', (t) =>
      withoutMandate(t, '2715 (2023)')
        .replace(/(id: unitams[\s\S]*?status: )closed/, '$1active')
        .replace(/\n {4}end:\n(?: {6}.*\n)+/, '\n'),
    );
    const args = ['data', 'import', fixture('en-termination-unitams-2715.txt'), '--data', data.dir];
    const dry = await run(['--lang', 'fr', ...args]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'Déduit\u00a0: adoption « Friday December 1st »\u00a0: l’année (2023) est déduite de la ligne de date (2023-12-04)',
    );
    expect(dry.stdout).toContain(
      'Résultat\u00a0: une nouvelle ligne de mandat\u202f; rien n’a été écrit\u00a0: relancez avec --write pour l’appliquer.',
    );
    const wet = await run(['--lang', 'fr', ...args, '--write']);
    expect(wet.stdout).toContain('Résultat\u00a0: écrit (une nouvelle ligne de mandat)');
    expect(await data.read('countries/sudan.yaml')).toContain(
      'note: \'Imported: adopted "Friday December 1st": the year (2023) is inferred from the date line (2023-12-04).\'',
    );
    // The row carries its French (texts: { fr }), so French answers show no English left by the import.
    const sudan = await data.read('countries/sudan.yaml');
    expect(sudan).toContain('summary: Terminates the mandate as of 2023-12-03.');
    expect(sudan).toContain('summary: Met fin au mandat le 2023-12-03.');
    expect(sudan).toContain('texts: { fr: { text: fin du mandat } }');
    const brief = await run(['--lang', 'fr', '--now', '2026-12-05', '--data', data.dir, 'unitams']);
    expect(brief.code, brief.stderr).toBe(0);
    expect(brief.stdout).toContain('Met fin au mandat le 2023-12-03.');
    expect(brief.stdout).not.toContain('(en anglais)');
    const again = await run(['--lang', 'fr', ...args]);
    expect(again.stdout).toContain('Résultat\u00a0: déjà enregistré\u00a0: rien à modifier.');
  });

  it('keeps English by default', async () => {
    const r = await run(['data', 'import', fixture('en-rollover-unmiss-2778.txt')]);
    expect(r.stderr).toMatch(/^Read \S+ \(English\):\n {2}kind: rollover\n/);
    expect(r.stderr).toContain('"9 May" has no year, and no adoption date was read to infer it from');
    expect(r.stderr).toMatch(/Could not read safely:\n[\s\S]*Nothing written\.\n$/);
  });
});
