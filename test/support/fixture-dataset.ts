// A small dataset built in memory with the real loader: an active mission whose mandate has expired with no
// renewal recorded, one still running with an unverified expiry, an editor's event and a party with a gap.
import { readFileSync } from 'node:fs';
import { loadDatasetFromFiles } from '../../src/dataset/load-dataset.js';
import type { Dataset } from '../../src/dataset/schema.js';

const reference = readFileSync(new URL('../../data/reference.yaml', import.meta.url), 'utf8').replace(
  /^source: .*$/m,
  '',
);

const sources = `
sources:
  - { id: src-a, publisher: Test Publisher, title: Test report A, date: "2025-11-13", url: "https://example.org/a" }
  - { id: src-b, publisher: Test Publisher, title: Test report B, date: "2026-01", symbol: S/2026/1 }
`;

const country = `
country:
  id: testland
  name: Testland
  other_names: [Terre de Test, TL]
  iso3: TST
  in_annexes_since: { year: 2015, source: src-b }
  lead_country:
    - { value: Oldland, as_of: "2019", source: src-a }
    - { value: Newland, as_of: "2026-01", source: src-b }
parties:
  - id: tlf
    country: testland
    name: Testland Liberation Front
    acronyms: [TLF]
    listings:
      - { report_year: 2015, codes: [a], source: src-b }
      - { report_year: 2016, codes: [a], source: src-b }
      - { report_year: 2019, codes: [a, e], source: src-b }
    not_listed:
      - { report_year: 2020, source: src-b }
missions:
  - id: untm
    kind: peace-operation
    acronym: UNTM
    name: United Nations Test Mission
    country: testland
    status: active
    mandates:
      - { resolution: 2800 (2025), adopted: "2025-11-13", expires: "2026-11-15", source: src-a }
  - id: untp
    kind: political-mission
    acronym: UNTP
    name: United Nations Test Political Office
    country: testland
    status: active
    mandates:
      - { resolution: 2814 (2026), adopted: "2026-01-29", expires: "2027-01-31", source: src-b, unverified: The expiry day was not seen. }
events:
  - { id: testland-debate, date: "2026-12", title: Open debate on Testland, kind: open-debate, country: testland, source: src-b }
  - { id: testland-report, date: "2026-10-01", title: SG report on Testland, kind: report, country: testland, source: src-b }
`;

/** The fixture dataset. */
export function fixtureDataset(): Dataset {
  const r = loadDatasetFromFiles([
    { path: 'fixture/reference.yaml', role: 'reference', text: reference },
    { path: 'fixture/sources/test.yaml', role: 'sources', text: sources },
    { path: 'fixture/countries/testland.yaml', role: 'country', text: country },
  ]);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
  return r.dataset;
}
