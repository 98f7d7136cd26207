import { extname } from 'node:path';
import type { TextKey } from '../../../contract/i18n/index.js';
import type { DocumentKind } from '../../../contract/index.js';
import { HTML_EXTENSIONS, MARKDOWN_EXTENSIONS } from '../documentExtensions.js';
import { looksLikeText } from './decodeText.js';
import { ExtractionError } from './ExtractionError.js';

const startsWith = (head: Uint8Array, ...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
const ascii = (head: Uint8Array, length: number) => String.fromCharCode(...head.subarray(0, length));

/** Formats people drop by mistake, named so the error says what the file is. */
const KNOWN_BINARIES: [test: (head: Uint8Array) => boolean, error: TextKey<'documents'>][] = [
  [(h) => startsWith(h, 0x89, 0x50, 0x4e, 0x47), 'errorPngImage'],
  [(h) => startsWith(h, 0xff, 0xd8, 0xff), 'errorJpegImage'],
  [(h) => ascii(h, 4) === 'GIF8', 'errorGifImage'],
  [(h) => ascii(h, 4) === 'RIFF' && ascii(h.subarray(8), 4) === 'WEBP', 'errorWebpImage'],
  [(h) => startsWith(h, 0x49, 0x49, 0x2a, 0x00) || startsWith(h, 0x4d, 0x4d, 0x00, 0x2a), 'errorTiffImage'],
  [(h) => ascii(h, 4) === 'GGUF', 'errorGgufModel'],
  [(h) => startsWith(h, 0x7f, 0x45, 0x4c, 0x46) || ascii(h, 2) === 'MZ', 'errorProgram'],
];

/**
 * What kind of document a file is, from its first bytes and then its name. The bytes win: a
 * renamed PDF is read as a PDF, and a `.pdf` that does not start like one is refused as damaged
 * rather than fed to the parser.
 */
export function detectType(head: Uint8Array, fileName: string): DocumentKind {
  const extension = extname(fileName).toLowerCase();
  // The PDF spec allows junk before the header; readers accept it within the first 1 KB.
  if (ascii(head, 1024).includes('%PDF-')) return 'pdf';
  if (extension === '.pdf') throw ExtractionError.localized('corrupt', 'errorNoPdfHeader');

  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    if (extension === '.docx') return 'docx';
    throw extension
      ? ExtractionError.localized('unsupported_type', 'errorZipPackageOfType', {
          type: extension.slice(1).toUpperCase(),
        })
      : ExtractionError.localized('unsupported_type', 'errorZipPackage');
  }
  // An OLE compound file: legacy Word, or a .docx that Office encrypted with a password.
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    if (extension === '.docx') {
      throw ExtractionError.localized('encrypted', 'errorWordPassword');
    }
    throw ExtractionError.localized('unsupported_type', extension === '.doc' ? 'errorLegacyWord' : 'errorLegacyOffice');
  }
  if (extension === '.docx') throw ExtractionError.localized('corrupt', 'errorNotDocx');

  const binary = KNOWN_BINARIES.find(([test]) => test(head));
  if (binary) throw ExtractionError.localized('unsupported_type', binary[1]);
  if (!looksLikeText(head)) throw ExtractionError.localized('unsupported_type', 'errorNotADocument');
  if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
  if (HTML_EXTENSIONS.has(extension)) return 'html';
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(ascii(head, 512)) ? 'html' : 'text';
}
