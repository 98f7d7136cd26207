import { IMPORT_PART_MAX_CHARS } from '../../../contract/index.js';

/** The text in parts one call can carry, never cutting a character in two (a surrogate pair). */
export function splitForUpload(text: string, size = IMPORT_PART_MAX_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length || parts.length === 0) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > start && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}
