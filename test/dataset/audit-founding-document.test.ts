// The fact audit of the founding document (Watchlist's CAAC Monthly Update – June 2021, Mali): every fact of it is in
// data/, worded as the document words it, with no date more precise than the document gives. The document is quoted
// here in full (from ../shared/sources/), so that the audit does not depend on a file outside the repository.
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir, formatProblem, loadDataset } from '../../src/dataset/load-dataset.js';
import type { Dataset } from '../../src/dataset/schema.js';

const FOUNDING_SOURCE = 'watchlist-2021-06-mali';

const OPENING =
  'Three armed groups are listed in the annexes of the Secretary-General’s (SG) 2020 annual report on children and armed conflict (CAAC) for recruitment and use and rape and other forms of sexual violence. Additionally, Platform, including affiliated groups, is listed for recruitment and use.' +
  ' MINUSMA’s mandate is up for renewal in June, pursuant to SCR 2531 (2020). According to the SG’s latest periodic report on Mali (S/2021/299), the Country Task Force on Monitoring and Reporting (CTFMR) verified 236 grave violations, including recruitment and use, killing and maiming, and sexual violence, in the first quarter of 2021. Eighty-nine children were separated from armed groups during the reporting period, and 1,230 schools were closed due to insecurity as of December 2020. The Security Council should:';

/** The five recommendations, in the document's order, word for word. */
const RECOMMENDATIONS = [
  'Renew MINUSMA’s child protection mandate, reinforcing the existing capacity of the Child Protection Unit, and ensuring the child protection adviser’s direct access to senior mission leadership and political and operational space to engage with all parties to conflict, including non-State armed groups; ensure distinct budget lines for child protection; call for the protection of children’s rights to be taken into account in the implementation of the peace agreement, in disarmament, demobilization, and reintegration processes, and in security sector reform;',
  'Urge the Government to strengthen the legal framework on child protection and reinforce efforts to hold perpetrators of grave violations accountable, including by finalizing the revision of the Child Protection Code and conducting timely and impartial investigations and prosecutions; ensure provision of comprehensive, gender-sensitive, and age-appropriate response for child survivors;',
  'Call on all Government and international actors to ensure that counterterrorism operations fully uphold obligations under international humanitarian law (IHL) and human rights law (IHRL), and call for continued and full implementation of the 2013 handover protocol, including for children allegedly associated with armed groups designated as terrorist, treating children primarily as victims, prioritizing their reintegration, and considering non-judicial measures as alternatives to prosecution and detention, as guided by the Paris Principles;',
  'Call on all parties to immediately cease attacks on schools and education personnel and urge the Government to continue to uphold its commitments under the Safe Schools Declaration;',
  'Call on all parties to swiftly and fully implement the recommendations of the Security Council Working Group on Children and Armed Conflict (SCWG-CAAC) elaborated in its third conclusions on children and armed conflict in Mali.',
];

const REST = `France is the lead country on Mali. Mexico chairs the 2374 Sanctions Committee.

This information is based on Watchlist’s Children and Armed Conflict Monthly Update – June 2021.

UN Action

Year listed: 2013
Action Plans signed: CMA (Coordination des mouvements de l’Azawad), including the MNLA (Mouvement national de libération de l’Azawad), action plan to end and prevent the recruitment and use of children and sexual violence against children (March 2017)
Sanctions Committee: Mali Sanctions Committee (Current Chair: Dominican Republic)
Secretary-General’s reports on CAAC in Mali: 2018; 2014
Security Council Working Group conclusions on Mali: 2020; 20182014

Perpetrators listed in the annexes of the Secretary-General’s annual reports on children and armed conflict

2001 2002 2003 2005 2006 2007 2009 2010 2011 2012 2013 2014 2015 2016 2017
Ansar Eddine* a,c a,c a,c a,c a,c
Mouvement national de libération de l’Azawad~* a,c a,c a,c a,c a,c
Mouvement pour l’unification et le jihad en Afrique de l’Ouest * a,c a,c a,c a,c a,c

a: Parties that recruit and use children
b: Parties that kill and maim children
c: Parties that commit rape and other forms of sexual violence against children

d: Parties that engage in attacks on schools and/or hospitals
e: Parties that engage in abduction of children
f: Parties that deny humanitarian access to children

~ This party has concluded an action plan with the United Nations in line with Security Council resolutions 1539 (2004) and 1612 (2005).
* This party has been in the annexes for at least five years and is therefore considered a persistent perpetrator.`;

/** The whole document, as one text (white space collapsed when comparing). */
const DOCUMENT = [OPENING, ...RECOMMENDATIONS, REST].join('\n');
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

let dataset: Dataset;
beforeAll(async () => {
  const result = await loadDataset(defaultDataDir());
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  dataset = result.dataset;
});

