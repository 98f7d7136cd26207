import type { EvalFormat } from './corpus.js';
import type { DocsEvalReport, RetrieverReport } from './runDocsEval.js';
import type { RetrievalMetrics } from './retrievalMetrics.js';

const fixed = (value: number) => value.toFixed(2);

function rows(name: string, report: RetrieverReport): string[][] {
  const row = (slice: string, m: RetrievalMetrics) => [
    name,
    slice,
    String(m.questions),
    fixed(m.recallAt1),
    fixed(m.recallAt5),
    fixed(m.mrr),
  ];
  const formats = Object.entries(report.byFormat) as [EvalFormat, RetrievalMetrics][];
  return [
    ...formats.map(([format, m]) => row(format, m)),
    row('paraphrased', report.paraphrased),
    row('**overall**', report.overall),
  ];
}

/** A markdown table padded as Prettier pads it, so written results pass `format:check`. */
function markdownTable(header: string[], body: string[][], rightAligned: readonly boolean[]): string[] {
  const widths = header.map((_, i) => Math.max(3, ...[header, ...body].map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)];
}

/** The eval's results as a markdown table (retriever × slice), with refusal rates below. */
export function formatDocsEval(report: DocsEvalReport): string {
  const lines = [
    ...markdownTable(
      ['retriever', 'questions', 'n', 'recall@1', 'recall@5', 'MRR'],
      [
        ...rows('Hearth (BM25, structure-aware chunks)', report.hearth),
        ...(report.naive ? rows('naive (1,000-char windows, plain BM25)', report.naive) : []),
      ],
      [false, false, true, true, true, true],
    ),
    '',
    `Unanswerable questions (${report.unanswerable}): refusal rate (search returned nothing) — Hearth ` +
      `${fixed(report.hearth.refusalRate)}` +
      (report.naive ? `, naive ${fixed(report.naive.refusalRate)}` : '') +
      '. Strict mode will take its threshold from a reranker; until then this is the only refusal.',
  ];
  return lines.join('\n');
}
