import type { HandlerGroup, HearthServices } from './HearthServices.js';

/** What saved states take on disk, and deleting them. */
export function stateHandlers(s: HearthServices): HandlerGroup<'states.usage' | 'states.purge'> {
  return {
    'states.usage': async () => s.stateUsage(),
    'states.purge': async ({ conversationId }) => {
      s.stateStore.purge(conversationId);
      s.stateStore.shrink();
      s.events.emit('states.changed', {});
      return s.stateUsage();
    },
  };
}