/** Every object in the dataset that carries `source:`, with a path for messages. */
function facts(): { path: string; fact: Record<string, unknown> }[] {
  const out: { path: string; fact: Record<string, unknown> }[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.source === 'string') out.push({ path, fact: record });
      for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`);
    }
  };
  walk(Object.fromEntries(dataset.countries), 'countries');
  walk(Object.fromEntries(dataset.parties), 'parties');
  walk(Object.fromEntries(dataset.missions), 'missions');
  walk(Object.fromEntries(dataset.events), 'events');
  walk(dataset.reference, 'reference');
  return out;
}

describe('the founding document in data/', () => {
  it('is the source record it names itself as', () => {
    const source = dataset.sources.get(FOUNDING_SOURCE)!;
    expect(source).toMatchObject({ publisher: 'Watchlist on Children and Armed Conflict', date: '2021-06' });
    expect(DOCUMENT).toContain(`Watchlist’s ${source.title}.`);
  });

  it('has the five recommendations, word for word and in order, to the Security Council, June 2021', () => {
    const recs = dataset.countries.get('mali')!.recommendations;
    expect(recs.map((r) => r.text)).toEqual(RECOMMENDATIONS);
    for (const r of recs) expect(r).toMatchObject({ to: 'Security Council', date: '2021-06', source: FOUNDING_SOURCE });
  });

  it('keeps the wording of every quoted text it sources to the document', () => {
    const mali = dataset.countries.get('mali')!;
    const quoted = [
      ...mali.summaries.map((s) => s.text),
      ...mali.action_plans.map((p) => `${p.text} (March 2017)`),
      ...mali.figures.map((f) => f.wording ?? ''),
      ...Object.values(dataset.reference.violation_codes).map((c) => c.label),
      dataset.reference.markers.action_plan.label,
      dataset.reference.markers.persistent_perpetrator.label,
    ];
    for (const text of quoted) expect(flat(DOCUMENT)).toContain(flat(text));
  });

  it('never gives a day where the document gives only a month or a year', () => {
    const dated = facts().filter(({ fact }) => fact.source === FOUNDING_SOURCE);
    expect(dated.length).toBeGreaterThan(30);
    for (const { path, fact } of dated) {
      for (const key of ['as_of', 'date'] as const) {
        if (typeof fact[key] === 'string') expect(fact[key], `${path}.${key}`).toMatch(/^\d{4}(-\d{2})?$/);
      }
    }
  });

  it('has the UN Action box and the opening facts, sourced to the document', () => {
    const mali = dataset.countries.get('mali')!;
    expect(mali.in_annexes_since).toMatchObject({ year: 2013, source: FOUNDING_SOURCE });
    // The box says "2018; 2014"; the third report (S/2020/1105) is there too, from the record (issue 11).
    expect(mali.sg_country_reports.filter((r) => r.source === FOUNDING_SOURCE).map((r) => r.year)).toEqual([
      2014, 2018,
    ]);
    expect(mali.sg_country_reports.find((r) => r.year === 2020)).toMatchObject({ symbol: 'S/2020/1105' });
    expect(mali.working_group_conclusions.map((r) => r.year).sort()).toEqual([2014, 2018, 2020]);
    expect(mali.lead_country).toContainEqual(expect.objectContaining({ value: 'France', source: FOUNDING_SOURCE }));
    expect(mali.action_plans).toEqual([
      expect.objectContaining({ parties: ['cma', 'mnla'], date: '2017-03', codes: ['a', 'c'] }),
    ]);
    const chairs = dataset.missions.get('mali-sanctions-2374')!.chairs;
    expect(chairs).toContainEqual(
      expect.objectContaining({ value: 'Mexico', as_of: '2021-06', source: FOUNDING_SOURCE }),
    );
    // The older box's Dominican Republic is kept only as a dated statement older than Mexico's.
    for (const c of chairs.filter((x) => x.value === 'Dominican Republic')) expect(c.as_of! < '2021-06').toBe(true);
    const minusma = dataset.missions.get('minusma')!;
    expect(minusma.milestones).toContainEqual(
      expect.objectContaining({ date: '2021-06', resolution: '2531 (2020)', source: FOUNDING_SOURCE }),
    );
    expect(minusma.mandates.find((m) => m.resolution === '2531 (2020)')?.expires).toBe('2021-06-30');
    expect(mali.figures.map((f) => [f.value, f.source])).toEqual([
      [236, FOUNDING_SOURCE],
      [89, FOUNDING_SOURCE],
      [1230, FOUNDING_SOURCE],
    ]);
  });

  it('has the listing table as the 2013–2017 reports, the 2020 report and the markers', () => {
    for (const id of ['ansar-eddine', 'mnla', 'mujao']) {
      const party = dataset.parties.get(id)!;
      expect(
        party.listings.map((l) => [l.report_year, l.codes.join(',')]),
        id,
      ).toEqual([2013, 2014, 2015, 2016, 2017, 2020].map((y) => [y, 'a,c']));
      expect(party.persistent_perpetrator, id).toMatchObject({ value: true, source: FOUNDING_SOURCE });
      expect(Boolean(party.action_plan_marker?.value), id).toBe(id === 'mnla');
    }
    expect(dataset.parties.get('ansar-eddine')!.name).toBe('Ansar Eddine');
    expect(DOCUMENT).toContain(`${dataset.parties.get('mnla')!.name}~*`);
    expect(DOCUMENT).toContain(`${dataset.parties.get('mujao')!.name} *`);
    expect(dataset.parties.get('platform')!.listings).toEqual([
      expect.objectContaining({ report_year: 2020, codes: ['a'], listed_as: 'Platform, including affiliated groups' }),
    ]);
  });
});
