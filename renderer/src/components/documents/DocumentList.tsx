import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../contract/index.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { DocumentRow } from './DocumentRow.js';

interface DocumentListProps {
  documents: DocumentSummary[];
  /** The list shows one collection (the empty state says so). */
  inCollection: boolean;
}

export function DocumentList({ documents, inCollection }: DocumentListProps) {
  const { t } = useTranslation('documents');
  const loaded = useAppStore((state) => state.documentsLoaded);
  if (!loaded) {
    return (
      <p className="documents-loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('loadingDocuments')}
      </p>
    );
  }
  if (documents.length === 0) {
    return (
      <div className="documents-empty" data-testid="documents-empty">
        <Icon name="fileText" size={28} />
        <strong>{inCollection ? t('noDocumentsInCollection') : t('noDocuments')}</strong>
        <p>{t('emptyExplanation')}</p>
      </div>
    );
  }
  return (
    <ul className="document-list" aria-label={t('documentListLabel')} data-testid="document-list">
      {documents.map((document) => (
        <DocumentRow key={document.id} document={document} />
      ))}
    </ul>
  );
}
