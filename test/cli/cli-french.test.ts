// `npx caac --lang fr …`: answers in French, renderer labels included; an unknown language is bad usage (exit 2).
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';

describe('caac --lang', () => {
  it('answers codes in French, with the UN’s French names and the source’s English quoted as such', async () => {
    const r = await run(['--lang', 'fr', 'codes', '--now', '2026-12-05']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Codes et symboles des annexes du rapport du Secrétaire général');
    expect(r.stdout).toContain(
      'a  Recrutement et utilisation d’enfants — « Parties that recruit and use children » (en anglais)',
    );
    expect(r.stdout).toContain('b  Meurtres et mutilations d’enfants');
    expect(r.stdout).toContain('c  Viols et autres formes de violence sexuelle contre des enfants');
    expect(r.stdout).toContain('d  Attaques contre des écoles ou des hôpitaux');
    expect(r.stdout).toContain('e  Enlèvements d’enfants');
    expect(r.stdout).toContain('f  Refus d’accès humanitaire');
    expect(r.stdout).toContain('situation en juin 2021');
    expect(r.stdout).toContain('Voir aussi\u00a0: caac help');
    expect(r.stdout).not.toMatch(/\b(as of|More|Source:)\b/);
  });

  it('accepts --lang=fr and a region (fr-FR), and keeps English the default', async () => {
    expect((await run(['--lang=fr-FR', 'codes'])).stdout).toContain('Symboles');
    const en = await run(['codes']);
    expect(en.stdout).toContain("Codes and markers of the Secretary-General's annexes");
    expect(en.stdout).toContain('a  Parties that recruit and use children');
  });

  it('refuses an unknown language with exit 2, naming those available', async () => {
    const r = await run(['--lang', 'de', 'mali']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"de" is not a language caac speaks; available: en, fr');
    const none = await run(['mali', '--lang']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('available: en, fr');
  });

  it('gives the answer model its language with --json', async () => {
    const r = await run(['--json', '--lang', 'fr', 'codes']);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'codes', lang: 'fr', title: expect.stringContaining('Codes') });
  });
});
