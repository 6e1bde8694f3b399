// Turns what was read from a release into the dataset change it calls for: a new mandate row (and its source), a
// better source for a row already recorded, or nothing (already recorded). A row recorded with other dates is a
// problem for a curator, never overwritten.
import type { Dataset, Mandate, Mission, Source } from '../dataset/schema.js';
import type { Reading } from './parse-release.js';
import type { ReleaseText } from './read-release.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/translate.js';
import { type Said, said, say } from './said.js';

/** A mandate row as it will be written. */
export type MandateRow = Pick<Mandate, 'resolution' | 'source'> &
  Partial<Pick<Mandate, 'adopted' | 'expires' | 'panel_expires' | 'summary' | 'note' | 'texts'>>;

/** What importing the release changes. */
export type Change =
  | { status: 'already'; mission: Mission; resolution: string; source: string }
  | { status: 'new'; mission: Mission; row: MandateRow; source: Source; ends: boolean }
  | { status: 'better-source'; mission: Mission; resolution: string; from: string; source: Source }
  | { status: 'conflict'; mission: Mission; problem: Said };

const UN_HOSTS = /(^|\.)(press\.un\.org|un\.org|news\.un\.org|media\.un\.org|unmultimedia\.org|unmissions\.org)$/i;

/** How primary a source is: the UN's own page (3), a copy of a UN text (2), anything else (1). */
export function sourceRank(s: Pick<Source, 'url' | 'publisher'>): number {
  const host = s.url ? safeHost(s.url) : '';
  if (UN_HOSTS.test(host)) return 3;
  return /copy|united nations press release/i.test(s.publisher) ? 2 : 1;
}

/** The change for a reading about `mission` (the reading has its resolution and no problem). */
export function releaseToChange(dataset: Dataset, mission: Mission, reading: Reading, release: ReleaseText): Change {
  const resolution = reading.resolution!;
  const source = sourceRecord(dataset, reading, release);
  const recorded = mission.mandates.find((m) => m.resolution === resolution);
  if (recorded) {
    const differs = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;
    if (differs(recorded.expires, reading.expires) || differs(recorded.adopted, reading.adopted)) {
      return {
        status: 'conflict',
        mission,
        problem: said('import.conflict', {
          resolution,
          recordedAdopted: recorded.adopted ?? '?',
          recordedExpires: recorded.expires ?? '?',
          adopted: reading.adopted ?? '?',
          expires: reading.expires ?? '?',
        }),
      };
    }
    const current = dataset.sources.get(recorded.source);
    if (current && current.url !== source.url && sourceRank(source) > sourceRank(current))
      return { status: 'better-source', mission, resolution, from: recorded.source, source };
    return { status: 'already', mission, resolution, source: recorded.source };
  }
  // Keys in the order the dataset's editors write them.
  const row = { resolution } as MandateRow;
  if (reading.adopted) row.adopted = reading.adopted;
  if (reading.expires) row.expires = reading.expires;
  if (reading.panelExpires) row.panel_expires = reading.panelExpires;
  // The dataset is written in English, whatever language the curator reads the importer in, with its French beside
  // it (texts: { fr }), so that French answers need no hand translation of an imported row.
  const summary = summaryOf(reading);
  const note = (lang: Lang) =>
    say(
      lang,
      said('import.note', { inferences: reading.inferences.map((i) => say(lang, i)).join(t(lang, 'import.and')) }),
    );
  row.summary = say('en', summary);
  row.source = source.id;
  if (reading.inferences.length > 0) row.note = note('en');
  row.texts = { fr: { summary: say('fr', summary), ...(row.note ? { note: note('fr') } : {}) } };
  return { status: 'new', mission, row, source, ends: reading.kind === 'termination' && mission.status === 'active' };
}

function summaryOf(reading: Reading): Said {
  return said('import.summary', {
    // ICU select keys are plain words: 'sanctions-renewal' is 'sanctions' there.
    kind: reading.kind === 'sanctions-renewal' ? 'sanctions' : (reading.kind ?? 'extension'),
    expires: reading.expires ?? 'none',
    panel: reading.panelExpires ?? 'none',
  });
}

/** The source record for the release: an existing one with the same address, or a new one. */
function sourceRecord(dataset: Dataset, reading: Reading, release: ReleaseText): Source {
  const existing = release.url ? [...dataset.sources.values()].find((s) => s.url === release.url) : undefined;
  if (existing) return existing;
  const host = release.url ? safeHost(release.url) : '';
  const publisher =
    release.publisher ??
    (host === 'press.un.org' ? 'United Nations Meetings Coverage and Press Releases' : host || 'unknown');
  const draft: Source = {
    id: '',
    publisher,
    title: reading.title ?? `Security Council, resolution ${reading.resolution}`,
    date: reading.adopted ?? reading.dateLine ?? /\((\d{4})\)/.exec(reading.resolution ?? '')?.[1] ?? '2000',
  };
  if (reading.symbol) draft.symbol = reading.symbol;
  if (release.url) draft.url = release.url;
  const base = reading.symbol
    ? `un-press-${reading.symbol.toLowerCase().replace('/', '-')}${sourceRank(draft) === 3 ? '' : '-copy'}`
    : `${(host.replace(/^www\./, '').split('.')[0] ?? 'release').replace(/[^a-z0-9]+/g, '-')}-${(reading.resolution ?? '').replace(/\D+/g, '-').replace(/-$/, '')}`;
  let id = base.replace(/^-+|-+$/g, '');
  for (let n = 2; dataset.sources.has(id); n++) id = `${base}-${n}`;
  return { ...draft, id };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}
