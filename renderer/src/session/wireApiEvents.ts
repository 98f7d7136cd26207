import type { ApiClient } from '../api/apiClient.js';
import { t } from '../i18n/i18n.js';
import { describeFinish } from './describeFinish.js';
import type { AppStore } from '../store/appStore.js';
import type { Commands } from './createCommands.js';

/** The notice main sends when the engine crashed (its catalog key is its banner's kind). */
const ENGINE_CRASHED = 'notices:engineCrashed';

/**
 * The one place where events from main reach the store. Tokens are gathered and handed to the
 * store once per animation frame: a fast model sends far more deltas than the screen can show.
 */
export function wireApiEvents(api: ApiClient, store: AppStore, commands: Commands): () => void {
  const state = () => store.getState();
  const pendingText = new Map<string, string>();
  let frame: number | null = null;

  const flush = () => {
    frame = null;
    if (pendingText.size === 0) return;
    const chunks = new Map(pendingText);
    pendingText.clear();
    state().appendStreamingText(chunks);
  };

  let wasDisconnected = false;
  const onWindowFocus = () => void commands.refreshModels();
  window.addEventListener('focus', onWindowFocus);

  const unsubscribers = [
    api.on('chat.delta', ({ messageId, text }) => {
      pendingText.set(messageId, (pendingText.get(messageId) ?? '') + text);
      frame ??= requestAnimationFrame(flush);
    }),

    api.on('chat.finished', ({ message }) => {
      // The final message carries the whole text; pending tokens for it are already in there.
      pendingText.delete(message.id);
      state().finishMessage(message);
      if (message.conversationId === state().openConversationId) state().announce(describeFinish(message));
      // "Wait for the answer to finish" has nothing left to wait for.
      if (state().composerRefusal?.conversationId === message.conversationId) state().setComposerRefusal(null);
    }),

    api.on('conversations.changed', ({ conversationId }) => {
      void commands.refreshConversations();
      if (conversationId === null || conversationId === state().openConversationId) {
        void commands.reloadOpenConversation();
        void commands.refreshAttachments();
      }
    }),

    api.on('states.changed', () => {
      // Only Settings shows the usage; it fetches it afresh each time it opens.
      if (state().dialog?.kind === 'settings') void commands.refreshStateUsage();
    }),

    api.on('library.download', (download) => {
      const previous = state().upsertDownload(download);
      if (download.state === 'complete' && previous?.state !== 'complete') {
        state().announce(t('announceDownloaded', { ns: 'chat', file: download.fileName }));
        void commands.refreshModels();
        if (state().catalog !== null) void commands.refreshCatalog();
        // An embedding model may have become the search model (main adopts one when none is set).
        void commands.refreshSettings();
      } else if (download.state === 'failed' && previous?.state !== 'failed') {
        state().announce(t('announceDownloadFailed', { ns: 'chat', file: download.fileName }));
      }
    }),

    api.on('models.changed', () => {
      // The catalog marks what is installed; only fetched again once something has shown it.
      if (state().catalog !== null) void commands.refreshCatalog();
      void commands.refreshModels().then(() => {
        const shown = state().cardView;
        if (!shown) return;
        if (state().models.some((model) => model.id === shown.modelId)) void commands.showCard(shown.modelId);
        else state().clearCard();
      });
    }),

    api.on('documents.changed', ({ document, removedId }) => {
      if (removedId !== null) state().removeDocument(removedId);
      if (document === null) return;
      const previous = state().upsertDocument(document);
      if (previous?.status === document.status) return;
      if (document.status === 'indexed')
        state().announce(t('announceIndexed', { ns: 'chat', file: document.fileName }));
      else if (document.status === 'failed')
        state().announce(t('announceImportFailed', { ns: 'chat', file: document.fileName }));
    }),

    api.on('documents.foldersChanged', () => void commands.refreshFolders()),

    api.on('documents.toolProgress', ({ documentId, done, total }) =>
      state().setDocumentToolProgress(documentId, done, total),
    ),

    api.on('server.changed', (status) => state().setApiServer(status)),
    api.on('engine.status', (status) => {
      state().setEngine(status);
      // The engine is back: its crash notice has nothing left to say.
      if (status.state !== 'stopped' && status.state !== 'starting') state().clearBanners(ENGINE_CRASHED);
    }),
    api.on('model.loadProgress', (progress) => state().setLoadProgress(progress)),
    api.on('notice', (notice) =>
      state().showBanner(notice.level, notice, { conversationId: notice.conversationId, kind: notice.text?.key }),
    ),

    api.onConnection((connected) => {
      state().setConnected(connected);
      if (!connected) {
        wasDisconnected = true;
      } else if (wasDisconnected) {
        // Events sent while the socket was down are lost: fetch everything again.
        wasDisconnected = false;
        void commands.loadAll();
        if (state().dialog?.kind === 'settings') {
          void commands.refreshStateUsage();
          void commands.refreshServer();
        }
        if (state().catalog !== null) void commands.refreshCatalog();
        if (state().dialog?.kind === 'documents') void commands.refreshCollections();
        void commands.refreshAttachments();
      }
    }),
  ];

  return () => {
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    window.removeEventListener('focus', onWindowFocus);
    if (frame !== null) cancelAnimationFrame(frame);
  };
}
