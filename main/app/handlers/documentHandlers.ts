import { randomUUID } from 'node:crypto';
import { AppError } from '../../../contract/index.js';
import type { HandlerGroup, HearthServices } from './HearthServices.js';

type DocumentCalls =
  | 'documents.chooseFiles'
  | 'documents.list'
  | 'documents.import'
  | 'documents.importFolder'
  | 'documents.folders'
  | 'documents.unwatchFolder'
  | 'documents.cancel'
  | 'documents.delete'
  | 'documents.search'
  | 'documents.passage'
  | 'documents.tool'
  | 'conversations.documents'
  | 'conversations.setDocuments'
  | 'collections.list'
  | 'collections.create';

/** Documents: import (files and folders), search, passages, tools, and which a conversation uses. */
export function documentHandlers(s: HearthServices): HandlerGroup<DocumentCalls> {
  const { documents, folders, documentStore, conversations, events } = s;
  return {
    'documents.chooseFiles': async () => {
      if (!s.platform.chooseDocuments) throw AppError.localized('unsupported', 'enterDocumentPaths');
      return { paths: await s.platform.chooseDocuments() };
    },
    'documents.list': async () => documents.list(),
    'documents.import': async ({ paths, collectionId }) => documents.import(paths, collectionId ?? null),
    'documents.importFolder': async ({ path, collectionId, watch }) => {
      await s.foldersResumed; // a folder stored before is re-watched first, not twice
      return folders.import(path, collectionId ?? null, watch ?? false);
    },
    'documents.folders': async () => folders.list(),
    'documents.unwatchFolder': async ({ id }) => ({ removed: await folders.unwatch(id) }),
    'documents.cancel': async ({ documentId }) => documents.cancel(documentId),
    'documents.delete': async ({ documentId }) => ({ deleted: await documents.delete(documentId) }),
    'documents.search': async ({ query, documentIds, limit }) =>
      documents.search(query, { ...(documentIds && { documentIds }), ...(limit && { limit }) }),
    'documents.passage': async ({ chunkId, documentId }) => documents.passage(chunkId, documentId),
    'documents.tool': async ({ documentId, tool, modelId }) => {
      // No model given: the default one, else the one loaded now.
      const loaded = s.engine.status.loaded && s.library.idFor(s.engine.status.loaded.modelPath);
      const result = await s.documentTools.run(
        documentId,
        tool,
        modelId ?? s.settings.get().defaultModelId ?? loaded ?? null,
      );
      events.emit('conversations.changed', { conversationId: result.conversationId });
      return result;
    },
    'conversations.documents': async ({ conversationId }) => {
      s.view(conversationId); // a conversation that does not exist is an error, not an empty list
      return conversations.documents(conversationId);
    },
    'conversations.setDocuments': async ({ conversationId, documentIds, strict }) => {
      s.view(conversationId);
      const result = conversations.setDocuments(conversationId, documentIds, strict);
      events.emit('conversations.changed', { conversationId });
      return result;
    },
    'collections.list': async () => documentStore.collections(),
    'collections.create': async ({ name }) => documentStore.createCollection(randomUUID(), name),
  };
}
