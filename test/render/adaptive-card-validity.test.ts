// Every card the bot can produce (each answer kind for every country, party and mission, the reminder answers, the
// proactive reminder messages, the welcome) as the Teams adapter sends it, parsed by the `adaptivecards` library —
// the renderer Teams and the Agents Playground use — at schema 1.5: no parse or validation warning, every button an
// Action.Submit whose data is exactly `{ command }`, and no citation repeated within a fact, in the answer model
// and in each renderer's output.
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { answerToTeamsActivity } from '../../src/platforms/teams/answer-to-teams-activity.js';
import { answerToBlockKit } from '../../src/render/answer-to-block-kit.js';
import { answerToPlainText } from '../../src/render/answer-to-plain-text.js';
import { everyAnswer } from '../support/every-answer.js';

// The package's ES build imports its own files without extensions, which Node cannot load; its UMD build can.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

let answers: { label: string; answer: Answer }[];
beforeAll(async () => {
  answers = await everyAnswer();
}, 120_000);

type Json = Record<string, unknown>;

function cardOf(answer: Answer): Json {
  const attachment = answerToTeamsActivity(answer).attachments?.[0];
  return JSON.parse(JSON.stringify(attachment?.content)) as Json;
}

/** What the library says about a card: parse events (unknown types, bad values) and validation events. */
function problems(card: Json): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(`parse: ${context.getEventAt(i).message}`);
  const validation = parsed.validateProperties();
  for (const e of validation.validationEvents) out.push(`validate: ${e.message}`);
  return out;
}

function allActions(card: Json): Json[] {
  const actions = (card.actions as Json[] | undefined) ?? [];
  return actions.flatMap((a) => (a.type === 'Action.ShowCard' ? [a, ...allActions(a.card as Json)] : [a]));
}

/** Each text line's "Source: …" parts, for lines that name a source more than once. */
function repeatedSources(lines: string[]): string[] {
  return lines.filter((line) => {
    const parts = line.split(/(?=Source: )/).filter((p) => p.startsWith('Source: '));
    return new Set(parts.map((p) => p.replace(/ · $/, ''))).size !== parts.length;
  });
}

describe('every card the bot can produce', () => {
  it('covers each answer kind, the reminders and the welcome', () => {
    const kinds = new Set(answers.map((a) => a.answer.kind));
    for (const kind of ['help', 'codes', 'country', 'party', 'mission', 'recs', 'figures', 'sources', 'renewals']) {
      expect(kinds, kind).toContain(kind);
    }
    for (const kind of ['search', 'remind', 'remind-once', 'reminders', 'forget', 'reminder', 'welcome']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(answers.some((a) => a.answer.outcome === 'no-match')).toBe(true);
    expect(answers.some((a) => a.answer.outcome === 'usage')).toBe(true);
  });

  it('parses in the adaptivecards library at schema 1.5 with no warning', () => {
    const bad = answers
      .map(({ label, answer }) => ({ label, problems: problems(cardOf(answer)) }))
      .filter((x) => x.problems.length > 0);
    expect(bad).toEqual([]);
    expect(AC.Versions.v1_5.toString()).toBe('1.5');
  });

  it('has only buttons that send a command the bot reads, or show more in place', () => {
    const bad: string[] = [];
    for (const { label, answer } of answers) {
      for (const action of allActions(cardOf(answer))) {
        if (action.type === 'Action.ShowCard') continue;
        const data = action.data as Json | undefined;
        const ok =
          action.type === 'Action.Submit' &&
          data !== undefined &&
          Object.keys(data).join() === 'command' &&
          typeof data.command === 'string' &&
          data.command.length > 0;
        if (!ok) bad.push(`${label}: ${JSON.stringify(action)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('cites each source once per fact in the answer model', () => {
    const bad: string[] = [];
    for (const { label, answer } of answers) {
      for (const section of answer.sections) {
        for (const cites of [section.cite ?? [], ...section.items.map((i) => i.cite ?? [])]) {
          const keys = cites.map((c) => `${c.sourceId}|${c.asOf}|${c.unverified ?? ''}`);
          if (new Set(keys).size !== keys.length) bad.push(`${label}: ${keys.join(' + ')}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('prints no source twice on one line, in the card, in Block Kit and in plain text', () => {
    const bad: string[] = [];
    for (const { label, answer } of answers) {
      const card = JSON.stringify(cardOf(answer));
      const cardLines = [...card.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
      const slack = JSON.stringify(answerToBlockKit(answer));
      const slackLines = [...slack.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g)].map(
        (m) => JSON.parse(`"${m[1]}"`) as string,
      );
      const plain = answerToPlainText(answer).split('\n');
      for (const line of repeatedSources([...cardLines, ...slackLines.flatMap((l) => l.split('\n')), ...plain])) {
        bad.push(`${label}: ${line}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps the MINUSMA line with its one source (the case that printed it twice)', () => {
    const mali = answers.find((a) => a.label === 'mali')!.answer;
    const item = mali.sections.flatMap((s) => s.items).find((i) => i.label === 'MINUSMA')!;
    expect(item.cite?.map((c) => c.sourceId)).toEqual(['un-media-9365th-meeting']);
  });
});
