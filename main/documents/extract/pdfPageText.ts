/** What pdf.js's getTextContent() gives per text run (marked-content items carry no `str`). */
export interface PdfTextRun {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, x, y]: y is the baseline, in PDF units from the bottom of the page. */
  transform: number[];
  height: number;
}

/** A gap between lines wider than this many line heights starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

/**
 * A page's text from its text runs: lines as pdf.js ends them, a blank line where the vertical
 * gap says a paragraph ended (the chunker prefers to cut there), spaces collapsed.
 */
export function pdfPageText(items: readonly unknown[]): string {
  const lines: string[] = [];
  let line = '';
  let lineY: number | null = null;
  let lineHeight = 0;
  let previousLineY: number | null = null;
  let previousLineHeight = 0;

  const endLine = () => {
    const text = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (text) {
      if (previousLineY !== null && lineY !== null) {
        const gap = Math.abs(previousLineY - lineY);
        const height = Math.max(previousLineHeight, lineHeight);
        if (height > 0 && gap > height * PARAGRAPH_GAP) lines.push('');
      }
      lines.push(text);
      previousLineY = lineY;
      previousLineHeight = lineHeight;
    }
    line = '';
    lineY = null;
    lineHeight = 0;
  };

  for (const item of items) {
    if (!isTextRun(item)) continue;
    if (item.str) {
      if (lineY === null && item.str.trim()) lineY = item.transform[5] ?? null;
      lineHeight = Math.max(lineHeight, item.height);
      line += item.str.replace(/[\r\n]+/g, ' ');
    }
    if (item.hasEOL) endLine();
  }
  endLine();
  return lines.join('\n');
}

function isTextRun(item: unknown): item is PdfTextRun {
  return typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string';
}
