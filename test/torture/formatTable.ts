import type { ScenarioCounts } from './TortureRun.js';

/** The summary as a Markdown table: one row per scenario and a total. */
export function formatTable(results: readonly ScenarioCounts[]): string {
  const rows = results.map((c) => [c.scenario, c.planned, c.trials, c.passed, c.failed, c.skipped]);
  const total = (index: 1 | 2 | 3 | 4 | 5) => rows.reduce((sum, row) => sum + Number(row[index]), 0);
  rows.push(['**total**', total(1), total(2), total(3), total(4), total(5)]);
  const header = ['scenario', 'planned', 'trials', 'passed', 'failed', 'skipped'];
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))).join(' | ')} |`;
  const rule = `| ${widths.map((w, col) => (col === 0 ? '-'.repeat(w) : `${'-'.repeat(Math.max(1, w - 1))}:`)).join(' | ')} |`;
  return [line(header), rule, ...cells.slice(1).map(line)].join('\n');
}
