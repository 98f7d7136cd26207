import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { ExtractedDocument } from '../../../contract/index.js';
import { DocumentBuilder } from './DocumentBuilder.js';
import { ExtractionError } from './ExtractionError.js';
import { pdfPageText } from './pdfPageText.js';
import { stripRunningLines } from './pdfRunningLines.js';
import { readPdfOutline, type OutlineHeading } from './pdfOutline.js';

/** Called after each page: 1-based page number and the page count. */
export type PageProgress = (page: number, pageCount: number) => void;

/** Font and CMap caches are dropped this often, so a long document's memory stays flat. */
const CLEANUP_EVERY_PAGES = 50;

/** pdf.js's data folders, read from disk: pdf.js never fetches anything. */
function pdfjsAssets() {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + sep,
    standardFontDataUrl: join(root, 'standard_fonts') + sep,
    wasmUrl: join(root, 'wasm') + sep,
  };
}

/**
 * A PDF's text, one section per page (split further where a bookmark's heading starts mid-page).
 * Runs only in the extraction worker process: pdf.js parses untrusted bytes, so main and the
 * renderer never load it. Pages are read one at a time and released, so a 500-page file costs
 * the file's bytes plus one page, not the whole document's object tree.
 */
export async function extractPdf(
  data: Uint8Array,
  fallbackTitle: string,
  onPage: PageProgress,
): Promise<ExtractedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data,
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  // No onPassword handler: pdf.js then rejects at once with a PasswordException.

  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    throw describeOpenError(error);
  }
  try {
    const pageCount = pdf.numPages;
    if (pageCount < 1) throw ExtractionError.localized('empty', 'errorPdfNoPages');
    const headings = await readPdfOutline(pdf, pageCount);
    const builder = new DocumentBuilder();
    let current: string[] = [];
    let nextHeading = 0;
    let failedPages = 0;
    // Pages are read first and added after: running headers and footers show only across pages.
    const pages: { text: string; headings: OutlineHeading[] }[] = [];
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      const onThisPage: OutlineHeading[] = [];
      while (nextHeading < headings.length && headings[nextHeading]!.page <= pageNumber) {
        onThisPage.push(headings[nextHeading]!);
        nextHeading++;
      }
      let text: string;
      try {
        const page = await pdf.getPage(pageNumber);
        try {
          text = pdfPageText((await page.getTextContent()).items);
        } finally {
          page.cleanup();
        }
      } catch {
        // pdf.js recovers what it can; a page it cannot read is skipped rather than losing the rest.
        failedPages++;
        text = '';
      }
      pages.push({ text, headings: onThisPage });
      if (pageNumber % CLEANUP_EVERY_PAGES === 0) await pdf.cleanup();
      onPage(pageNumber, pageCount);
    }
    stripRunningLines(pages.map((page) => page.text)).forEach((text, index) => {
      current = addPage(builder, index + 1, text, current, pages[index]!.headings);
    });
    if (failedPages === pageCount) throw ExtractionError.localized('corrupt', 'errorPdfNoReadablePage');
    if (builder.isEmpty) throw ExtractionError.localized('no_text', 'errorPdfScanned');
    // pdf.js types the info dictionary as `Object`: read the one field we want as unknown.
    const info: unknown = (await pdf.getMetadata().catch(() => null))?.info;
    const documentTitle: unknown = (info as { Title?: unknown } | undefined)?.Title;
    const title =
      typeof documentTitle === 'string' && documentTitle.trim() ? documentTitle.trim().slice(0, 500) : fallbackTitle;
    return builder.finish('pdf', title, pageCount);
  } finally {
    await pdf.destroy();
  }
}

/**
 * Adds one page, cut where a bookmark's title begins a line on it; returns the heading path in
 * force at the page's end. A bookmark whose title is not found on its page takes effect where the
 * previous cut was (the page's top when it is the first).
 */
function addPage(
  builder: DocumentBuilder,
  page: number,
  text: string,
  inForce: string[],
  headings: OutlineHeading[],
): string[] {
  let current = inForce;
  let cursor = 0;
  for (const heading of headings) {
    const at = findLineStarting(text, heading.headingPath.at(-1) ?? '', cursor);
    if (at !== null && at > cursor) {
      builder.addSection(current, page, text.slice(cursor, at));
      cursor = at;
    }
    current = heading.headingPath;
  }
  builder.addSection(current, page, text.slice(cursor));
  return current;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
/** "1.2.3 ", "A.1 ", "Chapter 4. ": numbering a PDF prints before a heading that its bookmark omits. */
const NUMBERING = /^(?:(?:chapter|section|appendix|part)\s+)?[0-9a-z]{1,4}(?:\.[0-9a-z]{1,4})*\.?\s+/;

/**
 * Where a line on the page is the heading: the whole line (less its numbering), or its first line
 * when a long heading wraps. A line that merely starts with the word ("Links to the parent…" for
 * "Links") is not a heading.
 */
function findLineStarting(text: string, title: string, from: number): number | null {
  const wanted = squeeze(title);
  if (!wanted) return null;
  for (let at = from; at < text.length;) {
    const end = text.indexOf('\n', at);
    const lineEnd = end === -1 ? text.length : end;
    const line = squeeze(text.slice(at, Math.min(lineEnd, at + 600)));
    for (const candidate of [line, line.replace(NUMBERING, '')]) {
      if (candidate === wanted || (candidate.length >= 20 && wanted.startsWith(candidate))) return at;
    }
    at = lineEnd + 1;
  }
  return null;
}

function describeOpenError(error: unknown): ExtractionError {
  const name = (error as { name?: unknown } | null)?.name;
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(detail)) {
    return ExtractionError.localized('encrypted', 'errorPdfPassword');
  }
  return ExtractionError.localized('corrupt', 'errorPdfDamaged', { detail: detail.slice(0, 900) });
}
