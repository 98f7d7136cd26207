import type { Language } from '../../contract/i18n/index.js';
import {
  AppError,
  CONVERSATION_EXPORT_FORMAT,
  type ConversationExport,
  ConversationExportSchema,
  describeIssues,
  EXPORT_FORMAT_VERSION,
  EXPORT_MAX_BYTES,
  type ExportedMessage,
  type ExportedModel,
  type ExportFile,
  type ExportScope,
  type Message,
  STATES_NOTE,
} from '../../contract/index.js';
import type { ConversationStore } from '../storage/ConversationStore.js';
import { exportFileName } from './exportFileName.js';
import { renderMarkdown } from './renderMarkdown.js';

export interface ExporterOptions {
  conversations: ConversationStore;
  /** A document's file name by id; null when it is gone. */
  documentName: (documentId: string) => string | null;
  appVersion: string;
  now?: () => number;
}

const MB = 1024 * 1024;

/**
 * One conversation as a file: JSON in the export format (contract/exchange.ts), or Markdown to
 * read. What it writes is checked against the schema the importer uses, so Hearth never writes a
 * file it would refuse to read.
 */
export class ConversationExporter {
  readonly #o: ExporterOptions;

  constructor(options: ExporterOptions) {
    this.#o = options;
  }

  /** The conversation's export data: its active branch, or every message of every branch. */
  build(conversationId: string, scope: ExportScope): ConversationExport {
    const { conversations } = this.#o;
    const conversation = conversations.get(conversationId);
    if (!conversation) throw AppError.localized('not_found', 'errorConversationGone', undefined, 'exchange');
    const stored =
      scope === 'branch' ? conversations.activeBranch(conversationId) : conversations.treeMessages(conversationId);
    const modelContents = conversations.modelContentsOf(conversationId);
    // Export-local ids in written order: short, stable across exports, and free of this install's UUIDs.
    const localIds = new Map(stored.map((message, index) => [message.id, `m${index + 1}`]));
    const local = (id: string | null) => (id === null ? null : (localIds.get(id) ?? null));
    const leafId = scope === 'branch' ? (stored.at(-1)?.id ?? null) : conversations.leafId(conversationId);
    const attached = conversations.documents(conversationId);
    const data: ConversationExport = {
      format: CONVERSATION_EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: (this.#o.now ?? Date.now)(),
      app: { name: 'Hearth', version: this.#o.appVersion },
      branch: scope === 'branch' ? 'active' : 'tree',
      activeLeafId: local(leafId),
      statesIncluded: false,
      statesNote: STATES_NOTE,
      conversation: {
        title: conversation.title,
        createdAt: conversation.createdAt,
        updatedAt: conversation.updatedAt,
        model: modelRef(conversation.modelId),
        systemPrompt: conversation.systemPrompt,
        sampling: conversation.sampling,
        documents: {
          names: attached.documentIds.flatMap((id) => this.#o.documentName(id) ?? []),
          strict: attached.strict,
        },
      },
      messages: stored.map((message) => exportMessage(message, local, modelContents.get(message.id) ?? null)),
    };
    const checked = ConversationExportSchema.safeParse(data);
    if (!checked.success) {
      throw AppError.localized(
        'invalid_input',
        'errorUnexportable',
        { detail: describeIssues(checked.error) },
        'exchange',
      );
    }
    return checked.data;
  }

  json(conversationId: string, scope: ExportScope): ExportFile {
    const data = this.build(conversationId, scope);
    const content = JSON.stringify(data, null, 2);
    const bytes = Buffer.byteLength(content);
    // Larger files would be refused by the importer: say so now rather than write one.
    if (bytes > EXPORT_MAX_BYTES) {
      throw AppError.localized(
        'invalid_input',
        'errorExportTooLarge',
        { size: Math.ceil(bytes / MB), max: EXPORT_MAX_BYTES / MB },
        'exchange',
      );
    }
    return { fileName: exportFileName(data.conversation.title, 'json'), mimeType: 'application/json', content };
  }

  markdown(conversationId: string, scope: ExportScope, language: Language): ExportFile {
    const data = this.build(conversationId, scope);
    return {
      fileName: exportFileName(data.conversation.title, 'md'),
      mimeType: 'text/markdown',
      content: renderMarkdown(data, language),
    };
  }
}

function modelRef(modelId: string | null): ExportedModel | null {
  return modelId === null ? null : { id: modelId, fileName: modelId.split(/[\\/]/).at(-1) ?? modelId };
}

function exportMessage(
  message: Message,
  local: (id: string | null) => string | null,
  modelContent: string | null,
): ExportedMessage {
  return {
    id: local(message.id) ?? message.id,
    parentId: local(message.parentId),
    role: message.role,
    content: message.content,
    createdAt: message.createdAt,
    // An answer still streaming is exported as what it is in the file: cut off.
    status: message.status === 'streaming' ? 'interrupted' : message.status,
    stopReason: message.status === 'streaming' ? 'app_closed' : message.stopReason,
    detail: message.detail,
    model: modelRef(message.modelId),
    stats: message.stats,
    context: message.context,
    citations: message.sources,
    modelContent,
  };
}
