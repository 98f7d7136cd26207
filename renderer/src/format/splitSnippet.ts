import type { SearchSnippet } from '../../../contract/index.js';

export interface SnippetPart {
  text: string;
  matched: boolean;
}

/**
 * A search snippet as runs of plain and matched text, in order, for the caller to render as text
 * and <mark> elements (never as HTML). Ranges out of order, overlapping or past the end are
 * clipped rather than trusted.
 */
export function splitSnippet({ text, matches }: SearchSnippet): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of matches) {
    const from = Math.max(start, at);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > at) parts.push({ text: text.slice(at, from), matched: false });
    parts.push({ text: text.slice(from, to), matched: true });
    at = to;
  }
  if (at < text.length) parts.push({ text: text.slice(at), matched: false });
  return parts;
}
