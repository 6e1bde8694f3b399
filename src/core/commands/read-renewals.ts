// Reading `renewals [country] [within <days>d]`: the horizon may stand before or after the country's name.
import type { Reading } from './command-registry.js';
import { cleanQuery } from './read-query.js';

/** The longest horizon: a year and a day covers every annual mandate. */
export const MAX_WITHIN_DAYS = 366;

const WITHIN = /(?:^|\s)within\s+(\d+)\s*(?:d|days?)?(?=\s|$)/i;

/** Reads the words after `renewals`. */
export function readRenewals(rest: string): Reading {
  const within = WITHIN.exec(rest);
  const query = cleanQuery(
    within ? `${rest.slice(0, within.index)} ${rest.slice(within.index + within[0].length)}` : rest,
  );
  if (!within) return query ? { kind: 'renewals', query } : { kind: 'renewals' };
  const days = Number(within[1]);
  if (!Number.isInteger(days) || days < 1 || days > MAX_WITHIN_DAYS) {
    return { problem: `\`within\` takes 1 to ${MAX_WITHIN_DAYS} days, e.g. \`within 30d\`.`, usageOf: 'renewals' };
  }
  return query ? { kind: 'renewals', query, withinDays: days } : { kind: 'renewals', withinDays: days };
}
