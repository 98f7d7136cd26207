/**
 * Running headers and footers: the book's title, the chapter's name, "Page 12 of 80" — printed at
 * the top or bottom of every page. Left in, each page's passages start with the same words, which
 * then match every question that uses them; they also cut sentences that run over a page break.
 */

/** Lines at each edge of a page that may be running lines. */
const EDGE_LINES = 2;
/** A line is running when it (numbers aside) sits at the same edge of at least this share of pages (a chapter's own running header covers only its chapter)… */
const RUNNING_SHARE = 0.1;
/** …and of at least this many pages, so a short document's one repeated line is kept. */
const RUNNING_MIN_PAGES = 3;
/** A well-formed roman numeral (a front-matter page number), not any word made of its letters. */
const ROMAN = '(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})';
/** A page number alone: "12", "- 12 -", "Page 12", "12 / 80", "Page 12 of 80", roman "xii". */
const PAGE_NUMBER = new RegExp(
  `^(?:page\\s+)?[-–—(]?\\s*(?:\\d{1,5}|${ROMAN})\\s*[-–—)]?(?:\\s*(?:/|of)\\s*\\d{1,5})?$`,
  'i',
);

const NUMBER = `(?:\\d{1,5}|${ROMAN})`;
/** A page number and what may follow it ("72 / 233", "12 of 80", "xii") at a line's start or end. */
const EDGE_NUMBER = `${NUMBER}(?:\\s*(?:[/|·•–-]|of)\\s*\\d{1,5})?`;
const LEADING_NUMBER = new RegExp(`^${EDGE_NUMBER}\\s+`, 'i');
const TRAILING_NUMBER = new RegExp(`\\s+${EDGE_NUMBER}$`, 'i');
/**
 * A line's shape: a number at its start or end (where page numbers are printed) folded, so
 * "Debian Reference 72 / 233" on every page, or "xii Preface", is one shape. Numbers inside the
 * line are kept: "Step 3 of the setup" on three pages' first lines is not furniture.
 */
const shapeOf = (line: string) =>
  line.trim().toLowerCase().replace(/\s+/g, ' ').replace(LEADING_NUMBER, '# ').replace(TRAILING_NUMBER, ' #');
/** A table-of-contents entry: a title, dot leaders, a page number ("1.1 Console basics . . . . 1"). */
const CONTENTS_ENTRY = /(?:\s*\.){4,}\s*(?:\d{1,5}|[ivxlcdm]{1,8})\s*$/i;

interface Edge {
  top: string[];
  bottom: string[];
}

function edgesOf(lines: readonly string[]): Edge {
  const content = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim() !== '');
  return {
    top: content.slice(0, EDGE_LINES).map(({ line }) => shapeOf(line)),
    bottom: content.slice(-EDGE_LINES).map(({ line }) => shapeOf(line)),
  };
}

/**
 * Each page's text without its running headers, running footers, bare page numbers and table-of-
 * contents entries (which name every topic and answer none). Only lines at a page's top or bottom
 * edge are candidates for running lines, so the same words inside the body always stay.
 */
export function stripRunningLines(pages: readonly string[]): string[] {
  const split = pages.map((text) => text.split('\n').filter((line) => !CONTENTS_ENTRY.test(line)));
  const edges = split.map(edgesOf);
  const count = (key: 'top' | 'bottom') => {
    const seen = new Map<string, number>();
    for (const edge of edges) for (const shape of new Set(edge[key])) seen.set(shape, (seen.get(shape) ?? 0) + 1);
    return seen;
  };
  const needed = Math.max(RUNNING_MIN_PAGES, Math.ceil(pages.length * RUNNING_SHARE));
  const running = { top: count('top'), bottom: count('bottom') };
  const isRunning = (line: string, key: 'top' | 'bottom') =>
    PAGE_NUMBER.test(line.trim()) || (running[key].get(shapeOf(line)) ?? 0) >= needed;

  return split.map((lines) => {
    const kept = [...lines];
    // From each edge inwards, while the lines there are running ones (blank lines between them too).
    for (let removed = 0; kept.length > 0 && removed < EDGE_LINES;) {
      const line = kept[0]!;
      if (line.trim() !== '' && !isRunning(line, 'top')) break;
      if (line.trim() !== '') removed++;
      kept.shift();
    }
    for (let removed = 0; kept.length > 0 && removed < EDGE_LINES;) {
      const line = kept.at(-1)!;
      if (line.trim() !== '' && !isRunning(line, 'bottom')) break;
      if (line.trim() !== '') removed++;
      kept.pop();
    }
    while (kept[0]?.trim() === '') kept.shift();
    while (kept.at(-1)?.trim() === '') kept.pop();
    return kept.join('\n');
  });
}
