import type { SearchSnippet } from '../../contract/index.js';

/** Characters of context shown before the first match. */
const BEFORE = 40;
const SNIPPET_CHARS = 160;

/**
 * The part of `text` around the first place any of `terms` occurs (case-insensitive), with every
 * occurrence inside it marked, for the renderer to highlight as text (never as HTML).
 */
export function searchSnippet(text: string, terms: readonly string[]): SearchSnippet {
  const lower = text.toLowerCase();
  const needles = terms.map((term) => term.toLowerCase()).filter(Boolean);
  const first = Math.min(...needles.map((needle) => lower.indexOf(needle)).filter((at) => at >= 0), text.length);
  const start = first === text.length || first <= BEFORE ? 0 : first - BEFORE;
  const end = Math.min(text.length, start + SNIPPET_CHARS);
  const lead = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/g, ' ');
  const shown = `${lead}${body}${end < text.length ? '…' : ''}`;
  const shownLower = shown.toLowerCase();
  const matches: [number, number][] = [];
  for (const needle of needles) {
    for (let at = shownLower.indexOf(needle); at >= 0; at = shownLower.indexOf(needle, at + needle.length)) {
      matches.push([at, at + needle.length]);
    }
  }
  matches.sort((a, b) => a[0] - b[0]);
  // Overlapping matches (one term inside another) become one.
  const merged: [number, number][] = [];
  for (const match of matches) {
    const last = merged.at(-1);
    if (last && match[0] <= last[1]) last[1] = Math.max(last[1], match[1]);
    else merged.push([...match]);
  }
  return { text: shown, matches: merged };
}
