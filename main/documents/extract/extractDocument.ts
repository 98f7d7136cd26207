import { open, stat } from 'node:fs/promises';
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

const MB = 1024 * 1024;

/**
 * The largest file read, by kind. A PDF is parsed from memory, so its bytes count in full; a
 * scanned book can be large, text rarely is. Text formats are also bounded by the character limit.
 */
export const MAX_FILE_BYTES: Record<DocumentKind, number> = {
  pdf: 512 * MB,
  docx: 100 * MB,
  markdown: 64 * MB,
  html: 64 * MB,
  text: 64 * MB,
};

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
  const info = await stat(path).catch((error: unknown) => {
    throw unreadable(error);
  });
  if (!info.isFile()) throw new ExtractionError('unreadable', 'This is not a file.');
  if (info.size === 0) throw new ExtractionError('empty', 'The file is empty (0 bytes).');

  const kind = detectType(await readHead(path), name);
  if (info.size > MAX_FILE_BYTES[kind]) {
    throw new ExtractionError(
      'too_large',
      `The file is ${Math.ceil(info.size / MB)} MB; Hearth reads ${kind === 'pdf' ? 'PDFs' : 'files of this kind'} up to ${MAX_FILE_BYTES[kind] / MB} MB.`,
    );
  }
  const bytes = await readAll(path);
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

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r').catch((error: unknown) => {
    throw unreadable(error);
  });
  try {
    const head = new Uint8Array(8192);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

async function readAll(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r').catch((error: unknown) => {
    throw unreadable(error);
  });
  try {
    const buffer = await file.readFile();
    // A view, not a copy (a 500 MB PDF once is enough); pdf.js wants a plain Uint8Array, not a Buffer.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } finally {
    await file.close();
  }
}

function unreadable(error: unknown): ExtractionError {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'The file no longer exists.'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Hearth is not allowed to read the file.'
        : `The file cannot be read (${error instanceof Error ? error.message : String(error)}).`;
  return new ExtractionError('unreadable', why);
}
