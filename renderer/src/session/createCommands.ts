import {
  AppError,
  CONVERSATION_PAGE_SIZE,
  toErrorValue,
  type Conversation,
  type ConversationPage,
  type ConversationSearchHit,
  type ConversationSummary,
  type Sampling,
  type Settings,
} from '../../../contract/index.js';
import type { Language } from '../../../contract/i18n/index.js';
import type { ApiClient } from '../api/apiClient.js';
import { localizedMessage, t } from '../i18n/i18n.js';
import type { AppStore } from '../store/appStore.js';
import { coalesce } from './coalesce.js';
import { createDocumentCommands, type DocumentCommands } from './createDocumentCommands.js';
import { createExchangeCommands, type ExchangeCommands } from './createExchangeCommands.js';
import { createFolderCommands, type FolderCommands } from './createFolderCommands.js';
import { createHardwareCommands, type HardwareCommands } from './createHardwareCommands.js';
import { createLibraryCommands, type LibraryCommands } from './createLibraryCommands.js';
import { createRemoteEngineCommands, type RemoteEngineCommands } from './createRemoteEngineCommands.js';
import { createServerCommands, type ServerCommands } from './createServerCommands.js';

/**
 * What the user can do, as async commands: each calls main, then hands the result to a store
 * transition. Failures become error banners (with the AppError's message, which is written for
 * the user), so components never deal with rejected promises.
 */
export interface Commands
  extends
    DocumentCommands,
    FolderCommands,
    HardwareCommands,
    LibraryCommands,
    RemoteEngineCommands,
    ServerCommands,
    ExchangeCommands {
  loadAll(): Promise<void>;
  refreshConversations(): Promise<void>;
  /** The next page of the conversation list. */
  loadMoreConversations(): Promise<void>;
  refreshModels(): Promise<void>;
  refreshEngine(): Promise<void>;
  reloadOpenConversation(): Promise<void>;
  openConversation(conversationId: string | null): Promise<void>;
  newConversation(): Promise<void>;
  /** Starts a conversation with `modelId` and closes any dialog, ready to type. */
  newConversationWith(modelId: string): Promise<void>;
  renameConversation(conversationId: string, title: string): Promise<boolean>;
  deleteConversation(conversationId: string): Promise<void>;
  /** Pins a conversation to the top of the list, or unpins it. */
  pinConversation(conversationId: string, pinned: boolean): Promise<void>;
  /** Resolves false when the message was not sent, so the composer keeps the text. */
  send(content: string): Promise<boolean>;
  stop(): Promise<void>;
  /** Answers the question of `answerId` again (by default the last one), beside the old answer. */
  regenerate(answerId?: string): Promise<void>;
  /** Sends an edited copy of an earlier question; resolves false when it was not sent. */
  editMessage(messageId: string, content: string): Promise<boolean>;
  /** Conversations whose title or messages (any branch) mention `query`; a failure is returned, to show in place. */
  searchConversations(query: string): Promise<{ hits: ConversationSearchHit[] } | { error: string }>;
  /**
   * Opens a search result's conversation; for a message, on the branch holding it, which is then
   * scrolled to and highlighted.
   */
  openSearchHit(hit: Pick<ConversationSearchHit, 'conversationId' | 'messageId'>): Promise<void>;
  /** Shows the branch through `messageId` (another version of a message). */
  selectBranch(messageId: string): Promise<void>;
  /** Deletes `messageId` and everything after it on its branch. */
  deleteBranch(messageId: string): Promise<void>;
  chooseModel(modelId: string | null): Promise<void>;
  loadModel(modelId: string): Promise<void>;
  unloadModel(): Promise<void>;
  /** Unloads the model and loads `modelId`, so that changed engine settings take effect now. */
  reloadModel(modelId: string): Promise<void>;
  openModelsFolder(): Promise<void>;
  updateSettings(patch: Partial<Settings>): Promise<boolean>;
  /** Main changed a setting by itself (an embedding model adopted after its download). */
  refreshSettings(): Promise<void>;
  /** Tells main the UI's language (its defaults for the model follow it); settings reload in it. */
  reportUiLanguage(language: Language): void;
  updateConversation(patch: { systemPrompt?: string; sampling?: Sampling | null }): Promise<boolean>;
  refreshStateUsage(): Promise<void>;
  /** Deletes one conversation's saved states, or all of them. */
  purgeStates(conversationId?: string): Promise<void>;
}

