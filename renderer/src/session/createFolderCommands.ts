import { toErrorValue } from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { localizedMessage, t } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import { coalesce } from './coalesce.js';

/** Folders of documents: imported once, or watched so their documents follow the disk. */
export interface FolderCommands {
  refreshFolders(): Promise<void>;
  /** Resolves whether main took the folder; why not is in the documents notice. */
  importFolder(path: string, collectionId: string | null, watch: boolean): Promise<boolean>;
  /** Desktop: the system's choose-folder dialog; null when cancelled or refused. */
  chooseFolderPath(): Promise<string | null>;
  unwatchFolder(id: string): Promise<void>;
}

export function createFolderCommands(api: ApiClient, store: AppStore): FolderCommands {
  const { calls } = api;
  const state = () => store.getState();
  const fail = (error: unknown) =>
    state().setDocumentsNotice({ level: 'error', message: localizedMessage(toErrorValue(error)) });

  const refreshFolders = coalesce(async () => {
    try {
      state().setWatchedFolders(await calls['documents.folders']({}));
    } catch (error) {
      fail(error);
    }
  });

  return {
    refreshFolders,

    async importFolder(path, collectionId, watch) {
      state().setDocumentsNotice(null);
      state().startFolderImport();
      try {
        const result = await calls['documents.importFolder']({ path, collectionId, watch });
        state().finishFolderImport(result);
        if (result.queued > 0) state().announce(t('importingDocuments', { ns: 'documents', count: result.queued }));
        return true;
      } catch (error) {
        state().finishFolderImport(null);
        fail(error);
        return false;
      }
    },

    async chooseFolderPath() {
      try {
        return (await calls['library.chooseFolder']({})).dir;
      } catch (error) {
        fail(error);
        return null;
      }
    },

    async unwatchFolder(id) {
      const path = state().watchedFolders?.find((folder) => folder.id === id)?.path ?? null;
      try {
        await calls['documents.unwatchFolder']({ id });
        await refreshFolders();
        state().setDocumentsNotice({
          level: 'info',
          message:
            path === null
              ? t('stoppedWatchingUnnamed', { ns: 'documents' })
              : t('stoppedWatching', { ns: 'documents', path }),
        });
      } catch (error) {
        fail(error);
      }
    },
  };
}
