import type { DocumentSummary } from '../../../contract/index.js';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Where a document's import stands, in a few words: "Indexed · 261 pages · 843 passages",
 * "Reading · 12 pages read", "Failed: The PDF is encrypted." A failure's message is written for the
 * user by main and names the problem, not the file.
 */
export function describeDocumentStatus(document: DocumentSummary): string {
  switch (document.status) {
    case 'queued':
      return 'Waiting to import';
    case 'extracting':
      return document.pagesRead ? `Reading · ${count(document.pagesRead, 'page', 'pages')} read` : 'Reading the file…';
    case 'indexing':
      return `Indexing · ${document.chunksIndexed.toLocaleString('en-US')} of ${count(document.chunksTotal, 'passage', 'passages')}`;
    case 'indexed':
      return [
        'Indexed',
        document.pageCount === null ? null : count(document.pageCount, 'page', 'pages'),
        count(document.chunksTotal, 'passage', 'passages'),
      ]
        .filter((part) => part !== null)
        .join(' · ');
    case 'failed':
      return `Failed: ${document.error?.message ?? 'the file could not be imported.'}`;
    case 'cancelled':
      return 'Cancelled';
    default:
      return document.status satisfies never;
  }
}
