import type { Conversation, Message } from '../../../contract/index.js';
import type { SliceCreator } from './AllSlices.js';

export interface MessagesSlice {
  /** The conversation whose messages are held below. */
  messagesConversationId: string | null;
  /** In conversation order. The message list subscribes to this alone. */
  messageIds: string[];
  messagesById: Record<string, Message>;
  /**
   * Text streamed so far into answers that are still `streaming`, by message id, in any
   * conversation. It lives apart from the messages so that a token re-renders only the one
   * component showing that answer.
   */
  streamingText: Record<string, string>;

  /** Shows a conversation fetched from main, replacing whatever was held. */
  showConversation: (conversation: Conversation, messages: Message[]) => void;
  /** Adds or updates messages of the held conversation (new ones go last). */
  addMessages: (conversationId: string, messages: Message[]) => void;
  /** Replaces the answer after the last user message with a new (streaming) one. */
  replaceLastAnswer: (answer: Message) => void;
  /**
   * Shows a new branch that main just started: keeps the held messages up to `parentId` (none
   * when null), then `messages` (a regenerated answer, or an edited question and its answer).
   */
  showNewBranch: (conversationId: string, parentId: string | null, messages: Message[]) => void;
  appendStreamingText: (chunks: ReadonlyMap<string, string>) => void;
  finishMessage: (message: Message) => void;
  clearMessages: () => void;
}

export const createMessagesSlice: SliceCreator<MessagesSlice> = (set) => ({
  messagesConversationId: null,
  messageIds: [],
  messagesById: {},
  streamingText: {},

  showConversation: (conversation, messages) =>
    set((state) => {
      if (state.openConversationId !== conversation.id) return {};
      const messagesById: Record<string, Message> = {};
      const streamingText = { ...state.streamingText };
      for (const incoming of messages) {
        const message = keepFinished(state.messagesById[incoming.id], incoming);
        messagesById[message.id] = message;
        seedStreamingText(streamingText, message);
      }
      return {
        openConversation: conversation,
        messagesConversationId: conversation.id,
        messageIds: messages.map((message) => message.id),
        messagesById,
        streamingText,
      };
    }),

  addMessages: (conversationId, messages) =>
    set((state) => {
      if (state.messagesConversationId !== conversationId) return {};
      const messagesById = { ...state.messagesById };
      const streamingText = { ...state.streamingText };
      const messageIds = [...state.messageIds];
      for (const incoming of messages) {
        const message = keepFinished(messagesById[incoming.id], incoming);
        messagesById[message.id] = message;
        if (!messageIds.includes(message.id)) messageIds.push(message.id);
        seedStreamingText(streamingText, message);
      }
      return { messagesById, messageIds, streamingText };
    }),

  replaceLastAnswer: (answer) =>
    set((state) => {
      if (state.messagesConversationId !== answer.conversationId) return {};
      const lastUser = findLastIndex(state.messageIds, (id) => state.messagesById[id]?.role === 'user');
      const kept = state.messageIds.slice(0, lastUser + 1).filter((id) => id !== answer.id);
      const messagesById: Record<string, Message> = {};
      for (const id of kept) {
        const message = state.messagesById[id];
        if (message) messagesById[id] = message;
      }
      messagesById[answer.id] = keepFinished(state.messagesById[answer.id], answer);
      const streamingText = { ...state.streamingText };
      seedStreamingText(streamingText, answer);
      return { messageIds: [...kept, answer.id], messagesById, streamingText };
    }),

  showNewBranch: (conversationId, parentId, messages) =>
    set((state) => {
      if (state.messagesConversationId !== conversationId) return {};
      const cut = parentId === null ? 0 : state.messageIds.indexOf(parentId) + 1;
      // The branch point is not shown (a refetch moved on meanwhile): that refetch's view stands.
      if (parentId !== null && cut === 0) return {};
      const newIds = messages.map((message) => message.id);
      const kept = state.messageIds.slice(0, cut).filter((id) => !newIds.includes(id));
      const messagesById: Record<string, Message> = {};
      for (const id of kept) {
        const message = state.messagesById[id];
        if (message) messagesById[id] = message;
      }
      const streamingText = { ...state.streamingText };
      for (const incoming of messages) {
        const message = keepFinished(state.messagesById[incoming.id], incoming);
        messagesById[message.id] = message;
        seedStreamingText(streamingText, message);
      }
      return { messageIds: [...kept, ...newIds], messagesById, streamingText };
    }),

  appendStreamingText: (chunks) =>
    set((state) => {
      const streamingText = { ...state.streamingText };
      for (const [messageId, text] of chunks) {
        const known = state.messagesById[messageId];
        if (known && known.status !== 'streaming') continue;
        streamingText[messageId] = (streamingText[messageId] ?? '') + text;
      }
      return { streamingText };
    }),

  finishMessage: (message) =>
    set((state) => {
      const { [message.id]: _finished, ...streamingText } = state.streamingText;
      if (state.messagesConversationId !== message.conversationId) return { streamingText };
      // Kept even when the id is not listed yet: the reply to `chat.send` may arrive after the
      // answer has already finished, and must not turn it back into a streaming one.
      return { streamingText, messagesById: { ...state.messagesById, [message.id]: message } };
    }),

  clearMessages: () => set({ messagesConversationId: null, messageIds: [], messagesById: {} }),
});

/** A reply fetched before an answer finished must not undo the finish that arrived since. */
function keepFinished(existing: Message | undefined, incoming: Message): Message {
  return existing && existing.status !== 'streaming' && incoming.status === 'streaming' ? existing : incoming;
}

/**
 * Main saves a streaming answer's text in batches, so a fetched copy may be behind the text this
 * page has already received, or ahead of it when the page opened mid-answer: keep the longer.
 */
function seedStreamingText(streamingText: Record<string, string>, message: Message): void {
  if (message.status !== 'streaming') return;
  const received = streamingText[message.id] ?? '';
  if (message.content.length > received.length) streamingText[message.id] = message.content;
  else streamingText[message.id] = received;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item !== undefined && predicate(item)) return index;
  }
  return -1;
}
