import {
  ChunkingOptionsSchema,
  DEFAULT_CHUNKING,
  describeIssues,
  type ChunkingOptions,
  type DocumentChunk,
  type DocumentSection,
  type ExtractedDocument,
} from '../../../contract/index.js';
import { findBreak, findOverlapStart } from './findBreak.js';

/** A run of sections chunked as one: a section, or tiny sections merged into the one after them. */
interface Span {
  start: number;
  end: number;
  page: number | null;
  sections: DocumentSection[];
}

/**
 * Cuts a document into chunks for retrieval, following its structure:
 *
 * - A chunk never crosses a page boundary, so every chunk cites one page.
 * - A chunk never crosses a section boundary, except that a tiny section (under a quarter of the
 *   target, e.g. a chapter heading with no text of its own) is merged into the section after it on
 *   the same page: a chunk holding only "Chapter 3" would match queries and answer nothing. Such a
 *   chunk takes the heading path of the section that holds most of its text.
 * - Within a section, chunks end at the best break before the target size (paragraph, sentence,
 *   line, word) and the next one repeats about `overlapChars` from a sentence or word start.
 *   Overlap never reaches across sections or pages.
 * - Every chunk's text is exactly `document.text.slice(startOffset, endOffset)`, trimmed of white
 *   space at both ends, so a citation highlights precisely the passage that was retrieved.
 */
export function chunkDocument(
  document: ExtractedDocument,
  options: ChunkingOptions = DEFAULT_CHUNKING,
): DocumentChunk[] {
  const parsed = ChunkingOptionsSchema.safeParse(options);
  if (!parsed.success) throw new RangeError(`Invalid chunking options: ${describeIssues(parsed.error)}`);
  const { targetChars, overlapChars } = parsed.data;
  const { text } = document;
  const chunks: DocumentChunk[] = [];
  for (const span of spansOf(document.sections, Math.floor(targetChars / 4))) {
    for (const [start, end] of splitSpan(text, span.start, span.end, targetChars, overlapChars)) {
      chunks.push({
        ordinal: chunks.length,
        text: text.slice(start, end),
        startOffset: start,
        endOffset: end,
        page: span.page,
        headingPath: [...mainSection(span.sections, start, end).headingPath],
      });
    }
  }
  return chunks;
}

function spansOf(sections: readonly DocumentSection[], tinyChars: number): Span[] {
  const spans: Span[] = [];
  let current: Span | null = null;
  for (const section of sections) {
    if (current && current.page === section.page && current.end - current.start < tinyChars) {
      current.end = section.end;
      current.sections.push(section);
      continue;
    }
    if (current) spans.push(current);
    current = { start: section.start, end: section.end, page: section.page, sections: [section] };
  }
  if (current) spans.push(current);
  return spans;
}

function splitSpan(
  text: string,
  spanStart: number,
  spanEnd: number,
  target: number,
  overlap: number,
): [number, number][] {
  const ranges: [number, number][] = [];
  let start = skipSpace(text, spanStart, spanEnd);
  while (start < spanEnd) {
    const end = spanEnd - start <= target ? spanEnd : findBreak(text, start + Math.floor(target / 2), start + target);
    const trimmedEnd = trimEnd(text, start, end);
    if (trimmedEnd > start) ranges.push([start, trimmedEnd]);
    if (end >= spanEnd) break;
    let next = overlap > 0 ? findOverlapStart(text, Math.max(start + 1, end - overlap), end) : end;
    next = skipSpace(text, next, spanEnd);
    // Always move on: an overlap start at or before this chunk's start would loop.
    start = next > start ? next : skipSpace(text, end, spanEnd);
  }
  return ranges;
}

/** The section that holds most of `[start, end)`. */
function mainSection(sections: readonly DocumentSection[], start: number, end: number): DocumentSection {
  let best = sections[0]!;
  let bestShare = -1;
  for (const section of sections) {
    const share = Math.min(end, section.end) - Math.max(start, section.start);
    if (share > bestShare) {
      best = section;
      bestShare = share;
    }
  }
  return best;
}

function skipSpace(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && /\s/.test(text[at]!)) at++;
  return at;
}

function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}
