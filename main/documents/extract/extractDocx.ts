import type { ExtractedDocument } from '../../../contract/index.js';
import { ExtractionError } from './ExtractionError.js';
import { extractHtml } from './extractHtml.js';

/**
 * Word's "Title" style is the document's title; mammoth's default map leaves it a plain
 * paragraph, so it would lose its place above the headings.
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/**
 * A Word document through mammoth, which turns its heading styles into h1–h6; the HTML is then
 * read like any HTML file. Images are dropped (we index text), so mammoth never inlines them.
 */
export async function extractDocx(bytes: Uint8Array, fallbackTitle: string): Promise<ExtractedDocument> {
  const mammoth = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw ExtractionError.localized('corrupt', 'errorWordDamaged', { detail: detail.slice(0, 900) });
  }
  return extractHtml(html, fallbackTitle, 'docx');
}
