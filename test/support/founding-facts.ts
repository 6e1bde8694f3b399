// Every fact of the founding document (Watchlist's CAAC Monthly Update – June 2021, Mali) -> the command that
// answers it -> the text the answer must contain (and must not). Run through the core and through the CLI process.

/** One row of the table. */
export interface FactRow {
  fact: string;
  command: string;
  /** The clock, as an ISO date; the founding document's own month by default. */
  now?: string;
  expect: string[];
  absent?: string[];
}

const RECS = [
  'Renew MINUSMA’s child protection mandate, reinforcing the existing capacity of the Child Protection Unit, and ensuring the child protection adviser’s direct access to senior mission leadership and political and operational space to engage with all parties to conflict, including non-State armed groups; ensure distinct budget lines for child protection; call for the protection of children’s rights to be taken into account in the implementation of the peace agreement, in disarmament, demobilization, and reintegration processes, and in security sector reform;',
  'Urge the Government to strengthen the legal framework on child protection and reinforce efforts to hold perpetrators of grave violations accountable, including by finalizing the revision of the Child Protection Code and conducting timely and impartial investigations and prosecutions; ensure provision of comprehensive, gender-sensitive, and age-appropriate response for child survivors;',
  'Call on all Government and international actors to ensure that counterterrorism operations fully uphold obligations under international humanitarian law (IHL) and human rights law (IHRL), and call for continued and full implementation of the 2013 handover protocol, including for children allegedly associated with armed groups designated as terrorist, treating children primarily as victims, prioritizing their reintegration, and considering non-judicial measures as alternatives to prosecution and detention, as guided by the Paris Principles;',
  'Call on all parties to immediately cease attacks on schools and education personnel and urge the Government to continue to uphold its commitments under the Safe Schools Declaration;',
  'Call on all parties to swiftly and fully implement the recommendations of the Security Council Working Group on Children and Armed Conflict (SCWG-CAAC) elaborated in its third conclusions on children and armed conflict in Mali.',
];

const A = 'recruitment and use of children (a)';
const C = 'rape and other forms of sexual violence against children (c)';

