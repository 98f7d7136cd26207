import { ArchiveExporter } from '../../exchange/ArchiveExporter.js';
import { ConversationExporter } from '../../exchange/ConversationExporter.js';
import { ConversationImporter } from '../../exchange/ConversationImporter.js';
import { appVersion } from '../appVersion.js';
import type { HandlerGroup, HearthServices } from './HearthServices.js';

type ExchangeCalls =
  'conversations.export' | 'conversations.exportAll' | 'conversations.importPart' | 'conversations.import';

/** Conversations out to files (JSON, Markdown, one archive of all) and JSON files back in. */
export function exchangeHandlers(s: HearthServices): HandlerGroup<ExchangeCalls> {
  const version = appVersion();
  const exporter = new ConversationExporter({
    conversations: s.conversations,
    documentName: (documentId) => s.documentStore.get(documentId)?.fileName ?? null,
    appVersion: version,
  });
  const archive = new ArchiveExporter({ conversations: s.conversations, exporter, appVersion: version });
  const importer = new ConversationImporter(s.conversations);
  return {
    'conversations.export': async ({ conversationId, format, scope }) =>
      format === 'json'
        ? exporter.json(conversationId, scope)
        : exporter.markdown(conversationId, scope, s.uiLanguage.current()),
    'conversations.exportAll': async () => archive.json(),
    'conversations.importPart': async ({ uploadId, index, content }) => ({
      receivedBytes: s.importUploads.append(uploadId, index, content),
    }),
    'conversations.import': async ({ content, uploadId }) => {
      const whole = uploadId === undefined ? content : s.importUploads.finish(uploadId, content);
      const conversation = importer.import(whole);
      s.events.emit('conversations.changed', { conversationId: conversation.id });
      return conversation;
    },
  };
}
