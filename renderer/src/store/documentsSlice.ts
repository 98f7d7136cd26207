import type {
  Collection,
  DocumentSummary,
  FolderImport,
  ImportOutcome,
  WatchedFolder,
} from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

/** The documents a conversation answers from, as main last reported them. */
export interface Attachments {
  conversationId: string;
  documentIds: string[];
  /** Answers only from the documents, and says so when they do not hold the answer. */
  strict: boolean;
}

export type DocumentToolName = 'summary' | 'key-points' | 'read';

/** A document tool under way: one at a time, as it runs the model. */
export interface DocumentToolRun {
  documentId: string;
  tool: DocumentToolName;
  /** Parts read so far of `total`, while a long document is summarised part by part; null before any. */
  progress: { done: number; total: number } | null;
}

/** Something the documents dialog did or failed to do, shown inside it (banners sit behind it). */
export interface DocumentsNotice {
  level: 'info' | 'error';
  message: string;
}

export interface DocumentsSlice {
  /** Newest first. */
  documents: DocumentSummary[];
  documentsLoaded: boolean;
  /** Oldest first: the order they were made in. */
  collections: Collection[];
  /** What the last import did with each path given; null before any (or after it was dismissed). */
  importOutcomes: ImportOutcome[] | null;
  importingDocuments: boolean;
  documentsNotice: DocumentsNotice | null;
  /** The open conversation's documents; null until fetched. */
  attachments: Attachments | null;
  documentTool: DocumentToolRun | null;
  /** Folders whose documents follow the disk; null until fetched. */
  watchedFolders: WatchedFolder[] | null;
  /** What the last folder import did; null before any. */
  folderImport: FolderImport | null;
  importingFolder: boolean;

  setDocuments: (documents: DocumentSummary[]) => void;
  /** Applies a document as main last reported it (by id); returns the one it replaced, if any. */
  upsertDocument: (document: DocumentSummary) => DocumentSummary | undefined;
  removeDocument: (id: string) => void;
  setCollections: (collections: Collection[]) => void;
  addCollection: (collection: Collection) => void;
  startDocumentImport: () => void;
  finishDocumentImport: (outcomes: ImportOutcome[] | null) => void;
  dismissImportOutcomes: () => void;
  setDocumentsNotice: (notice: DocumentsNotice | null) => void;
  setAttachments: (attachments: Attachments | null) => void;
  startDocumentTool: (documentId: string, tool: DocumentToolName) => void;
  /** Ignored unless that document's tool is the one running. */
  setDocumentToolProgress: (documentId: string, done: number, total: number) => void;
  finishDocumentTool: () => void;
  setWatchedFolders: (folders: WatchedFolder[]) => void;
  startFolderImport: () => void;
  finishFolderImport: (result: FolderImport | null) => void;
}

const newestFirst = (documents: DocumentSummary[]) => [...documents].sort((a, b) => b.createdAt - a.createdAt);

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (set, get) => ({
  documents: [],
  documentsLoaded: false,
  collections: [],
  importOutcomes: null,
  importingDocuments: false,
  documentsNotice: null,
  attachments: null,
  documentTool: null,
  watchedFolders: null,
  folderImport: null,
  importingFolder: false,

  setDocuments: (documents) => set({ documents: newestFirst(documents), documentsLoaded: true }),

  upsertDocument: (document) => {
    const previous = get().documents.find((known) => known.id === document.id);
    set((state) => ({
      documents: previous
        ? state.documents.map((known) => (known.id === document.id ? document : known))
        : newestFirst([document, ...state.documents]),
    }));
    return previous;
  },

  removeDocument: (id) => set((state) => ({ documents: state.documents.filter((document) => document.id !== id) })),

  setCollections: (collections) => set({ collections }),
  addCollection: (collection) =>
    set((state) => ({
      collections: [...state.collections.filter((known) => known.id !== collection.id), collection],
    })),

  startDocumentImport: () => set({ importingDocuments: true, importOutcomes: null }),
  finishDocumentImport: (importOutcomes) => set({ importingDocuments: false, importOutcomes }),
  dismissImportOutcomes: () => set({ importOutcomes: null }),
  setDocumentsNotice: (documentsNotice) => set({ documentsNotice }),
  setAttachments: (attachments) => set({ attachments }),

  startDocumentTool: (documentId, tool) => set({ documentTool: { documentId, tool, progress: null } }),
  setDocumentToolProgress: (documentId, done, total) =>
    set((state) =>
      state.documentTool?.documentId === documentId
        ? { documentTool: { ...state.documentTool, progress: { done, total } } }
        : {},
    ),
  finishDocumentTool: () => set({ documentTool: null }),
  setWatchedFolders: (watchedFolders) => set({ watchedFolders }),
  startFolderImport: () => set({ importingFolder: true, folderImport: null }),
  finishFolderImport: (folderImport) => set({ importingFolder: false, folderImport }),
});
