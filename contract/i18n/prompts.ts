import i18next from 'i18next';
import type { TextParams } from './catalogTypes.js';
import type { Language } from './languages.js';
import type { TextKey, UntypedT } from './localizedText.js';
import { en, type Namespace } from './locales/en/index.js';
import { zhCN } from './locales/zh-CN/index.js';

// Main's instance for texts in a chosen language (for the model, the desktop's own dialogs).
const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en, 'zh-CN': zhCN },
  defaultNS: 'prompts',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A catalog text in `language`, for what main itself shows or writes (not sent as a key). */
export function textIn<N extends Namespace>(language: Language, ns: N, key: TextKey<N>, params?: TextParams): string {
  return (instance.getFixedT(language, ns) as unknown as UntypedT)(key, params ?? {});
}

/** A text for the model (or written by Hearth as an answer) in `language`. */
export function promptText(language: Language, key: TextKey<'prompts'>, params?: TextParams): string {
  return textIn(language, 'prompts', key, params);
}

const BUILT_IN_SYSTEM_PROMPTS = new Set([en.prompts.defaultSystemPrompt, zhCN.prompts.defaultSystemPrompt]);

/**
 * The default system prompt a new conversation starts with. The built-in one (in any language)
 * follows the UI's language; one the user wrote is theirs, whatever the language.
 */
export function defaultSystemPromptFor(stored: string, language: Language): string {
  return BUILT_IN_SYSTEM_PROMPTS.has(stored.trim()) ? promptText(language, 'defaultSystemPrompt') : stored;
}
