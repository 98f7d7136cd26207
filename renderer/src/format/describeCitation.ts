import type { Citation } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** "guide.pdf · p. 2 · Care": the file, the page where there are pages, and the innermost section. */
export function describeCitation(citation: Pick<Citation, 'fileName' | 'page' | 'headingPath'>): string {
  return [
    citation.fileName,
    citation.page === null ? null : t('citationPage', { ns: 'documents', page: citation.page }),
    citation.headingPath.at(-1),
  ]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' · ');
}
