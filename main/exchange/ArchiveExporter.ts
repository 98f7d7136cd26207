import {
  ARCHIVE_EXPORT_FORMAT,
  type ArchiveExport,
  CONVERSATION_PAGE_MAX,
  EXPORT_FORMAT_VERSION,
  type ExportFile,
} from '../../contract/index.js';
import type { ConversationStore } from '../storage/ConversationStore.js';
import type { ConversationExporter } from './ConversationExporter.js';
import { archiveFileName } from './exportFileName.js';

/**
 * Every conversation in one JSON file (`hearth.archive`): each entry is the whole tree of one
 * conversation in the conversation export format, most recently updated first.
 */
export class ArchiveExporter {
  readonly #conversations: ConversationStore;
  readonly #exporter: ConversationExporter;
  readonly #appVersion: string;
  readonly #now: () => number;

  constructor(o: {
    conversations: ConversationStore;
    exporter: ConversationExporter;
    appVersion: string;
    now?: () => number;
  }) {
    this.#conversations = o.conversations;
    this.#exporter = o.exporter;
    this.#appVersion = o.appVersion;
    this.#now = o.now ?? Date.now;
  }

  build(): ArchiveExport {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = this.#conversations.list({ limit: CONVERSATION_PAGE_MAX, cursor });
      ids.push(...page.conversations.map((summary) => summary.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return {
      format: ARCHIVE_EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: this.#now(),
      app: { name: 'Hearth', version: this.#appVersion },
      conversations: ids.map((id) => this.#exporter.build(id, 'tree')),
    };
  }

  json(): ExportFile {
    const archive = this.build();
    return {
      fileName: archiveFileName(archive.exportedAt),
      mimeType: 'application/json',
      content: JSON.stringify(archive, null, 2),
    };
  }
}
