import type { Citation } from '../../../contract/index.js';

/** "guide.pdf · p. 2 · Care": the file, the page where there are pages, and the innermost section. */
export function describeCitation(citation: Pick<Citation, 'fileName' | 'page' | 'headingPath'>): string {
  return [citation.fileName, citation.page === null ? null : `p. ${citation.page}`, citation.headingPath.at(-1)]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' · ');
}
