import type { ExtractedDocument } from '../../../contract/index.js';
import { decodeText } from './decodeText.js';
import { documentFromSource } from './documentFromSource.js';

/** A plain text file: one section without headings; the chunker cuts it at paragraphs. */
export function extractText(bytes: Uint8Array, fallbackTitle: string): ExtractedDocument {
  return documentFromSource('text', fallbackTitle, decodeText(bytes), []);
}
