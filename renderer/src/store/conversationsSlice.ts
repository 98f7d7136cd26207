import type { Conversation, ConversationSummary } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface ConversationsSlice {
  /** Most recently updated first. */
  summaries: ConversationSummary[];
  summariesLoaded: boolean;
  /** Where the next page of the list starts; null: every conversation is loaded. */
  summariesCursor: string | null;
  openConversationId: string | null;
  /** The open conversation's full record, once fetched. */
  openConversation: Conversation | null;

  /** The list from its top, as far as `nextCursor`. */
  setSummaries: (summaries: ConversationSummary[], nextCursor: string | null) => void;
  /** A further page, below the ones shown. */
  appendSummaries: (summaries: ConversationSummary[], nextCursor: string | null) => void;
  /** Reflects a conversation main just returned (created, renamed, updated) in the list and the open view. */
  applyConversation: (conversation: Conversation) => void;
  removeConversation: (conversationId: string) => void;
  /** A conversation was pinned (when) or unpinned (null); the list shows the pinned ones apart. */
  setPinnedAt: (conversationId: string, pinnedAt: number | null) => void;
  setOpenConversationId: (conversationId: string | null) => void;
}

export const createConversationsSlice: SliceCreator<ConversationsSlice> = (set) => ({
  summaries: [],
  summariesLoaded: false,
  summariesCursor: null,
  openConversationId: null,
  openConversation: null,

  setSummaries: (summaries, nextCursor) =>
    set({ summaries: byRecency(summaries), summariesLoaded: true, summariesCursor: nextCursor }),

  appendSummaries: (page, nextCursor) =>
    set((state) => {
      // A conversation that moved up since the first pages were loaded is already in the list.
      const known = new Set(state.summaries.map((summary) => summary.id));
      const added = page.filter((summary) => !known.has(summary.id));
      return { summaries: byRecency([...state.summaries, ...added]), summariesCursor: nextCursor };
    }),

  applyConversation: (conversation) =>
    set((state) => {
      const existing = state.summaries.find((summary) => summary.id === conversation.id);
      const summary: ConversationSummary = {
        id: conversation.id,
        title: conversation.title,
        updatedAt: conversation.updatedAt,
        modelId: conversation.modelId,
        messageCount: existing?.messageCount ?? 0,
        pinnedAt: existing?.pinnedAt ?? null,
      };
      const others = state.summaries.filter((item) => item.id !== conversation.id);
      return {
        summaries: byRecency([summary, ...others]),
        openConversation: state.openConversationId === conversation.id ? conversation : state.openConversation,
      };
    }),

  removeConversation: (conversationId) =>
    set((state) => ({
      summaries: state.summaries.filter((summary) => summary.id !== conversationId),
      ...(state.openConversationId === conversationId && { openConversationId: null, openConversation: null }),
    })),

  setPinnedAt: (conversationId, pinnedAt) =>
    set((state) => ({
      summaries: state.summaries.map((summary) => (summary.id === conversationId ? { ...summary, pinnedAt } : summary)),
    })),

  setOpenConversationId: (conversationId) =>
    set((state) =>
      state.openConversationId === conversationId ? {} : { openConversationId: conversationId, openConversation: null },
    ),
});

function byRecency(summaries: ConversationSummary[]): ConversationSummary[] {
  return [...summaries].sort((a, b) => b.updatedAt - a.updatedAt);
}
