import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { droppedFilePath } from '../../api/droppedFilePath.js';
import { useAppStore } from '../../store/appStore.js';
import type { LibraryTab } from '../../store/uiSlice.js';
import { Dialog } from '../common/Dialog.js';
import { Icon } from '../common/Icon.js';
import { NoticeLine } from '../common/NoticeLine.js';
import { isActive } from './activeDownloads.js';
import { CatalogTab } from './CatalogTab.js';
import { DownloadsTab } from './DownloadsTab.js';
import { CLOSED_IMPORT, type ImportDraft } from './importDraft.js';
import { InstalledTab } from './InstalledTab.js';
import { LibraryTabs } from './LibraryTabs.js';
import { useFileDrop } from '../../hooks/useFileDrop.js';

interface LibraryDialogProps {
  /** Kept in the store's dialog, so that opening the library on a tab while it is open switches to it. */
  tab: LibraryTab;
  /** A catalog entry to scroll to (a link from elsewhere, e.g. strict mode offering a reranker). */
  entryId: string | null;
  onTabChange: (tab: LibraryTab) => void;
  onClose: () => void;
}

/** Models: what is installed, the catalog to download from, and the downloads under way. */
export function LibraryDialog({ tab, entryId, onTabChange: setTab, onClose }: LibraryDialogProps) {
  const { t } = useTranslation('library');
  const id = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importDraft, setImportDraft] = useState<ImportDraft>(CLOSED_IMPORT);
  const modelCount = useAppStore((state) => state.models.length);
  const activeCount = useAppStore((state) => state.downloads.filter(isActive).length);
  const host = useAppStore((state) => (state.appInfo?.canChooseFiles ? 'desktop' : 'web'));

  const showModel = (modelId: string) => {
    setSelectedId(modelId);
    setTab('installed');
  };

  const onFiles = (files: File[]) => {
    const file = files[0];
    if (!file) return;
    setTab('installed');
    useAppStore.getState().finishImport(null);
    if (!file.name.toLowerCase().endsWith('.gguf')) {
      setImportDraft({ ...importDraft, open: true, hint: t('dropNotGguf', { file: file.name }) });
      return;
    }
    const path = droppedFilePath(file);
    if (path !== null) {
      setImportDraft({ ...importDraft, open: true, path, hint: null });
      return;
    }
    // A browser never says where a dropped file is, and without the path the file cannot be linked or copied
    // by main: the bytes would have to travel through the page instead.
    setImportDraft({
      ...importDraft,
      open: true,
      path: '',
      hint: host === 'web' ? t('dropNeedsDesktop', { file: file.name }) : t('dropNoPath', { file: file.name }),
    });
  };

  const { dragging, dropProps } = useFileDrop(onFiles);

  return (
    <Dialog title={t('dialogTitle')} onClose={onClose} className="dialog--library" testId="library-dialog">
      <div className="library" data-dragging={dragging || undefined} {...dropProps}>
        <LibraryTabs
          tab={tab}
          onChange={setTab}
          idPrefix={id}
          counts={{ installed: modelCount, downloads: activeCount }}
        />
        <LibraryNoticeLine />
        <div
          className="dialog-body library-body"
          role="tabpanel"
          id={`${id}-panel`}
          aria-labelledby={`${id}-tab-${tab}`}
          data-testid={`library-panel-${tab}`}
        >
          {tab === 'installed' && (
            <InstalledTab
              selectedId={selectedId}
              onSelect={setSelectedId}
              importDraft={importDraft}
              onImportDraft={setImportDraft}
              onBrowseCatalog={() => setTab('catalog')}
            />
          )}
          {tab === 'catalog' && <CatalogTab entryId={entryId} />}
          {tab === 'downloads' && <DownloadsTab onShowModel={showModel} />}
        </div>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            <Icon name="fileImport" size={28} />
            {t('dropToImport')}
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** What the library last did or failed to do. */
function LibraryNoticeLine() {
  const notice = useAppStore((state) => state.libraryNotice);
  const setNotice = useAppStore((state) => state.setLibraryNotice);
  const dismiss = useCallback(() => setNotice(null), [setNotice]);
  return <NoticeLine notice={notice} onDismiss={dismiss} testId="library-notice" />;
}
