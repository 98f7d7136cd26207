import i18next from 'i18next';
import type { Language, TextKey, TextParams, UntypedT } from '../../contract/i18n/index.js';
import { en, zhCN } from '../../contract/i18n/index.js';

// Main's instance for the texts it writes into export files: both languages, chosen per call,
// so a Markdown export reads in the language the user reads Hearth in.
const instance = i18next.createInstance();
void instance.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { exchange: en.exchange }, 'zh-CN': { exchange: zhCN.exchange } },
  defaultNS: 'exchange',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A text of the `exchange` namespace in `language`. */
export function exchangeText(language: Language, key: TextKey<'exchange'>, params?: TextParams): string {
  return (instance.getFixedT(language, 'exchange') as unknown as UntypedT)(key, params ?? {});
}
