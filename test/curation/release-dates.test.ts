import { describe, expect, it } from 'vitest';
import { firstAfter, lastOnOrBefore } from '../../src/curation/release-dates.js';

describe('a day and month written without a year', () => {
  it('is the first such day after adoption', () => {
    expect(firstAfter('2025-12-20', 3, 31)).toBe('2026-03-31');
    expect(firstAfter('2025-01-10', 3, 31)).toBe('2025-03-31');
    expect(firstAfter('2025-03-31', 3, 31)).toBe('2026-03-31');
  });

  it('is a real day: 29 February falls in the next leap year, never on a 29 February that does not exist', () => {
    expect(firstAfter('2025-12-20', 2, 29)).toBe('2028-02-29');
    expect(firstAfter('2027-06-01', 2, 29)).toBe('2028-02-29');
    expect(firstAfter('2024-01-15', 2, 29)).toBe('2024-02-29');
  });

  it('read back from a later date line, is the last real such day on or before it', () => {
    expect(lastOnOrBefore('2026-01-05', 12, 20)).toBe('2025-12-20');
    expect(lastOnOrBefore('2026-12-20', 12, 20)).toBe('2026-12-20');
    expect(lastOnOrBefore('2027-01-10', 2, 29)).toBe('2024-02-29');
    expect(lastOnOrBefore('2024-03-01', 2, 29)).toBe('2024-02-29');
  });
});
