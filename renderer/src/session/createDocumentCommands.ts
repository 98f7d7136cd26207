import {
  AppError,
  DOCUMENT_IMPORT_MAX_PATHS,
  toErrorValue,
  type Collection,
  type ImportOutcome,
  type SearchHit,
} from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { localizedMessage, t } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import type { DocumentToolName } from '../store/documentsSlice.js';
import { coalesce } from './coalesce.js';

/** A cited passage with the document's text on each side of it. */
export interface PassageView {
  hit: SearchHit;
  before: string;
  after: string;
}

/**
 * Documents: imports, their progress, collections, the documents a conversation answers from,
 * and the passages its answers cite. Like the model library, the documents dialog shows its own
 * failures inside it; the banners sit behind the modal.
 */
export interface DocumentCommands {
  /** Opens the documents dialog and fetches what it shows afresh. */
  openDocuments(): void;
  refreshDocuments(): Promise<void>;
  refreshCollections(): Promise<void>;
  /** Resolves what main did with each path (also kept in `importOutcomes`), or null when the call failed. */
  importDocuments(paths: string[], collectionId: string | null): Promise<ImportOutcome[] | null>;
  /** Desktop: the system's open-files dialog, then an import of what was chosen. */
  chooseAndImportDocuments(collectionId: string | null): Promise<void>;
  cancelDocument(documentId: string): Promise<void>;
  deleteDocument(documentId: string): Promise<boolean>;
  /** Resolves the new collection, or null when it was refused (the reason is in the notice). */
  createCollection(name: string): Promise<Collection | null>;
  /** Fetches the open conversation's documents. */
  refreshAttachments(): Promise<void>;
  /** Resolves the error message when main refused them, else null. */
  saveAttachments(documentIds: string[], strict: boolean): Promise<string | null>;
  /** A cited passage in its document, or why it cannot be shown. */
  /** The passage a citation points at (`documentId`: the document it names). */
  loadPassage(chunkId: number, documentId: string): Promise<PassageView | { error: string }>;
  /**
   * Starts a conversation about one document (a summary, its key points, or the whole text read
   * in), then closes the dialog and opens it. Resolves whether it started; why not is in the notice.
   */
  runDocumentTool(documentId: string, tool: DocumentToolName): Promise<boolean>;
}

/** What the document tools need from the conversation commands. */
export interface ConversationAccess {
  /** The model a new conversation would start with, or null. */
  modelForNewConversation(): string | null;
  refreshConversations(): Promise<void>;
  openConversation(conversationId: string): Promise<void>;
}

