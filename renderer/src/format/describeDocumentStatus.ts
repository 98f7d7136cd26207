import type { DocumentSummary } from '../../../contract/index.js';
import { localizedMessage, t } from '../i18n/i18n.js';

/**
 * Where a document's import stands, in a few words: "Indexed · 261 pages · 843 passages",
 * "Reading · 12 pages read", "Failed: The PDF is encrypted." A failure's message is written for the
 * user by main and names the problem, not the file; it is shown in the UI's language when it was
 * stored with its catalog key, and as stored (English) for failures recorded before keys were.
 */
export function describeDocumentStatus(document: DocumentSummary): string {
  switch (document.status) {
    case 'queued':
      return t('statusQueued', { ns: 'documents' });
    case 'extracting':
      return document.pagesRead
        ? t('statusReadingPages', { ns: 'documents', count: document.pagesRead })
        : t('statusReadingFile', { ns: 'documents' });
    case 'indexing':
      return t('statusIndexing', { ns: 'documents', done: document.chunksIndexed, count: document.chunksTotal });
    case 'indexed':
      return [
        t('statusIndexed', { ns: 'documents' }),
        document.pageCount === null ? null : t('pageCount', { ns: 'documents', count: document.pageCount }),
        t('passageCount', { ns: 'documents', count: document.chunksTotal }),
      ]
        .filter((part) => part !== null)
        .join(t('metaSeparator', { ns: 'documents' }));
    case 'failed':
      return document.error
        ? t('statusFailed', { ns: 'documents', reason: localizedMessage(document.error) })
        : t('statusFailedUnknown', { ns: 'documents' });
    case 'cancelled':
      return t('statusCancelled', { ns: 'documents' });
    default:
      return document.status satisfies never;
  }
}
