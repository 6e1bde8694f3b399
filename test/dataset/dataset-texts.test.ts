// The dataset's prose in French (`texts: { fr: { … } }`): validated like every other field, so that a typo in a
// field name, an empty translation, a language the bot does not speak or topics that do not match are problems
// with their line, not silently English answers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, formatProblem, loadDataset, loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';

const minimal = path.resolve(import.meta.dirname, '../fixtures/minimal');

function problems(country: string): string[] {
  const result = loadDatasetFromFiles([
    { path: 'reference.yaml', role: 'reference', text: readFileSync(path.join(minimal, 'reference.yaml'), 'utf8') },
    { path: 'sources.yaml', role: 'sources', text: readFileSync(path.join(minimal, 'sources/sources.yaml'), 'utf8') },
    { path: 'x.yaml', role: 'country', text: country },
  ]);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const mission = (texts: string) =>
  [
    'country: { id: x, name: X }',
    'missions:',
    '  - id: m',
    '    kind: peace-operation',
    '    acronym: M',
    '    name: Mission',
    '    country: x',
    '    status: closed',
    '    end:',
    '      date: "2023-12-31"',
    '      text: withdrawal completed',
    '      source: src-one',
    `      texts: ${texts}`,
    '',
  ].join('\n');

describe('texts: { fr } in the dataset', () => {
  it('accepts a translation of a field the object has, and of its note and caveat', () => {
    expect(problems(mission('{ fr: { text: retrait achevé, note: une note, unverified: non confirmé } }'))).toEqual([]);
  });

  it('refuses a field that cannot be translated there, with its line', () => {
    expect(problems(mission('{ fr: { txt: retrait achevé } }'))).toEqual([
      'x.yaml:13: missions[0].end.texts.fr.txt: is not a known field (check the spelling, or see src/dataset/schema.ts)',
    ]);
  });

  it('refuses an empty translation and a language the bot does not speak', () => {
    expect(problems(mission('{ fr: { text: "" } }'))).toEqual([
      expect.stringMatching(/^x\.yaml:13: missions\[0\]\.end\.texts\.fr\.text: /),
    ]);
    expect(problems(mission('{ de: { text: Abzug } }'))).toEqual([
      'x.yaml:13: missions[0].end.texts.de: is not a known field (check the spelling, or see src/dataset/schema.ts)',
    ]);
  });

  it('refuses translated topics that do not match the topics one for one', () => {
    const rec = (fr: string) =>
      [
        'country:',
        '  id: x',
        '  name: X',
        '  recommendations:',
        '    - to: Security Council',
        '      date: "2021-06"',
        '      topics: [accountability, survivors]',
        '      text: Do it.',
        '      source: src-one',
        `      texts: { fr: { topics: ${fr} } }`,
        '',
      ].join('\n');
    expect(problems(rec('[établissement des responsabilités, survivants]'))).toEqual([]);
    expect(problems(rec('[survivants]'))).toEqual([
      expect.stringMatching(/texts\.fr\.topics: texts\.fr\.topics must translate each of topics/),
    ]);
  });

  it('never lets a quotation be translated: a recommendation has no French text field', () => {
    const text = [
      'country:',
      '  id: x',
      '  name: X',
      '  recommendations:',
      '    - { to: Security Council, date: "2021", text: Do it., source: src-one, texts: { fr: { text: Faites-le. } } }',
      '',
    ].join('\n');
    expect(problems(text)).toEqual([
      'x.yaml:5: country.recommendations[0].texts.fr.text: is not a known field (check the spelling, or see src/dataset/schema.ts)',
    ]);
  });

  it('holds French for every prose field of Mali that the answers show', async () => {
    const result = await loadDataset(defaultDataDir());
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { dataset } = result;
    const mali = dataset.countries.get('mali')!;
    for (const f of mali.figures)
      expect(f.texts?.fr).toMatchObject({ metric: expect.any(String), period: expect.any(String) });
    for (const r of mali.recommendations) expect(r.texts?.fr?.topics).toHaveLength(r.topics.length);
    for (const a of mali.action_plans) expect(a.texts?.fr?.text).toBeTruthy();
    for (const m of [...dataset.missions.values()].filter((x) => x.country === 'mali')) {
      expect(m.end?.texts?.fr?.text).toBeTruthy();
      for (const x of m.milestones) expect(x.texts?.fr?.text).toBeTruthy();
      for (const x of m.mandates) if (x.summary) expect(x.texts?.fr?.summary).toBeTruthy();
      for (const x of [...m.mandates, ...m.chairs]) if (x.unverified) expect(x.texts?.fr?.unverified).toBeTruthy();
    }
  });
});
