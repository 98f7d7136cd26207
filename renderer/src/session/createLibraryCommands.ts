import { toErrorValue, type StartDownload } from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { modelName } from '../format/modelName.js';
import { localizedMessage, t } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import type { LibraryTab } from '../store/uiSlice.js';
import { coalesce } from './coalesce.js';

/**
 * The model library: catalog, downloads, imports, model cards. Failures are shown inside the
 * library (its notice line, the import form, the card), not as banners: the library is a modal
 * dialog and the banners sit behind it.
 */
export interface LibraryCommands {
  /** Opens the library on `tab` and fetches what it shows afresh. */
  openLibrary(tab?: LibraryTab, entryId?: string): void;
  refreshCatalog(): Promise<void>;
  refreshDownloads(): Promise<void>;
  /** Resolves the error message when main refused to start it, else null. */
  startDownload(request: StartDownload): Promise<string | null>;
  pauseDownload(id: string): Promise<void>;
  resumeDownload(id: string): Promise<void>;
  /** Stops a download and deletes its partial file, or clears a finished one from the list. */
  cancelDownload(id: string): Promise<void>;
  /** The desktop's open-file dialog; null when cancelled or failed. */
  chooseImportFile(): Promise<string | null>;
  /** Resolves the new model's id, or null when it failed (the reason is in `importError`). */
  importModel(path: string, mode: 'copy' | 'link'): Promise<string | null>;
  /** Asks the engine about one model; only the latest ask is shown. */
  showCard(modelId: string): Promise<void>;
  deleteModel(modelId: string): Promise<boolean>;
  revealModel(modelId: string): Promise<void>;
  /** The desktop's choose-folder dialog; null when cancelled or failed. */
  chooseModelsFolder(): Promise<string | null>;
  /** Resolves the error message when the folder was refused, else null. */
  setModelsFolder(dir: string): Promise<string | null>;
}

export function createLibraryCommands(
  api: ApiClient,
  store: AppStore,
  refreshModels: () => Promise<void>,
): LibraryCommands {
  const { calls } = api;
  const state = () => store.getState();
  let cardSeq = 0;

  // What main said, in the UI's language when it came with a catalog key.
  const message = (error: unknown) => localizedMessage(toErrorValue(error));
  const fail = (error: unknown) => state().setLibraryNotice({ level: 'error', message: message(error) });

  const refreshCatalog = coalesce(async () => {
    state().startCatalogLoad();
    try {
      state().setCatalog(await calls['library.catalog']({}));
    } catch (error) {
      state().failCatalog(message(error));
    }
  });

  const refreshDownloads = coalesce(async () => {
    try {
      state().setDownloads(await calls['library.downloads']({}));
    } catch (error) {
      // Startup and reconnects call this too: outside the library a banner is the place for it.
      if (state().dialog?.kind === 'library') fail(error);
      else state().showBanner('error', message(error));
    }
  });

  const library: LibraryCommands = {
    openLibrary(tab = 'installed', entryId) {
      state().setLibraryNotice(null);
      state().openDialog(entryId === undefined ? { kind: 'library', tab } : { kind: 'library', tab, entryId });
      void refreshModels();
      void refreshCatalog();
      void refreshDownloads();
    },

    refreshCatalog,
    refreshDownloads,

    async startDownload(request) {
      try {
        const download = await calls['library.download'](request);
        state().upsertDownload(download);
        state().announce(t('downloading', { ns: 'library', file: download.fileName }));
        return null;
      } catch (error) {
        return message(error);
      }
    },

    async pauseDownload(id) {
      try {
        state().upsertDownload(await calls['library.pauseDownload']({ id }));
      } catch (error) {
        fail(error);
      }
    },

    async resumeDownload(id) {
      try {
        state().upsertDownload(await calls['library.resumeDownload']({ id }));
      } catch (error) {
        fail(error);
      }
    },

    async cancelDownload(id) {
      try {
        const { removed } = await calls['library.cancelDownload']({ id });
        if (removed) state().removeDownload(id);
        else await refreshDownloads();
      } catch (error) {
        fail(error);
      }
    },

    async chooseImportFile() {
      try {
        return (await calls['library.chooseFile']({})).path;
      } catch (error) {
        fail(error);
        return null;
      }
    },

    async importModel(path, mode) {
      state().startImport();
      try {
        const { model } = await calls['library.import']({ path, mode });
        state().finishImport(null);
        state().setLibraryNotice({
          level: 'info',
          message: t('imported', { ns: 'library', name: modelName(model.id, [model]) }),
        });
        await refreshModels();
        void refreshCatalog();
        return model.id;
      } catch (error) {
        state().finishImport(message(error));
        return null;
      }
    },

    async showCard(modelId) {
      const seq = ++cardSeq;
      state().showCardLoading(modelId);
      try {
        const card = await calls['library.card']({ modelId });
        if (seq === cardSeq) state().setCard(card);
      } catch (error) {
        if (seq === cardSeq) state().failCard(modelId, message(error));
      }
    },

    async deleteModel(modelId) {
      try {
        // Linked models' ids carry a folder hash: the model's name is what the user knows them by.
        const name = modelName(modelId, state().models);
        const { statesRemoved } = await calls['library.delete']({ modelId });
        ++cardSeq;
        state().clearCard();
        const notice =
          statesRemoved === 0
            ? t('removed', { ns: 'library', name })
            : t('removedWithStates', { ns: 'library', name, count: statesRemoved });
        state().setLibraryNotice({ level: 'info', message: notice });
        await refreshModels();
        void refreshCatalog();
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    async revealModel(modelId) {
      try {
        const { opened } = await calls['library.reveal']({ modelId });
        if (!opened) {
          state().setLibraryNotice({ level: 'error', message: t('revealFailed', { ns: 'library' }) });
        }
      } catch (error) {
        fail(error);
      }
    },

    async chooseModelsFolder() {
      try {
        return (await calls['library.chooseFolder']({})).dir;
      } catch (error) {
        fail(error);
        return null;
      }
    },

    async setModelsFolder(dir) {
      try {
        const result = await calls['library.setFolder']({ dir });
        state().setLibraryNotice({
          level: 'info',
          message: t('modelsFolderChanged', { ns: 'library', dir: result.dir }),
        });
        await refreshModels();
        void refreshCatalog();
        return null;
      } catch (error) {
        return message(error);
      }
    },
  };
  return library;
}
