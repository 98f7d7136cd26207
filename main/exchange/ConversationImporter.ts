import type { Conversation, ConversationExport } from '../../contract/index.js';
import type { ConversationStore, ImportedConversation } from '../storage/ConversationStore.js';
import { readConversationExport } from './readConversationExport.js';

/**
 * An export file back into Hearth as a new conversation. The file is read and checked in full
 * first (readConversationExport); only then is it written, in one transaction, so a file that
 * fails anywhere changes nothing.
 */
export class ConversationImporter {
  readonly #conversations: ConversationStore;

  constructor(conversations: ConversationStore) {
    this.#conversations = conversations;
  }

  import(content: string): Conversation {
    return this.#conversations.insertImported(toImported(readConversationExport(content)));
  }
}

/** The file's data as the store takes it: model ids by id, messages by their keys in the file. */
export function toImported(data: ConversationExport): ImportedConversation {
  const { conversation } = data;
  return {
    title: conversation.title,
    createdAt: conversation.createdAt,
    modelId: conversation.model?.id ?? null,
    systemPrompt: conversation.systemPrompt,
    sampling: conversation.sampling,
    activeLeafKey: data.activeLeafId,
    messages: data.messages.map((message) => ({
      key: message.id,
      parentKey: message.parentId,
      role: message.role,
      content: message.content,
      status: message.status,
      stopReason: message.stopReason,
      detail: message.detail,
      modelId: message.model?.id ?? null,
      stats: message.stats,
      context: message.context,
      sources: message.citations,
      modelContent: message.modelContent,
      createdAt: message.createdAt,
    })),
  };
}