export function createDocumentCommands(
  api: ApiClient,
  store: AppStore,
  conversations: ConversationAccess,
): DocumentCommands {
  const { calls } = api;
  const state = () => store.getState();

  /** What went wrong, in the UI's language where main gave its catalog key. */
  const message = (error: unknown) => localizedMessage(toErrorValue(error));
  /** Inside the dialog, its notice line; elsewhere (startup, reconnects) a banner. */
  const fail = (error: unknown) => {
    if (state().dialog?.kind === 'documents') state().setDocumentsNotice({ level: 'error', message: message(error) });
    else state().showBanner('error', message(error));
  };

  const refreshDocuments = coalesce(async () => {
    try {
      state().setDocuments(await calls['documents.list']({}));
    } catch (error) {
      fail(error);
    }
  });

  const refreshCollections = coalesce(async () => {
    try {
      state().setCollections(await calls['collections.list']({}));
    } catch (error) {
      fail(error);
    }
  });

  const refreshAttachments = coalesce(async () => {
    const conversationId = state().openConversationId;
    if (conversationId === null) {
      state().setAttachments(null);
      return;
    }
    try {
      const { documentIds, strict } = await calls['conversations.documents']({ conversationId });
      // Another conversation opened meanwhile: its own fetch follows.
      if (state().openConversationId === conversationId)
        state().setAttachments({ conversationId, documentIds, strict });
    } catch (error) {
      // A conversation deleted meanwhile is handled by the conversation reload.
      if (!(error instanceof AppError && error.code === 'not_found')) state().showBanner('error', message(error));
    }
  });

  const importDocuments: DocumentCommands['importDocuments'] = async (paths, collectionId) => {
    state().startDocumentImport();
    try {
      // A call takes a bounded number of paths (so that it fits in one message): more go in turns.
      const outcomes: ImportOutcome[] = [];
      for (let start = 0; start < paths.length; start += DOCUMENT_IMPORT_MAX_PATHS) {
        const batch = paths.slice(start, start + DOCUMENT_IMPORT_MAX_PATHS);
        outcomes.push(...(await calls['documents.import']({ paths: batch, collectionId })));
      }
      state().finishDocumentImport(outcomes);
      const queued = outcomes.filter((outcome) => outcome.outcome === 'queued').length;
      if (queued > 0) state().announce(t('importingDocuments', { ns: 'documents', count: queued }));
      // Another window may have changed the list meanwhile: show main's view of it.
      await refreshDocuments();
      return outcomes;
    } catch (error) {
      state().finishDocumentImport(null);
      state().setDocumentsNotice({ level: 'error', message: message(error) });
      return null;
    }
  };

  return {
    openDocuments() {
      state().setDocumentsNotice(null);
      state().dismissImportOutcomes();
      state().openDialog({ kind: 'documents' });
      void refreshDocuments();
      void refreshCollections();
    },

    refreshDocuments,
    refreshCollections,

    importDocuments,

    async chooseAndImportDocuments(collectionId) {
      try {
        const { paths } = await calls['documents.chooseFiles']({});
        if (paths.length > 0) await importDocuments(paths, collectionId);
      } catch (error) {
        state().setDocumentsNotice({ level: 'error', message: message(error) });
      }
    },

    async cancelDocument(documentId) {
      try {
        state().upsertDocument(await calls['documents.cancel']({ documentId }));
      } catch (error) {
        fail(error);
      }
    },

    async deleteDocument(documentId) {
      const name = state().documents.find((document) => document.id === documentId)?.fileName ?? null;
      try {
        const { deleted } = await calls['documents.delete']({ documentId });
        state().removeDocument(documentId);
        if (deleted) {
          state().setDocumentsNotice({
            level: 'info',
            message:
              name === null
                ? t('removedDocumentUnnamed', { ns: 'documents' })
                : t('removedDocument', { ns: 'documents', name }),
          });
        }
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },

    async createCollection(name) {
      try {
        const collection = await calls['collections.create']({ name });
        state().addCollection(collection);
        return collection;
      } catch (error) {
        fail(error);
        return null;
      }
    },

    refreshAttachments,

    async saveAttachments(documentIds, strict) {
      const conversationId = state().openConversationId;
      if (conversationId === null) return t('startConversationFirst', { ns: 'documents' });
      try {
        const saved = await calls['conversations.setDocuments']({ conversationId, documentIds, strict });
        if (state().openConversationId === conversationId) state().setAttachments({ conversationId, ...saved });
        const count = saved.documentIds.length;
        state().announce(
          count === 0
            ? t('noDocumentsAttached', { ns: 'documents' })
            : saved.strict
              ? t('documentsAttachedStrict', { ns: 'documents', count })
              : t('documentsAttached', { ns: 'documents', count }),
        );
        return null;
      } catch (error) {
        return message(error);
      }
    },

    async loadPassage(chunkId, documentId) {
      try {
        return await calls['documents.passage']({ chunkId, documentId });
      } catch (error) {
        return { error: message(error) };
      }
    },

    async runDocumentTool(documentId, tool) {
      if (state().documentTool !== null) return false;
      state().setDocumentsNotice(null);
      state().startDocumentTool(documentId, tool);
      const modelId = conversations.modelForNewConversation();
      try {
        const { conversationId } = await calls['documents.tool']({
          documentId,
          tool,
          ...(modelId !== null && { modelId }),
        });
        state().finishDocumentTool();
        if (state().dialog?.kind === 'documents') state().closeDialog();
        await conversations.refreshConversations();
        await conversations.openConversation(conversationId);
        state().announce(toolStarted(tool));
        return true;
      } catch (error) {
        state().finishDocumentTool();
        fail(error);
        return false;
      }
    },
  };
}

function toolStarted(tool: DocumentToolName): string {
  switch (tool) {
    case 'summary':
      return t('toolStartedSummary', { ns: 'documents' });
    case 'key-points':
      return t('toolStartedKeyPoints', { ns: 'documents' });
    case 'read':
      return t('toolStartedRead', { ns: 'documents' });
    default:
      return tool satisfies never;
  }
}
