// The command registry is the one list of commands: every word starts one command only, every command the parser can
// make is in it, help lists what it declares, and usage errors carry its usage lines.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import { COMMANDS, needsChannel } from '../../../src/core/commands/command-registry.js';
import { createCore } from '../../../src/core/create-core.js';
import { parseCommand } from '../../../src/core/parse-command.js';
import { fixtureDataset } from '../../support/fixture-dataset.js';

const entries = Object.entries(COMMANDS);

describe('the command registry', () => {
  it('gives every word and alias to one command only', () => {
    const words = entries.flatMap(([, spec]) => spec.words);
    expect(new Set(words).size).toBe(words.length);
  });

  it('parses each word to its own command (or to a usage error with its usage line)', () => {
    for (const [kind, spec] of entries) {
      for (const word of spec.words.filter((w) => /^[a-z]+$/.test(w))) {
        const command = parseCommand(`${word} mali 7d`);
        if (command.kind === 'invalid') expect(command.usage).toBe(spec.usage);
        else expect([kind, kind === 'remind' ? 'remind-once' : kind]).toContain(command.kind);
      }
    }
  });

  it('marks exactly the reminder commands as needing a channel', () => {
    const channel = entries.filter(([, spec]) => spec.needsChannel).map(([kind]) => kind);
    expect(channel).toEqual(['remind', 'remind-once', 'remind-digest', 'remind-stale', 'reminders', 'forget']);
    expect(needsChannel(parseCommand('remind mali'))).toBe(true);
    expect(needsChannel(parseCommand('remind digest on friday'))).toBe(true);
    expect(needsChannel(parseCommand('remind stale'))).toBe(true);
    expect(needsChannel(parseCommand('remind "x" at 2026-12-03T09:30:00+01:00'))).toBe(true);
    expect(needsChannel(parseCommand('mali'))).toBe(false);
    expect(needsChannel(parseCommand('forget'))).toBe(false); // a usage error is answered from the registry
  });

  it('lists every example it declares in help, reminders apart', async () => {
    const core = createCore({ dataset: () => fixtureDataset(), clock: fixedClock(new Date('2026-11-28T00:00:00Z')) });
    const help = await core.answer(parseCommand('help'), { platform: 'cli' });
    const labels = (heading: string) =>
      help.sections.find((s) => s.heading === heading)?.items.map((i) => i.label) ?? [];
    const declared = (channel: boolean) =>
      entries
        // `lang` is a channel's setting, listed with the reminder commands though the core answers it.
        .filter(([kind, spec]) => (spec.needsChannel || kind === 'lang') === channel)
        .flatMap(([, spec]) => spec.help.map((h) => h.example));
    expect(labels('Look things up')).toEqual(declared(false));
    expect(labels('Reminders (in a Slack channel or Teams conversation)')).toEqual(declared(true));
    expect(declared(false)).toContain('mali');
    expect(declared(true)).toContain('forget <id>');
  });
});
