import {
  MAX_DOCUMENT_CHARS,
  type DocumentKind,
  type DocumentSection,
  type ExtractedDocument,
} from '../../../contract/index.js';
import { ExtractionError } from './ExtractionError.js';

/** Where a section begins in the source text, and the headings it sits under. */
export interface SourceCut {
  start: number;
  headingPath: string[];
}

/**
 * A document whose text is its source file as written (Markdown, plain text), cut into sections
 * at the given offsets: a citation then points into the file the user can open, character for
 * character. Blank lines at a section's edges are left between sections.
 */
export function documentFromSource(
  kind: DocumentKind,
  title: string,
  text: string,
  cuts: readonly SourceCut[],
): ExtractedDocument {
  if (text.length > MAX_DOCUMENT_CHARS) {
    throw ExtractionError.localized('too_large', 'errorTooMuchText', { max: MAX_DOCUMENT_CHARS.toLocaleString('en') });
  }
  const sections: DocumentSection[] = [];
  const starts = cuts.length > 0 && cuts[0]!.start === 0 ? cuts : [{ start: 0, headingPath: [] }, ...cuts];
  starts.forEach((cut, index) => {
    const end = starts[index + 1]?.start ?? text.length;
    const slice = text.slice(cut.start, end);
    const leading = /^(?:[ \t\f\v\u00a0]*\n)*/.exec(slice)![0].length;
    const body = slice.slice(leading).trimEnd();
    if (!body.trim()) return;
    const start = cut.start + leading;
    sections.push({ headingPath: cut.headingPath, page: null, text: body, start, end: start + body.length });
  });
  if (sections.length === 0) throw ExtractionError.localized('empty', 'errorNoText');
  return { kind, title: title.slice(0, 500), pageCount: null, text, sections };
}
