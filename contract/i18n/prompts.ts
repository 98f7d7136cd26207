import i18next from 'i18next';
import type { TextParams } from './catalogTypes.js';
import type { Language } from './languages.js';
import type { TextKey, UntypedT } from './localizedText.js';
import { en } from './locales/en/index.js';
import { zhCN } from './locales/zh-CN/index.js';

// Main's instance for texts given to the model: both languages, chosen per call.
const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { prompts: en.prompts }, 'zh-CN': { prompts: zhCN.prompts } },
  defaultNS: 'prompts',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A text for the model (or written by Hearth as an answer) in `language`. */
export function promptText(language: Language, key: TextKey<'prompts'>, params?: TextParams): string {
  return (instance.getFixedT(language, 'prompts') as unknown as UntypedT)(key, params ?? {});
}

const BUILT_IN_SYSTEM_PROMPTS = new Set([en.prompts.defaultSystemPrompt, zhCN.prompts.defaultSystemPrompt]);

/**
 * The default system prompt a new conversation starts with. The built-in one (in any language)
 * follows the UI's language; one the user wrote is theirs, whatever the language.
 */
export function defaultSystemPromptFor(stored: string, language: Language): string {
  return BUILT_IN_SYSTEM_PROMPTS.has(stored.trim()) ? promptText(language, 'defaultSystemPrompt') : stored;
}
