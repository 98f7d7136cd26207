import type { HandlerGroup, HearthServices } from './HearthServices.js';

/** Asking, stopping, editing and regenerating (ChatService does the work). */
export function chatHandlers({
  chat,
}: HearthServices): HandlerGroup<'chat.send' | 'chat.stop' | 'chat.edit' | 'chat.regenerate'> {
  return {
    'chat.send': async ({ conversationId, content }) => chat.send(conversationId, content),
    'chat.stop': async ({ conversationId }) => ({ stopped: chat.stop(conversationId) }),
    'chat.edit': async ({ conversationId, messageId, content }) => chat.edit(conversationId, messageId, content),
    'chat.regenerate': async ({ conversationId, messageId }) => chat.regenerate(conversationId, messageId),
  };
}
