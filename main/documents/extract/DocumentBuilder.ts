import {
  MAX_DOCUMENT_CHARS,
  type DocumentKind,
  type DocumentSection,
  type ExtractedDocument,
} from '../../../contract/index.js';
import { ExtractionError } from './ExtractionError.js';

/** Sections are separated by one blank line in the document's text. */
export const SECTION_SEPARATOR = '\n\n';

/**
 * Assembles a document's text from its sections and keeps every section's offsets exact, so the
 * extractors only say what text belongs under which heading or page.
 */
export class DocumentBuilder {
  private readonly parts: string[] = [];
  private readonly sections: DocumentSection[] = [];
  private length = 0;

  /** Adds a section; blank text adds nothing (a heading-less gap, an empty page). */
  addSection(headingPath: readonly string[], page: number | null, text: string): void {
    const trimmed = trimBlankLines(text);
    if (!trimmed.trim()) return;
    if (this.parts.length > 0) {
      this.parts.push(SECTION_SEPARATOR);
      this.length += SECTION_SEPARATOR.length;
    }
    const start = this.length;
    this.length += trimmed.length;
    if (this.length > MAX_DOCUMENT_CHARS) {
      throw ExtractionError.localized('too_large', 'errorTooMuchText', {
        max: MAX_DOCUMENT_CHARS.toLocaleString('en'),
      });
    }
    this.parts.push(trimmed);
    this.sections.push({ headingPath: [...headingPath], page, text: trimmed, start, end: this.length });
  }

  /** The heading path of the first section that has one: a title when the document names none. */
  firstHeadingPath(): string[] | null {
    return this.sections.find((section) => section.headingPath.length > 0)?.headingPath ?? null;
  }

  get isEmpty(): boolean {
    return this.sections.length === 0;
  }

  finish(kind: DocumentKind, title: string, pageCount: number | null): ExtractedDocument {
    if (this.isEmpty) throw ExtractionError.localized('empty', 'errorNoText');
    return { kind, title, pageCount, text: this.parts.join(''), sections: this.sections };
  }
}

/** Drops whole blank lines at both ends and trailing spaces at the end; a line's indentation stays. */
function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t\f\v\u00a0]*\n)+/, '').trimEnd();
}
