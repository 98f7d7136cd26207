import { useEffect } from 'react';
import { conversationTitle } from '../format/conversationTitle.js';
import { PRODUCT_NAME } from '../components/layout/productName.js';
import { useAppStore } from '../store/appStore.js';

/** The window title names the open conversation (task bar, window switcher, browser tab), in the UI's language. */
export function useDocumentTitle(): void {
  const title = useAppStore((state) => state.openConversation?.title ?? null);
  const shown = title === null ? null : conversationTitle(title);
  useEffect(() => {
    document.title = shown ? `${shown} — ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [shown]);
}
