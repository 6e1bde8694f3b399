import { beforeAll, describe, expect, it } from 'vitest';
import { entityCommand, foldName, resolveName, searchDataset, shortName } from '../../src/dataset/resolver.js';
import type { Dataset } from '../../src/dataset/schema.js';
import { realDataset } from '../support/real-dataset.js';

let dataset: Dataset;
beforeAll(async () => {
  dataset = await realDataset();
});

function resolved(query: string, kinds?: Array<'country' | 'party' | 'mission'>): string {
  const r = resolveName(dataset, query, kinds ? { kinds } : {});
  return r.ok ? `${r.entity.kind}:${r.entity.id}` : `miss:${r.suggestions.map((s) => s.id).join(',')}`;
}

describe('resolveName on the real dataset', () => {
  it.each([
    ['mali', 'country:mali'],
    ['MLI', 'country:mali'],
    ['ML', 'country:mali'],
    ['Mali ', 'country:mali'],
    ['République du Mali', 'country:mali'],
    ['republique du mali', 'country:mali'],
    ['mlai', 'country:mali'],
    ['MNLA', 'party:mnla'],
    ['mnla', 'party:mnla'],
    ['libération', 'party:mnla'],
    ['liberation', 'party:mnla'],
    ["Mouvement national de libération de l'Azawad", 'party:mnla'],
    ['mujao', 'party:mujao'],
    ['ansar dine', 'party:ansar-eddine'],
    ['ansar eddine', 'party:ansar-eddine'],
    ['ansar edine', 'party:ansar-eddine'],
    ['Ansar', 'party:ansar-eddine'],
    ['platform', 'party:platform'],
    ['plateforme', 'party:platform'],
    ['cma', 'party:cma'],
    ['minusma', 'mission:minusma'],
    ['MINUSMA', 'mission:minusma'],
  ])('%j -> %s', (query, expected) => {
    expect(resolved(query)).toBe(expected);
  });

  it('suggests Mali for "maly" rather than guessing', () => {
    const r = resolveName(dataset, 'maly');
    expect(r.ok).toBe(false);
    expect(r.suggestions.map(shortName)[0]).toBe('Mali');
  });

  it('misses "narnia" with no suggestion', () => {
    expect(resolveName(dataset, 'narnia')).toEqual({ ok: false, suggestions: [] });
  });

  it('does not pick one of two parties that both match a common word', () => {
    // "mouvement" begins the names of the MNLA and the MUJAO.
    const r = resolveName(dataset, 'mouvement');
    expect(r.ok).toBe(false);
    expect(r.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(['mnla', 'mujao']));
  });

  it('looks among parties only when asked', () => {
    expect(resolved('mali', ['party'])).toMatch(/^miss:/);
    expect(resolved('ansar dine', ['party'])).toBe('party:ansar-eddine');
  });

  it('gives commands that resolve back to the same entity', () => {
    for (const id of ['mali', 'mnla', 'ansar-eddine', 'minusma', 'mali-sanctions-2374', 'platform']) {
      const r = resolveName(dataset, id);
      expect(r.ok).toBe(true);
      if (r.ok) expect(resolved(entityCommand(r.entity))).toBe(`${r.entity.kind}:${r.entity.id}`);
    }
  });

  it('builds its indexes once per dataset object', () => {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) resolveName(dataset, i % 2 ? 'mlai' : 'ansar edine');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('foldName', () => {
  it('folds accents, case and punctuation', () => {
    expect(foldName('Libération de l’Azawad')).toBe('liberation de l azawad');
    expect(foldName('  CÔTE D’IVOIRE ')).toBe('cote d ivoire');
  });
});

describe('searchDataset', () => {
  it('finds recommendations and figures by their words', () => {
    const hits = searchDataset(dataset, 'schools');
    expect(hits.map((h) => h.kind)).toEqual(expect.arrayContaining(['recommendation', 'figure']));
    expect(hits.find((h) => h.kind === 'figure')?.text).toContain('1,230');
  });
  it('finds a word in a recommendation with a typo', () => {
    expect(searchDataset(dataset, 'handover protocl').some((h) => h.text.includes('2013 handover protocol'))).toBe(
      true,
    );
  });
  it('returns nothing for nonsense', () => {
    expect(searchDataset(dataset, 'zzxqv')).toEqual([]);
  });
});
