import type { Span } from './locateSnippet.js';

/** A naive passage: a fixed window of the extracted text, with no regard for its structure. */
export interface Window extends Span {
  text: string;
}

/**
 * Cuts text into back-to-back windows of `size` characters (the last one shorter): the
 * baseline that structure-aware chunking has to beat.
 */
export function naiveWindows(text: string, size = 1000): Window[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`window size ${size}`);
  const windows: Window[] = [];
  for (let start = 0; start < text.length; start += size) {
    const end = Math.min(text.length, start + size);
    windows.push({ start, end, text: text.slice(start, end) });
  }
  return windows;
}