export function createCommands(api: ApiClient, store: AppStore): Commands {
  const { calls } = api;
  const state = () => store.getState();
  let openSeq = 0;

  /**
   * An error as a banner, of its code's kind (a newer one replaces it). `conversationId`: the
   * conversation whose action failed; its banner shows only while that conversation is open.
   */
  const report = (error: unknown, conversationId?: string | null) => {
    const value = toErrorValue(error);
    // While the socket is down the "reconnecting" strip already says so, and everything reloads after.
    if (value.code === 'disconnected' && !state().connected) return;
    state().showBanner('error', value, { kind: value.code, conversationId: conversationId ?? undefined });
  };

  const attempt = async <T>(run: () => Promise<T>, conversationId?: string | null): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      report(error, conversationId);
      return undefined;
    }
  };

  const createConversation = async (modelId?: string | null): Promise<Conversation> => {
    const chosen = modelId === undefined ? modelForNewConversation() : modelId;
    // An unused "New chat" is opened again rather than another added (main picks it: two windows agree).
    const conversation = await calls['conversations.create']({
      reuseEmpty: true,
      ...(chosen !== null && { modelId: chosen }),
    });
    const current = state();
    current.applyConversation(conversation);
    current.setOpenConversationId(conversation.id);
    current.showConversation(conversation, []);
    return conversation;
  };

  /** The default model if one is set, else the model in use, else the only model there is. */
  const modelForNewConversation = (): string | null => {
    const { settings, openConversation, engine, models } = state();
    const only = models.length === 1 ? (models[0]?.id ?? null) : null;
    return settings?.defaultModelId ?? openConversation?.modelId ?? engine?.loadedModel?.modelId ?? only;
  };

  const reloadOpenConversation = coalesce(async () => {
    const conversationId = state().openConversationId;
    if (!conversationId) return;
    const seq = ++openSeq;
    try {
      const { conversation, messages } = await calls['conversations.get']({ conversationId });
      if (seq === openSeq) state().showConversation(conversation, messages);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        // Deleted elsewhere (another window, the web host): show the next one instead.
        state().removeConversation(conversationId);
        state().clearMessages();
        await commands.openConversation(state().summaries[0]?.id ?? null);
      } else {
        report(error);
      }
    }
  });

  /** Shows a view main returned for a branch change; fetches already under way are outdated by it. */
  const changeBranch = async (
    call: 'conversations.selectBranch' | 'conversations.deleteBranch',
    messageId: string,
  ): Promise<void> => {
    const conversationId = state().openConversationId;
    if (!conversationId) return;
    await attempt(async () => {
      const { conversation, messages } = await calls[call]({ conversationId, messageId });
      ++openSeq;
      state().showConversation(conversation, messages);
    }, conversationId);
  };

  const refreshStateUsage = coalesce(async () => {
    await attempt(async () => state().setStateUsage(await calls['states.usage']({})));
  });

  /** Reloads the list from the top, as many pages as are shown now (the list is paged). */
  const refreshConversations = coalesce(async () => {
    await attempt(async () => {
      const shown = Math.max(state().summaries.length, CONVERSATION_PAGE_SIZE);
      const summaries: ConversationSummary[] = [];
      let cursor: string | null = null;
      do {
        const page: ConversationPage = await calls['conversations.list']({
          limit: CONVERSATION_PAGE_SIZE,
          ...(cursor !== null && { cursor }),
        });
        summaries.push(...page.pinned, ...page.conversations);
        cursor = page.nextCursor;
      } while (cursor !== null && summaries.length < shown);
      state().setSummaries(summaries, cursor);
    });
  });

  const loadMoreConversations = coalesce(async () => {
    const cursor = state().summariesCursor;
    if (cursor === null) return;
    await attempt(async () => {
      const page = await calls['conversations.list']({ limit: CONVERSATION_PAGE_SIZE, cursor });
      state().appendSummaries(page.conversations, page.nextCursor);
    });
  });

  const commands: Commands = {
    ...createDocumentCommands(api, store, {
      modelForNewConversation,
      refreshConversations,
      openConversation: (conversationId) => commands.openConversation(conversationId),
    }),
    ...createFolderCommands(api, store),
    ...createHardwareCommands(api, store),
    ...createLibraryCommands(api, store, () => commands.refreshModels()),
    ...createRemoteEngineCommands(api, store),
    ...createServerCommands(api, store),
    ...createExchangeCommands(api, store, {
      refreshConversations,
      openConversation: (conversationId) => commands.openConversation(conversationId),
    }),

    async loadAll() {
      // Not waited for: a remote machine that is slow to answer must not hold up the window.
      void commands.refreshRemoteEngines();
      await Promise.all([
        attempt(async () => state().setAppInfo(await calls['app.info']({}))),
        attempt(async () => state().setSettings(await calls['settings.get']({}))),
        commands.refreshModels(),
        commands.refreshEngine(),
        commands.refreshDownloads(),
        commands.refreshDocuments(),
        refreshConversations(),
      ]);
      const { openConversationId, summaries } = state();
      if (openConversationId && summaries.some((summary) => summary.id === openConversationId)) {
        await reloadOpenConversation();
      } else {
        await commands.openConversation(summaries[0]?.id ?? null);
      }
      state().setReady();
    },

    refreshConversations,
    loadMoreConversations,

    async refreshModels() {
      await attempt(async () => {
        const { dir, models } = await calls['models.list']({});
        state().setModels(dir, models);
      });
    },

    async refreshEngine() {
      await attempt(async () => state().setEngine(await calls['engine.status']({})));
    },

    reloadOpenConversation,

    async openConversation(conversationId) {
      const current = state();
      current.setSidebarOpen(false);
      current.setOpenConversationId(conversationId);
      if (current.messagesConversationId !== conversationId) current.clearMessages();
      if (conversationId === null) return;
      await reloadOpenConversation();
      state().focusComposer();
    },

    async newConversation() {
      await attempt(() => createConversation());
      state().setSidebarOpen(false);
      state().focusComposer();
    },

    async newConversationWith(modelId) {
      // Closed first, so that a failure's banner is not hidden behind the dialog.
      state().closeDialog();
      state().setSidebarOpen(false);
      if (await attempt(() => createConversation(modelId))) state().focusComposer();
    },

    async renameConversation(conversationId, title) {
      const renamed = await attempt(() => calls['conversations.rename']({ conversationId, title }));
      if (renamed) state().applyConversation(renamed);
      return renamed !== undefined;
    },

    async deleteConversation(conversationId) {
      const result = await attempt(() => calls['conversations.delete']({ conversationId }));
      if (!result) return;
      const wasOpen = state().openConversationId === conversationId;
      state().removeConversation(conversationId);
      state().setDraft(conversationId, '');
      if (wasOpen) await commands.openConversation(state().summaries[0]?.id ?? null);
    },

    async pinConversation(conversationId, pinned) {
      const result = await attempt(() => calls['conversations.pin']({ conversationId, pinned }));
      if (result) state().setPinnedAt(conversationId, result.pinnedAt);
    },

    async send(content) {
      let conversationId = state().openConversationId;
      try {
        conversationId ??= (await createConversation()).id;
        const { userMessage, assistantMessage } = await calls['chat.send']({ conversationId, content });
        state().addMessages(conversationId, [userMessage, assistantMessage]);
        state().setComposerRefusal(null);
        state().announce(t('announceAnswering', { ns: 'chat' }));
        return true;
      } catch (error) {
        const value = toErrorValue(error);
        // Another window is answering here: said at the composer, where the user is looking.
        if (value.code === 'busy') state().setComposerRefusal({ ...value, conversationId });
        else report(error, conversationId);
        return false;
      }
    },

    async stop() {
      const conversationId = state().openConversationId;
      if (conversationId) await attempt(() => calls['chat.stop']({ conversationId }));
    },

    async regenerate(answerId) {
      const conversationId = state().openConversationId;
      if (!conversationId) return;
      await attempt(async () => {
        const { assistantMessage } = await calls['chat.regenerate'](
          answerId === undefined ? { conversationId } : { conversationId, messageId: answerId },
        );
        state().showNewBranch(conversationId, assistantMessage.parentId, [assistantMessage]);
        state().announce(t('announceAnsweringAgain', { ns: 'chat' }));
      }, conversationId);
    },

    async editMessage(messageId, content) {
      const conversationId = state().openConversationId;
      if (!conversationId) return false;
      const sent = await attempt(async () => {
        const { userMessage, assistantMessage } = await calls['chat.edit']({ conversationId, messageId, content });
        state().showNewBranch(conversationId, userMessage.parentId, [userMessage, assistantMessage]);
        state().announce(t('announceAnsweringEdited', { ns: 'chat' }));
        state().focusComposer();
        return true;
      }, conversationId);
      return sent === true;
    },

    async searchConversations(query) {
      try {
        return await calls['conversations.search']({ query });
      } catch (error) {
        return { error: localizedMessage(toErrorValue(error)) };
      }
    },

    async openSearchHit({ conversationId, messageId }) {
      const current = state();
      current.setSidebarOpen(false);
      current.setOpenConversationId(conversationId);
      if (current.messagesConversationId !== conversationId) current.clearMessages();
      if (messageId !== null) {
        // selectBranch answers with the whole view: one fetch, and the other branch never flashes by.
        const view = await attempt(() => calls['conversations.selectBranch']({ conversationId, messageId }));
        // Another conversation opened meanwhile. (A reload of this one, which main's change event
        // starts, is no reason to stop: it shows the same branch, and is outdated below.)
        if (state().openConversationId !== conversationId) return;
        if (view) {
          ++openSeq;
          state().showConversation(view.conversation, view.messages);
          state().revealMessage(messageId);
          return;
        }
      }
      // A title match, or a message deleted since the search: the conversation as it is.
      await reloadOpenConversation();
    },

    async selectBranch(messageId) {
      await changeBranch('conversations.selectBranch', messageId);
      const shown = state().messagesById[messageId];
      if (shown && shown.siblingIds.length > 1) {
        state().announce(
          t('announceVersion', {
            ns: 'chat',
            index: shown.siblingIds.indexOf(messageId) + 1,
            count: shown.siblingIds.length,
          }),
        );
      }
    },

    async deleteBranch(messageId) {
      await changeBranch('conversations.deleteBranch', messageId);
    },

    async chooseModel(modelId) {
      const conversationId = state().openConversationId;
      await attempt(async () => {
        if (!conversationId) {
          await createConversation(modelId);
          return;
        }
        state().applyConversation(await calls['conversations.update']({ conversationId, modelId }));
        // Resolved: the conversation has a model now.
        if (modelId !== null) state().clearBanners('no_model', conversationId);
      }, conversationId);
    },

    async loadModel(modelId) {
      await attempt(async () => state().setEngine(await calls['models.load']({ modelId })));
    },

    async unloadModel() {
      await attempt(async () => state().setEngine(await calls['models.unload']({})));
    },

    async reloadModel(modelId) {
      await attempt(async () => {
        state().setEngine(await calls['models.unload']({}));
        state().setEngine(await calls['models.load']({ modelId }));
      });
    },

    async openModelsFolder() {
      const result = await attempt(() => calls['models.openFolder']({}));
      if (result && !result.opened) {
        const dir = state().modelsDir ?? state().appInfo?.modelsDir ?? t('theModelsFolder', { ns: 'chat' });
        state().showBanner('info', t('folderNotOpened', { ns: 'chat', dir }));
      }
    },

    async updateSettings(patch) {
      const settings = await attempt(() => calls['settings.update'](patch));
      if (settings) state().setSettings(settings);
      return settings !== undefined;
    },

    async refreshSettings() {
      await attempt(async () => state().setSettings(await calls['settings.get']({})));
    },

    reportUiLanguage(language) {
      void attempt(async () => {
        await calls['app.setUiLanguage']({ language });
        // The built-in system prompt is shown in the UI's language.
        if (state().settings) state().setSettings(await calls['settings.get']({}));
      });
    },

    async updateConversation(patch) {
      const conversationId = state().openConversationId;
      if (!conversationId) return false;
      const conversation = await attempt(() => calls['conversations.update']({ conversationId, ...patch }));
      if (conversation) state().applyConversation(conversation);
      return conversation !== undefined;
    },

    refreshStateUsage,

    async purgeStates(conversationId) {
      await attempt(async () =>
        state().setStateUsage(await calls['states.purge'](conversationId === undefined ? {} : { conversationId })),
      );
    },
  };
  return commands;
}
