import { useEffect } from 'react';
import { resolveLanguage } from '../../../contract/i18n/index.js';
import { useCommands } from '../session/CommandsContext.js';
import { useAppStore } from '../store/appStore.js';
import { i18n } from './i18n.js';

/**
 * Keeps the UI's language on the setting (or the system's languages, for `system`), sets
 * `<html lang>`, and tells main, whose defaults for the model (system prompt, grounding
 * instructions) follow the UI's language. Returns the language, for keying the tree.
 */
export function useLanguageSetting(): string {
  const choice = useAppStore((state) => state.settings?.language ?? 'system');
  const commands = useCommands();
  const language = resolveLanguage(choice, systemLanguages());
  useEffect(() => {
    if (i18n.language !== language) {
      void i18n.changeLanguage(language);
      // What the live region last said is in the old language, and old news: it is not said again.
      useAppStore.getState().announce('');
    }
    document.documentElement.lang = language;
    commands.reportUiLanguage(language);
  }, [language, commands]);
  return language;
}

/** The system's preferred languages, most wanted first (the browser's, or the OS's in the desktop app). */
export function systemLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
