import { defaultSystemPromptFor } from '../../../contract/i18n/index.js';
import { AppError } from '../../../contract/index.js';
import type { HandlerGroup, HearthServices } from './HearthServices.js';

type ConversationCalls =
  | 'conversations.list'
  | 'conversations.create'
  | 'conversations.get'
  | 'conversations.selectBranch'
  | 'conversations.deleteBranch'
  | 'conversations.rename'
  | 'conversations.update'
  | 'conversations.delete'
  | 'conversations.search'
  | 'conversations.pin';

/** Conversations and their branches (their documents: documentHandlers). */
export function conversationHandlers(s: HearthServices): HandlerGroup<ConversationCalls> {
  const { conversations, chat, events, stateStore, search } = s;
  const changed = (conversationId: string | null) => events.emit('conversations.changed', { conversationId });
  /** Branches change only between answers. */
  const notAnswering = (conversationId: string, action: 'busyBeforeSwitchingBranches' | 'busyBeforeDeletingBranch') => {
    if (chat.isAnswering(conversationId)) throw AppError.localized('busy', action);
  };
  return {
    'conversations.list': async ({ limit, cursor }) => conversations.list({ limit, cursor }),
    'conversations.search': async ({ query, limit }) => ({ hits: search.search(query, limit) }),
    'conversations.create': async (input) => {
      const defaults = s.settings.get();
      const conversation = conversations.create(
        {
          title: input.title,
          modelId: input.modelId === undefined ? defaults.defaultModelId : input.modelId,
          systemPrompt:
            input.systemPrompt ?? defaultSystemPromptFor(defaults.defaultSystemPrompt, s.uiLanguage.current()),
        },
        { reuseEmpty: input.reuseEmpty ?? false },
      );
      changed(conversation.id);
      return conversation;
    },
    'conversations.get': async ({ conversationId }) => {
      const opened = s.view(conversationId);
      // Opening a conversation makes its next message likely: its saved state starts loading now.
      chat.prepare(conversationId);
      return opened;
    },
    'conversations.selectBranch': async ({ conversationId, messageId }) => {
      notAnswering(conversationId, 'busyBeforeSwitchingBranches');
      if (!conversations.selectBranch(conversationId, messageId)) {
        throw AppError.localized('not_found', 'messageNotInConversation');
      }
      changed(conversationId);
      return s.view(conversationId);
    },
    'conversations.deleteBranch': async ({ conversationId, messageId }) => {
      notAnswering(conversationId, 'busyBeforeDeletingBranch');
      if (!conversations.deleteBranch(conversationId, messageId)) {
        throw AppError.localized('not_found', 'messageNotInConversation');
      }
      stateStore.shrink();
      changed(conversationId);
      events.emit('states.changed', {});
      return s.view(conversationId);
    },
    'conversations.rename': async ({ conversationId, title }) => {
      const updated = conversations.update(conversationId, { title });
      if (!updated) throw AppError.localized('not_found', 'conversationNotFound');
      changed(conversationId);
      return updated;
    },
    'conversations.update': async ({ conversationId, ...patch }) => {
      const updated = conversations.update(conversationId, patch);
      if (!updated) throw AppError.localized('not_found', 'conversationNotFound');
      changed(conversationId);
      return updated;
    },
    'conversations.pin': async ({ conversationId, pinned }) => {
      const result = conversations.setPinned(conversationId, pinned);
      if (!result) throw AppError.localized('not_found', 'errorConversationGone', {}, 'layout');
      changed(conversationId);
      return result;
    },
    'conversations.delete': async ({ conversationId }) => {
      if (chat.stop(conversationId)) await chat.idle();
      const deleted = conversations.delete(conversationId);
      if (deleted) {
        stateStore.shrink();
        changed(null);
        events.emit('states.changed', {});
      }
      return { deleted };
    },
  };
}
