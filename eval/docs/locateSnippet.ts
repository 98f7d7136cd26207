/** Where a snippet sits in a document's text: [start, end) in the text's own offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Finds a snippet in extracted text, ignoring differences in whitespace (extraction may join a
 * PDF's lines with a space or a newline; the question set is written by hand with single
 * spaces). Returns every occurrence (a reference page may repeat a sentence; a passage showing
 * any of them answers), in the original text's offsets, so they compare with a passage's
 * [startOffset, endOffset). Empty when the snippet is not there.
 */
export function locateSnippet(text: string, snippet: string): Span[] {
  const words = snippet.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return [...text.matchAll(new RegExp(escaped.join('\\s+'), 'gu'))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Whether a passage [start, end) overlaps a span: the passage shows at least part of the answer. */
export function overlaps(passage: Span, span: Span): boolean {
  return passage.start < span.end && span.start < passage.end;
}
