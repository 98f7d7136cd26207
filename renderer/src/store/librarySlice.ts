import type { CatalogEntry, CatalogFit, Download, ModelCard, Recommendation } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface LibraryCatalog {
  checkedOn: string;
  entries: CatalogEntry[];
  fits: CatalogFit[];
  recommendation: Recommendation | null;
}

/** The card of one model as last asked for: shown while a newer answer is on its way. */
export type CardView =
  | { modelId: string; status: 'loading'; card: ModelCard | null }
  | { modelId: string; status: 'ready'; card: ModelCard }
  | { modelId: string; status: 'error'; message: string };

/** Something the library did or failed to do, shown inside it: banners sit behind the modal dialog. */
export interface LibraryNotice {
  level: 'info' | 'error';
  message: string;
}

export interface LibrarySlice {
  catalog: LibraryCatalog | null;
  catalogLoading: boolean;
  catalogError: string | null;
  /** Newest first. */
  downloads: Download[];
  cardView: CardView | null;
  /** Why the last import failed (a malformed file, a missing path), in words for the user. */
  importError: string | null;
  importing: boolean;
  libraryNotice: LibraryNotice | null;

  startCatalogLoad: () => void;
  setCatalog: (catalog: LibraryCatalog) => void;
  failCatalog: (message: string) => void;
  setDownloads: (downloads: Download[]) => void;
  /** Applies a download as main last reported it (by id); returns the one it replaced, if any. */
  upsertDownload: (download: Download) => Download | undefined;
  removeDownload: (id: string) => void;
  showCardLoading: (modelId: string) => void;
  setCard: (card: ModelCard) => void;
  failCard: (modelId: string, message: string) => void;
  clearCard: () => void;
  startImport: () => void;
  finishImport: (error: string | null) => void;
  setLibraryNotice: (notice: LibraryNotice | null) => void;
}

const newestFirst = (downloads: Download[]) => [...downloads].sort((a, b) => b.createdAt - a.createdAt);

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => ({
  catalog: null,
  catalogLoading: false,
  catalogError: null,
  downloads: [],
  cardView: null,
  importError: null,
  importing: false,
  libraryNotice: null,

  startCatalogLoad: () => set({ catalogLoading: true }),
  setCatalog: (catalog) => set({ catalog, catalogLoading: false, catalogError: null }),
  failCatalog: (catalogError) => set({ catalogLoading: false, catalogError }),

  setDownloads: (downloads) => set({ downloads: newestFirst(downloads) }),

  upsertDownload: (download) => {
    const previous = get().downloads.find((known) => known.id === download.id);
    set((state) => ({
      downloads: previous
        ? state.downloads.map((known) => (known.id === download.id ? download : known))
        : newestFirst([download, ...state.downloads]),
    }));
    return previous;
  },

  removeDownload: (id) => set((state) => ({ downloads: state.downloads.filter((download) => download.id !== id) })),

  showCardLoading: (modelId) =>
    set((state) => ({
      cardView: {
        modelId,
        status: 'loading',
        // Keep the old card of the same model on screen while it is asked again.
        card: state.cardView?.modelId === modelId && state.cardView.status !== 'error' ? state.cardView.card : null,
      },
    })),
  setCard: (card) => set({ cardView: { modelId: card.modelId, status: 'ready', card } }),
  failCard: (modelId, message) => set({ cardView: { modelId, status: 'error', message } }),
  clearCard: () => set({ cardView: null }),

  startImport: () => set({ importing: true, importError: null }),
  finishImport: (importError) => set({ importing: false, importError }),
  setLibraryNotice: (libraryNotice) => set({ libraryNotice }),
});
