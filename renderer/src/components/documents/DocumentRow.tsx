import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../contract/index.js';
import { describeDocumentStatus } from '../../format/describeDocumentStatus.js';
import { formatBytes } from '../../format/formatBytes.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Icon } from '../common/Icon.js';
import { DeleteDocumentDialog } from './DeleteDocumentDialog.js';
import { DocumentTools } from './DocumentTools.js';
import { isImporting, percentIndexed } from './documentProgress.js';

/** Format names stay as they are in every language; only plain text is a word to translate. */
const KIND_NAMES: Record<Exclude<NonNullable<DocumentSummary['kind']>, 'text'>, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  markdown: 'Markdown',
  html: 'HTML',
};

/** One document: what it is, where its import stands, and what can be done with it now. */
export const DocumentRow = memo(function DocumentRow({ document }: { document: DocumentSummary }) {
  const { t } = useTranslation('documents');
  const commands = useCommands();
  const [confirming, setConfirming] = useState(false);
  const collectionName = useAppStore(
    (state) => state.collections.find((collection) => collection.id === document.collectionId)?.name ?? null,
  );
  const importing = isImporting(document);
  const failed = document.status === 'failed';
  const canRetry = failed || document.status === 'cancelled';
  const status = describeDocumentStatus(document);
  const title = document.title !== null && document.title !== document.fileName ? document.title : null;

  return (
    <li
      className="document-row"
      data-testid="document-row"
      data-status={document.status}
      data-id={document.id}
      aria-label={t('rowLabel', { name: document.fileName, status })}
    >
      <div className="document-head">
        <Icon name="fileText" />
        <span className="document-name break" title={document.path}>
          {document.fileName}
        </span>
        {document.kind && (
          <span className="chip">{document.kind === 'text' ? t('kindText') : KIND_NAMES[document.kind]}</span>
        )}
        <span className="document-size numeric">{formatBytes(document.sizeBytes)}</span>
      </div>
      {(title || collectionName) && (
        <p className="document-meta break">
          {title}
          {title && collectionName && t('metaSeparator')}
          {collectionName && <span className="document-collection">{t('inCollection', { name: collectionName })}</span>}
        </p>
      )}

      {importing && <DocumentProgress document={document} status={status} />}

      <div className="document-foot">
        {failed ? (
          <p className="field-error document-status" role="alert" data-testid="document-error">
            <Icon name="alert" size={14} />
            {status}
          </p>
        ) : (
          <p className={`document-status document-status--${document.status}`} data-testid="document-status">
            {document.status === 'indexed' && <Icon name="check" size={14} />}
            {status}
          </p>
        )}
        <span className="document-actions">
          {importing && (
            <button
              type="button"
              className="button button--small"
              onClick={() => void commands.cancelDocument(document.id)}
              data-testid="cancel-document"
            >
              {t('cancel')}
            </button>
          )}
          {canRetry && (
            <button
              type="button"
              className="button button--small"
              title={t('retryTitle')}
              onClick={() => void commands.importDocuments([document.path], document.collectionId)}
              data-testid="retry-document"
            >
              <Icon name="refresh" size={13} />
              {t('retry')}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('removeLabel', { name: document.fileName })}
            title={t('removeTitle')}
            onClick={() => setConfirming(true)}
            data-testid="delete-document"
          >
            <Icon name="trash" />
          </button>
        </span>
      </div>

      {document.status === 'indexed' && <DocumentTools document={document} />}

      {confirming && (
        <DeleteDocumentDialog
          fileName={document.fileName}
          importing={importing}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void commands.deleteDocument(document.id);
          }}
        />
      )}
    </li>
  );
});

/** Chunks indexed once the file is read; while it is read, only a moving bar and the pages so far. */
function DocumentProgress({ document, status }: { document: DocumentSummary; status: string }) {
  const { t } = useTranslation('documents');
  const percent = percentIndexed(document);
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-label={t('importProgressLabel', { name: document.fileName })}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? status : t('progressWithPercent', { percent, status })}
      data-indeterminate={percent === null || undefined}
      data-testid="document-progress"
    >
      {percent === null ? (
        <span className="progress-bar-sheen" />
      ) : (
        <span className="progress-bar-fill" style={{ width: `${percent}%` }} />
      )}
    </div>
  );
}
