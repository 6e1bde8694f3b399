// Issue 16's "done when", held by a machine: `caac --lang fr mali`, `renewals mali`, `recs mali`, `codes` and `help`
// leave no English word outside quotations. The answer model (--json) is walked so that what is quoted can be told
// from what the bot writes: recommendations (word for word), « … » quotes of the annexes, source titles (cited as
// published) and command examples stay as they are; everything else must be French.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { defaultDataDir, loadDataset } from '../../src/dataset/load-dataset.js';
import { scratchDataset } from '../support/scratch-dataset.js';
import { runCli } from './run-cli.js';

// Words that are English and never French, as whole words (not "a", "on", "plan", "violations", "Missions"…).
const ENGLISH =
  /\b(the|of|and|to|for|from|with|after|until|by|is|are|was|not|no|none|nothing|withdrawal|deadline|measures|lapsed|renewal|renewed|children|schools|closed|verified|including|Council|Mexico|Platform|unverified|checked|copy|report|ago|upcoming|expired|recorded|listed|persistent|perpetrator|topics|see also|as of|days|mandate|Dominican|Republic|Security|Group|Working|period|quarter|January|March|June|December|first|reporting|separated|armed|groups|insecurity|within|since|data|dataset)\b/i;

async function answerOf(words: string): Promise<Answer> {
  const r = await runCli(['--json', '--lang', 'fr', '--now', '2026-12-05', ...words.split(' ')]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Answer;
}

/** The bot's own words in an answer: everything but quotations, titles, links and command examples. */
async function ownWords(answer: Answer): Promise<string[]> {
  const loaded = await loadDataset(defaultDataDir());
  if (!loaded.ok) throw new Error('data/ does not load');
  const quotes = new Set([...loaded.dataset.countries.values()].flatMap((c) => c.recommendations.map((r) => r.text)));
  const titles = [...loaded.dataset.sources.values()].map((s) => s.title);
  const strip = (text: string) =>
    titles
      .reduce((t, title) => t.replaceAll(title, ''), text)
      .replace(/«[^»]*»( \(en anglais\))?/g, '')
      .replace(/https?:\/\/\S+/g, '')
      // Proper names of publishers and parties, as they call themselves.
      .replace(
        /Watchlist on Children and Armed Conflict|United Nations Audiovisual Library|teleSUR|National Tribune/g,
        '',
      )
      .replace(/\bcaac [a-z ]+/g, '');
  const out = [answer.title, answer.subtitle ?? '', answer.summary, ...answer.actions.map((a) => a.label)];
  for (const section of answer.sections) {
    out.push(section.heading ?? '');
    for (const item of section.items) {
      if (!quotes.has(item.text)) out.push(item.text);
      // Help's labels are commands to type ("remind drc 7d,1d at 08:30"): English keywords by design.
      if (answer.kind !== 'help') out.push(item.label ?? '');
      out.push(item.detail ?? '');
      for (const c of [...(item.cite ?? []), ...(section.cite ?? [])]) out.push(c.label, c.asOf, c.unverified ?? '');
    }
  }
  return out.map(strip).filter((s) => s.trim() !== '');
}

describe('caac --lang fr: the five answers of issue 16 read as French', () => {
  for (const words of ['mali', 'renewals mali', 'recs mali', 'codes', 'help']) {
    it(`${words}: no English word outside quotations, nothing marked as left in English`, async () => {
      const answer = await answerOf(words);
      expect(answer.lang).toBe('fr');
      const english = (await ownWords(answer)).filter((s) => ENGLISH.test(s) || s.includes('(en anglais)'));
      expect(english).toEqual([]);
    });
  }

  it('shows Mali’s dataset prose in French, from the data’s `texts: { fr }`', async () => {
    const r = await runCli(['--lang', 'fr', '--now', '2026-12-05', 'mali']);
    expect(r.stdout).toContain('date limite du retrait (liquidation à compter du 1er janvier 2024)');
    expect(r.stdout).toContain('mesures devenues caduques après le veto opposé par la Russie');
    expect(r.stdout).toMatch(/1\s230 {2}écoles fermées en raison de l’insécurité — en décembre 2020/);
    expect(r.stdout).toContain('Mexique (dernière mention');
    expect(r.stdout).toContain('non vérifié\u00a0: Chiffre cité par Watchlist');
    const recs = await runCli(['--lang', 'fr', 'recs', 'mali']);
    expect(recs.stdout).toContain('thèmes\u00a0: attaques contre des écoles, éducation');
    // The quotation itself stays in English, and the answer says so.
    expect(recs.stdout).toContain('Call on all parties to immediately cease attacks on schools');
    expect(recs.stdout).toContain('citées mot pour mot, en anglais');
  });

  it('marks dataset prose with no French text as English rather than hiding it', async () => {
    const data = await scratchDataset();
    try {
      await data.edit('countries/mali.yaml', (t) =>
        t.replace(
          '      texts: { fr: { text: date limite du retrait (liquidation à compter du 1er janvier 2024) } }\n',
          '',
        ),
      );
      const r = await runCli(['--lang', 'fr', '--now', '2026-12-05', '--data', data.dir, 'renewals', 'mali']);
      expect(r.stdout).toContain('MINUSMA\u00a0: withdrawal deadline (liquidation from 1 January 2024) (en anglais)');
    } finally {
      await data.remove();
    }
  });

  it('has every dataset text the answers show in French, for every country', async () => {
    const loaded = await loadDataset(defaultDataDir());
    if (!loaded.ok) throw new Error('data/ does not load');
    const words = [...loaded.dataset.countries.keys(), 'renewals', 'figures', 'renewals mali'];
    const left: string[] = [];
    for (const w of words) {
      for (const at of ['2021-06-01', '2026-12-05']) {
        const r = await runCli(['--lang', 'fr', '--now', at, ...w.split(' ')]);
        for (const line of r.stdout.replace(/«[^»]*» \(en anglais\)/g, '').split('\n'))
          if (line.includes('(en anglais)')) left.push(`${w} @${at}: ${line.trim()}`);
      }
    }
    expect(left).toEqual([]);
  });

  it('leaves the English answers as they were', async () => {
    const r = await runCli(['--now', '2026-12-05', 'mali']);
    expect(r.stdout).toContain('closed 31 December 2023: withdrawal deadline (liquidation from 1 January 2024)');
    expect(r.stdout).toContain('1,230  schools closed due to insecurity — as of December 2020');
    expect(r.stdout).toContain('Mexico (last recorded');
    expect(r.stdout).not.toMatch(/en anglais|Mexique|caduques/);
  });
});