/** The table. */
export const FOUNDING_FACTS: FactRow[] = [
  { fact: 'Year listed: 2013', command: 'mali', expect: ["In the Secretary-General's annexes since 2013"] },
  {
    fact: 'three armed groups listed in the 2020 annual report for recruitment and use and sexual violence',
    command: 'mali',
    expect: [
      'Listed parties (2020 annual report)',
      'Ansar Eddine *  recruitment and use of children; rape and other forms of sexual violence against children',
      'MNLA ~ *        recruitment and use of children; rape and other forms of sexual violence against children — within the CMA',
      'MUJAO *         recruitment and use of children; rape and other forms of sexual violence against children',
    ],
  },
  {
    fact: 'Platform, including affiliated groups, is listed for recruitment and use',
    command: 'mali',
    expect: ['Platform, including affiliated groups  recruitment and use of children [1]'],
  },
  {
    fact: "MINUSMA's mandate is up for renewal in June, pursuant to SCR 2531 (2020)",
    command: 'mali',
    expect: ['MINUSMA                mandate under SCR 2531 (2020) runs to 30 June 2021 — 29 days left'],
    absent: ['MINUSMA closed'],
  },
  {
    fact: 'the same, in the renewals list',
    command: 'renewals mali',
    expect: ["30 June 2021    MINUSMA's mandate expires (SCR 2531 (2020)) — 29 days left"],
  },
  {
    fact: 'S/2021/299: 236 grave violations verified in the first quarter of 2021',
    command: 'figures mali',
    expect: [
      '236    grave violations verified by the Country Task Force on Monitoring and Reporting — January–March 2021',
      'S/2021/299',
    ],
  },
  {
    fact: '89 children separated from armed groups during the reporting period',
    command: 'figures mali',
    expect: ['89     children separated from armed groups — the reporting period of S/2021/299'],
  },
  {
    fact: '1,230 schools closed due to insecurity as of December 2020',
    command: 'figures mali',
    expect: ['1,230  schools closed due to insecurity — as of December 2020'],
  },
  {
    fact: 'the figures are in the brief too',
    command: 'mali',
    expect: ['Latest verified figures', '236 ', '89 ', '1,230 '],
  },
  ...RECS.map((text, i) => ({
    fact: `recommendation ${i + 1}, word for word`,
    command: 'recs mali',
    expect: [`  ${text} —`, 'To the Security Council · June 2021'],
  })),
  {
    fact: 'France is the lead country on Mali',
    command: 'mali',
    expect: ['Lead country                France — as of June 2021'],
  },
  {
    fact: 'Mexico chairs the 2374 Sanctions Committee (the older "UN Action" box names the Dominican Republic)',
    command: 'mali',
    expect: ['2374 Sanctions Committee chair  Mexico — as of June 2021'],
    absent: ['Dominican Republic'],
  },
  {
    fact: 'based on Watchlist’s CAAC Monthly Update – June 2021',
    command: 'sources mali',
    expect: ['Children and Armed Conflict Monthly Update – June 2021'],
  },
  {
    fact: 'the brief says how old its listing data is',
    command: 'mali',
    expect: ['listing data as of June 2021 (Watchlist'],
    absent: ['years old'],
  },
  {
    fact: 'Action plan: CMA, including the MNLA, recruitment and use and sexual violence (March 2017)',
    command: 'mali',
    expect: [
      'March 2017  CMA (Coordination des mouvements de l’Azawad), including the MNLA',
      '~ concluded an action plan with the UN (CMA, MNLA: March 2017)',
    ],
  },
  {
    fact: 'the action plan, on the party',
    command: 'mnla',
    expect: [
      '~ Action plan',
      'action plan to end and prevent the recruitment and use of children and sexual violence against children (March 2017)',
    ],
  },
  {
    fact: 'SG reports on CAAC in Mali: 2018; 2014',
    command: 'mali',
    expect: ['SG reports on CAAC in Mali  2014, 2018'],
  },
  {
    fact: 'Working Group conclusions: 2020; 2018; 2014',
    command: 'mali',
    expect: ['Working Group conclusions   2014, 2018, 2020'],
  },
  {
    fact: 'MNLA ~* a,c in the 2013–2017 reports, and the 2020 report',
    command: 'mnla',
    expect: [
      'Mouvement national de libération de l’Azawad (MNLA) — Mali',
      `2013       ${A}; ${C}`,
      `2014–2017  ${A}; ${C}`,
      `2020       ${A}; ${C}`,
      '2018–2019  not in this dataset',
      'markers ~ *',
      'Part of        Coordination des mouvements de l’Azawad (CMA)',
    ],
    absent: ['not listed'],
  },
  {
    fact: 'Ansar Eddine * a,c 2013–2017',
    command: 'ansar eddine',
    expect: [`2013       ${A}; ${C}`, `2014–2017  ${A}; ${C}`, '* Persistent perpetrator  yes'],
  },
  {
    fact: 'MUJAO * a,c 2013–2017',
    command: 'mujao',
    expect: [
      'Mouvement pour l’unification et le jihad en Afrique de l’Ouest (MUJAO) — Mali',
      `2013       ${A}; ${C}`,
      `2014–2017  ${A}; ${C}`,
    ],
  },
  {
    fact: 'persistent perpetrator marker',
    command: 'mnla',
    expect: ['* Persistent perpetrator  yes: in the annexes for at least five years'],
  },
  {
    fact: 'the legend: codes a–f and the two markers',
    command: 'codes',
    expect: [
      'a  Parties that recruit and use children',
      'b  Parties that kill and maim children',
      'c  Parties that commit rape and other forms of sexual violence against children',
      'd  Parties that engage in attacks on schools and/or hospitals',
      'e  Parties that engage in abduction of children',
      'f  Parties that deny humanitarian access to children',
      '~  This party has concluded an action plan with the United Nations in line with Security Council resolutions 1539 (2004) and 1612 (2005).',
      '*  This party has been in the annexes for at least five years and is therefore considered a persistent perpetrator.',
    ],
  },
  {
    fact: 'on 2026-11-28 MINUSMA is closed and the sanctions regime ended, and the data is old',
    command: 'mali',
    now: '2026-11-28',
    expect: [
      'MINUSMA                closed 31 December 2023: withdrawal deadline (liquidation from 1 January 2024); mandate ended 30 June 2023 (SCR 2690 (2023))',
      'Mali sanctions (2374)  ended 31 August 2023',
      'listing data as of June 2021',
      'over 5 years old',
    ],
    absent: ['days left'],
  },
  {
    fact: 'a party answer says how old its listing data is, too',
    command: 'mnla',
    now: '2026-11-28',
    expect: ['listing data as of June 2021', 'over 5 years old', '2021–2026  not in this dataset'],
  },
  {
    fact: 'MINUSMA by name, in June 2021: its mandate under 2531 (2020) running',
    command: 'minusma',
    expect: [
      'MINUSMA  mandate under SCR 2531 (2020) runs to 30 June 2021 — 29 days left',
      'SCR 2531 (2020)  adopted 29 June 2020; to 30 June 2021',
    ],
    absent: ['2584', '2690'],
  },
];

/** The default clock of the table: the founding document's month. */
export const FOUNDING_NOW = '2021-06-01';

/** Collapses runs of spaces, so that the table does not depend on the renderer's column widths. */
export function squash(text: string): string {
  return text.replace(/ {2,}/g, ' ');
}
