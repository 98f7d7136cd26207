import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { droppedFilePath } from '../../api/droppedFilePath.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { Dialog } from '../common/Dialog.js';
import { Icon } from '../common/Icon.js';
import { NoticeLine } from '../common/NoticeLine.js';
import { CollectionBar } from './CollectionBar.js';
import { DocumentImportForm } from './DocumentImportForm.js';
import { DocumentList } from './DocumentList.js';
import { EmbeddingOfferCard } from './EmbeddingOfferCard.js';
import { FolderImportForm } from './FolderImportForm.js';
import { ImportOutcomeList } from './ImportOutcomeList.js';
import { useFileDrop } from '../../hooks/useFileDrop.js';
import { t as translate } from '../../i18n/i18n.js';

/**
 * Documents: import files by path or by dropping them, watch each one being read and indexed,
 * cancel, retry or delete, and group them in collections. The list shows one collection, or all.
 */
export function DocumentsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('documents');
  const commands = useCommands();
  const [collectionId, setCollectionId] = useState<string | null>(null);
  const [dropHint, setDropHint] = useState<string | null>(null);
  const host = useAppStore((state) => (state.appInfo?.canChooseFiles ? 'desktop' : 'web'));
  const documents = useAppStore(
    useShallow((state) =>
      collectionId === null ? state.documents : state.documents.filter((d) => d.collectionId === collectionId),
    ),
  );

  const onFiles = (files: File[]) => {
    const paths = files.map(droppedFilePath).filter((path) => path !== null);
    const unknown = files.filter((file) => droppedFilePath(file) === null).map((file) => file.name);
    // A browser never says where a dropped file is, and main reads documents from disk: without
    // the path the bytes would have to travel through the page instead.
    setDropHint(
      unknown.length === 0
        ? null
        : t(host === 'web' ? 'dropNeedsDesktop' : 'dropUnknownPath', {
            names: listNames(unknown),
            count: unknown.length,
          }),
    );
    if (paths.length > 0) void commands.importDocuments(paths, collectionId);
  };

  const { dragging, dropProps } = useFileDrop(onFiles);

  return (
    <Dialog title={t('dialogTitle')} onClose={onClose} className="dialog--documents" testId="documents-dialog">
      <div className="documents" data-dragging={dragging || undefined} {...dropProps}>
        <DocumentsNoticeLine />
        <div className="dialog-body documents-body">
          <CollectionBar collectionId={collectionId} onChange={setCollectionId} />
          <DocumentImportForm collectionId={collectionId} hint={dropHint} onDismissHint={() => setDropHint(null)} />
          <ImportOutcomeList />
          <EmbeddingOfferCard />
          <FolderImportForm collectionId={collectionId} />
          <DocumentList documents={documents} inCollection={collectionId !== null} />
        </div>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <Icon name="fileImport" size={28} />
            {t('dropFilesHere')}
          </div>
        )}
      </div>
    </Dialog>
  );
}

function DocumentsNoticeLine() {
  const notice = useAppStore((state) => state.documentsNotice);
  const setNotice = useAppStore((state) => state.setDocumentsNotice);
  const dismiss = useCallback(() => setNotice(null), [setNotice]);
  return <NoticeLine notice={notice} onDismiss={dismiss} testId="documents-notice" />;
}

/** "a.pdf", "a.pdf and b.docx", "a.pdf, b.docx and 3 more". */
function listNames(names: string[]): string {
  const [first = '', second = ''] = names;
  if (names.length === 1) return first;
  if (names.length === 2) return translate('namesTwo', { ns: 'documents', first, second });
  return translate('namesMore', { ns: 'documents', first, second, count: names.length - 2 });
}
