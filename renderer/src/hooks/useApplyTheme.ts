import { useEffect } from 'react';
import { useAppStore } from '../store/appStore.js';

/** Sets `data-theme` on <html> when the user picked a theme; without it the CSS follows the system. */
export function useApplyTheme(): void {
  const theme = useAppStore((state) => state.settings?.theme ?? 'system');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
