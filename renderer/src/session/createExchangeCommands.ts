import type { TextKey, TextParams, UntypedT } from '../../../contract/i18n/index.js';
import { EXPORT_MAX_BYTES, type ExportScope, toErrorValue } from '../../../contract/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { formatBytes } from '../format/formatBytes.js';
import { t } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import type { ShownMessage } from '../store/uiSlice.js';
import { saveFile } from '../util/saveFile.js';
import { splitForUpload } from './splitForUpload.js';

export type ExportFormat = 'json' | 'markdown';

/**
 * Conversations out to files and back. Each command returns its failure (null: it worked) for
 * the control where the user acted to show, rather than a banner behind a dialog.
 */
export interface ExchangeCommands {
  /** Exports one conversation and hands the file to the browser to save. */
  exportConversation(conversationId: string, format: ExportFormat, scope: ExportScope): Promise<ShownMessage | null>;
  /** Every conversation in one archive file. */
  exportAllConversations(): Promise<ShownMessage | null>;
  /** Reads an export file, imports it as a new conversation and opens that. */
  importConversationFile(file: File): Promise<ShownMessage | null>;
}

interface ExchangeDeps {
  refreshConversations: () => Promise<void>;
  openConversation: (conversationId: string) => Promise<void>;
}

/** A failure found here, in the renderer, in the shape main's have: the text and its catalog key. */
function said(key: TextKey<'exchange'>, params?: TextParams): ShownMessage {
  const full = `exchange:${key}`;
  // The key's type is checked above; i18next's types cannot follow a key built from it.
  const message = (t as unknown as UntypedT)(full, params ?? {});
  return { message, text: params ? { key: full, params } : { key: full } };
}

export function createExchangeCommands(api: ApiClient, store: AppStore, deps: ExchangeDeps): ExchangeCommands {
  const { calls } = api;
  const state = () => store.getState();

  return {
    async exportConversation(conversationId, format, scope) {
      try {
        const file = await calls['conversations.export']({ conversationId, format, scope });
        saveFile(file);
        state().announce(t('exported', { ns: 'exchange', fileName: file.fileName }));
        return null;
      } catch (error) {
        return toErrorValue(error);
      }
    },

    async exportAllConversations() {
      try {
        const file = await calls['conversations.exportAll']({});
        saveFile(file);
        state().announce(t('exported', { ns: 'exchange', fileName: file.fileName }));
        return null;
      } catch (error) {
        return toErrorValue(error);
      }
    },

    async importConversationFile(file) {
      // Checked before reading: a file too large is never loaded into the page.
      if (file.size > EXPORT_MAX_BYTES) {
        return said('errorFileTooLarge', {
          size: formatBytes(file.size, { binary: true }),
          max: formatBytes(EXPORT_MAX_BYTES, { binary: true }),
        });
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        return said('errorFileUnreadable');
      }
      try {
        const parts = splitForUpload(text);
        const last = parts.pop() ?? '';
        let uploadId: string | undefined;
        if (parts.length > 0) {
          uploadId = crypto.randomUUID();
          for (const [index, content] of parts.entries()) {
            await calls['conversations.importPart']({ uploadId, index, content });
          }
        }
        const conversation = await calls['conversations.import']({ content: last, ...(uploadId && { uploadId }) });
        await deps.refreshConversations();
        await deps.openConversation(conversation.id);
        state().announce(t('imported', { ns: 'exchange', title: conversation.title }));
        return null;
      } catch (error) {
        return toErrorValue(error);
      }
    },
  };
}
