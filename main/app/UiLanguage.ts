import type { Language } from '../../contract/i18n/index.js';
import type { SettingsStore } from '../storage/SettingsStore.js';

/**
 * The language the user reads Hearth in, as main needs it for what it writes to the model (the
 * default system prompt, document-grounding instructions). The setting decides; for `system`, the
 * renderer reports what it resolved (the OS's languages in the desktop app, the browser's on the
 * web host). English until a renderer has said otherwise.
 */
export class UiLanguage {
  readonly #settings: SettingsStore;
  #reported: Language = 'en';

  constructor(settings: SettingsStore) {
    this.#settings = settings;
  }

  report(language: Language): void {
    this.#reported = language;
  }

  current(): Language {
    const choice = this.#settings.get().language;
    return choice === 'system' ? this.#reported : choice;
  }
}
