import { useEffect } from 'react';
import { useAppStore } from '../store/appStore.js';

/** The window title names the open conversation (task bar, window switcher, browser tab). */
export function useDocumentTitle(): void {
  const title = useAppStore((state) => state.openConversation?.title ?? null);
  useEffect(() => {
    document.title = title ? `${title} — Hearth` : 'Hearth';
  }, [title]);
}
