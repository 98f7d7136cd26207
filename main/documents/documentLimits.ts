import type { DocumentKind } from '../../contract/index.js';

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

/** No kind of document is read past this: a larger file is refused before it is even hashed. */
export const MAX_DOCUMENT_BYTES = Math.max(...Object.values(MAX_FILE_BYTES));
