import type { FileHandle } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DocumentKind, ExtractedDocument } from '../../../contract/index.js';
import { detectType } from './detectType.js';
import { ExtractionError } from './ExtractionError.js';
import { extractDocx } from './extractDocx.js';
import { extractHtml } from './extractHtml.js';
import { extractMarkdown } from './extractMarkdown.js';
import { extractPdf, type PageProgress } from './extractPdf.js';
import { extractText } from './extractText.js';
import { decodeText } from './decodeText.js';
import { MAX_FILE_BYTES } from '../documentLimits.js';
import { openDocumentFile } from '../openDocumentFile.js';

const MB = 1024 * 1024;

/**
 * Reads one file into an extracted document, or throws an ExtractionError that says why not.
 * Runs in the extraction worker process (PDFs and Word files are untrusted input to large
 * parsers); tests call it directly.
 */
export async function extractDocument(
  path: string,
  onPage: PageProgress = () => undefined,
): Promise<ExtractedDocument> {
  const name = basename(path);
  const fallbackTitle = basename(name, extname(name)) || name;
  const { file, size } = await openDocumentFile(path);
  let kind: DocumentKind;
  let bytes: Uint8Array;
  try {
    if (size === 0) throw ExtractionError.localized('empty', 'errorEmptyFile');
    kind = detectType(await readHead(file), name);
    if (size > MAX_FILE_BYTES[kind]) {
      throw ExtractionError.localized('too_large', kind === 'pdf' ? 'errorPdfTooLarge' : 'errorFileTooLarge', {
        size: Math.ceil(size / MB),
        max: MAX_FILE_BYTES[kind] / MB,
      });
    }
    bytes = await readAll(file, size);
  } finally {
    await file.close();
  }
  return extractKind(kind, bytes, fallbackTitle, onPage);
}

function extractKind(
  kind: DocumentKind,
  bytes: Uint8Array,
  fallbackTitle: string,
  onPage: PageProgress,
): Promise<ExtractedDocument> | ExtractedDocument {
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes, fallbackTitle, onPage);
    case 'docx':
      return extractDocx(bytes, fallbackTitle);
    case 'markdown':
      return extractMarkdown(bytes, fallbackTitle);
    case 'html':
      return extractHtml(decodeText(bytes), fallbackTitle);
    case 'text':
      return extractText(bytes, fallbackTitle);
    default:
      return kind satisfies never;
  }
}

async function readHead(file: FileHandle): Promise<Uint8Array> {
  const head = new Uint8Array(8192);
  const { bytesRead } = await file.read(head, 0, head.length, 0);
  return head.subarray(0, bytesRead);
}

/** The file's bytes as its size said when opened: a file still growing cannot push past the limit. */
async function readAll(file: FileHandle, size: number): Promise<Uint8Array> {
  // A plain Uint8Array, not a Buffer (pdf.js wants one), read once (a 500 MB PDF once is enough).
  const bytes = new Uint8Array(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await file.read(bytes, filled, size - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return bytes.subarray(0, filled);
}
