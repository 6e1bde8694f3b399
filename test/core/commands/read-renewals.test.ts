// `renewals [country] [within <days>d]`: the horizon before or after the name, and out-of-range horizons refused.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/parse-command.js';

describe('renewals within', () => {
  it('reads the horizon wherever it stands', () => {
    expect(parseCommand('renewals within 30d')).toEqual({ kind: 'renewals', withinDays: 30 });
    expect(parseCommand('renewals mali within 90 days')).toEqual({ kind: 'renewals', query: 'mali', withinDays: 90 });
    expect(parseCommand('renewals within 7d drc')).toEqual({ kind: 'renewals', query: 'drc', withinDays: 7 });
    expect(parseCommand('renewals mali')).toEqual({ kind: 'renewals', query: 'mali' });
  });

  it('refuses a horizon of 0 or over a year, with the usage', () => {
    for (const text of ['renewals within 0d', 'renewals within 400d']) {
      const c = parseCommand(text);
      expect(c.kind).toBe('invalid');
      if (c.kind === 'invalid') {
        expect(c.message).toMatch(/1 to 366 days/);
        expect(c.usage).toMatch(/within/);
      }
    }
  });
});
