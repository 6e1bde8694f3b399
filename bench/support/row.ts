// One line of the bench table: a figure, what it is compared with, and whether the target is met.

/** A row of the results table. */
export interface Row {
  /** The case: "Slack path", "Teams path", "Start", "Dataset 1x"… */
  area: string;
  /** What is measured: "throughput @50 (req/s)". */
  figure: string;
  /** The product's figure, formatted. */
  value: string;
  /** Baselines measured in the same run, formatted ("minimal Bolt 1234; floor 5678"). */
  baseline?: string | undefined;
  /** The ratio the target is about ("0.93× Bolt"). */
  ratio?: string | undefined;
  /** The target in words ("≥ 0.9× Bolt"). */
  target?: string | undefined;
  verdict?: 'met' | 'missed' | 'info' | 'skipped';
  note?: string | undefined;
}

/** Formats a number with `digits` decimals, or "n/a". */
export function fmt(n: number | undefined, digits = 0): string {
  return n === undefined || !Number.isFinite(n)
    ? 'n/a'
    : n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio as "0.93×". */
export function times(n: number): string {
  return Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a';
}

/** met/missed for a condition. */
export function verdict(ok: boolean): 'met' | 'missed' {
  return ok ? 'met' : 'missed';
}

/** A "skipped: <why>" row, for parts that are not there: no number is made up. */
export function skipped(area: string, why: string): Row {
  return { area, figure: '—', value: '—', verdict: 'skipped', note: `skipped: ${why}` };
}

/** The rows as a Markdown table. */
export function rowsToMarkdown(rows: readonly Row[]): string {
  const head = ['case', 'figure', 'caac-bot', 'baselines (same run)', 'ratio', 'target', 'verdict', 'note'];
  const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows) {
    lines.push(
      `| ${[r.area, r.figure, r.value, r.baseline, r.ratio, r.target, r.verdict === 'skipped' ? 'skipped' : r.verdict === 'info' ? '' : r.verdict, r.note].map(cell).join(' | ')} |`,
    );
  }
  return lines.join('\n');
}
