import type { DocumentSummary } from '../../../../contract/index.js';

/** Documents still waiting, being read or being indexed: what can be cancelled and what the header counts. */
export function isImporting(document: DocumentSummary): boolean {
  return document.status === 'queued' || document.status === 'extracting' || document.status === 'indexing';
}

/**
 * 0..100 while indexing (passages stored of those cut), else null: a file being read does not
 * say how many pages it has until it is read, so its bar only moves.
 */
export function percentIndexed(document: DocumentSummary): number | null {
  if (document.status === 'indexed') return 100;
  if (document.status !== 'indexing' || document.chunksTotal === 0) return null;
  return Math.min(100, Math.floor((document.chunksIndexed / document.chunksTotal) * 100));
}
