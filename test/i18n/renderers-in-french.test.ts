// The renderers write their own labels in the answer's language: source lines, "as of", buttons, notes on cuts.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { answerToAdaptiveCard } from '../../src/render/answer-to-adaptive-card.js';
import { answerToBlockKit } from '../../src/render/answer-to-block-kit.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';

const cite = {
  sourceId: 's',
  label: 'Rapport',
  asOf: '30 juin 2021',
  precision: 'day' as const,
  unverified: 'à confirmer',
};
const answer: Answer = {
  lang: 'fr',
  kind: 'test',
  outcome: 'answered',
  title: 'Titre',
  sections: Array.from({ length: 30 }, (_, i) => ({
    heading: `Partie ${i}`,
    items: [{ text: `fait ${i}`, cite: [cite] }],
  })),
  actions: [{ label: 'Aide', command: 'help' }],
  summary: 'Résumé',
};

describe('renderers in French', () => {
  it('plain text: sources, "situation au", unverified and the next commands', () => {
    const text = answerToPlainText(answer);
    expect(text).toContain('\nSources\n  [1] Rapport · situation au 30 juin 2021 · non vérifié\u00a0: à confirmer');
    expect(text).toContain('Voir aussi\u00a0: caac help');
    expect(answerToPlainText({ ...answer, outcome: 'no-match' })).toContain('Essayez\u00a0: caac help');
  });

  it('Block Kit: the Share button, the source prefix and the note on what Slack cannot show', () => {
    const message = answerToBlockKit(answer, { shareCommand: 'codes' });
    const json = JSON.stringify(message);
    expect(json).toContain('"text":"Partager dans le canal"');
    expect(json).toContain(
      'Source\u00a0: Rapport · situation au 30 juin 2021 · :warning: non vérifié\u00a0: à confirmer',
    );
    expect(json).toMatch(/lignes de plus ne sont pas affichées \(Slack affiche 50 blocs au plus\)/);
    expect(json).not.toMatch(/Share in channel|as of|not shown/);
  });

  it('Adaptive Card: "Afficher la suite" and French source lines', () => {
    const json = JSON.stringify(answerToAdaptiveCard(answer));
    expect(json).toContain('"title":"Afficher la suite"');
    expect(json).toContain('Source\u00a0: Rapport · situation au 30 juin 2021 · non vérifié\u00a0: à confirmer');
    expect(json).not.toMatch(/Show more|as of|unverified/);
  });
});
