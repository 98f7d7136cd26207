import { useEffect } from 'react';
import { useCommands } from '../session/CommandsContext.js';
import { useAppStore } from '../store/appStore.js';
import { selectIsStreaming } from '../store/selectors.js';

/**
 * Ctrl/Cmd+N: new chat. Ctrl/Cmd+K: search conversations. Ctrl/Cmd+,: settings. Ctrl/Cmd+M: the
 * model library. Ctrl/Cmd+D: documents. Ctrl/Cmd+/: the list of shortcuts. Esc: close the narrow
 * sidebar, else stop the answer. A shortcut added here belongs in layout/shortcutList.ts too.
 */
export function useGlobalShortcuts(): void {
  const commands = useCommands();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = useAppStore.getState();
      const withModifier = (event.ctrlKey || event.metaKey) && !event.altKey;
      if (withModifier && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        if (state.dialog === null) void commands.newConversation();
      } else if (withModifier && !event.shiftKey && event.key.toLowerCase() === 'k') {
        // Also keeps the browser's own search (the address bar) away from the web host.
        event.preventDefault();
        if (state.dialog === null) state.focusSearch();
      } else if (withModifier && !event.shiftKey && event.key.toLowerCase() === 'm') {
        event.preventDefault();
        if (state.dialog === null) commands.openLibrary();
      } else if (withModifier && !event.shiftKey && event.key.toLowerCase() === 'd') {
        // Also keeps the browser's "bookmark this page" away from the web host.
        event.preventDefault();
        if (state.dialog === null) commands.openDocuments();
      } else if (withModifier && (event.key === '/' || event.code === 'Slash')) {
        // With or without Shift: on many keyboards (German, French…) "/" is a shifted key.
        event.preventDefault();
        if (state.dialog === null) state.openDialog({ kind: 'shortcuts' });
      } else if (withModifier && event.key === ',') {
        event.preventDefault();
        state.openDialog({ kind: 'settings' });
      } else if (event.key === 'Escape' && state.dialog === null) {
        if (state.sidebarOpen) {
          event.preventDefault();
          state.setSidebarOpen(false);
        } else if (selectIsStreaming(state)) {
          event.preventDefault();
          void commands.stop();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
}
