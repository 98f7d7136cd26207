import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Language, type LocalizedText, type UntypedT, zhCN } from '../../../contract/i18n/index.js';

/**
 * The renderer's one i18next instance (react-i18next binds it to the components). Both
 * languages' catalogs are bundled: they are small, and switching must work offline and at once.
 * The language starts as the system's and follows the setting once it is loaded
 * (`useLanguageSetting`).
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'zh-CN'],
  resources: { en, 'zh-CN': zhCN },
  defaultNS: 'common',
  ns: Object.keys(en),
  initAsync: false,
  // React escapes what it renders; i18next escaping on top would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function currentLanguage(): Language {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** A translate function outside components (format helpers, commands): the current language's. */
export const t: TFunction = i18n.t.bind(i18n);

/**
 * What main said (an error, a notice), in the UI's language when it came with a catalog key this
 * renderer knows; its English message otherwise (a newer main, or text with no key yet).
 */
export function localizedMessage(value: { message: string; text?: LocalizedText | undefined }): string {
  const text = value.text;
  if (!text || !i18n.exists(text.key)) return value.message;
  // A key from main is only known at run time (checked by `exists` above).
  return (i18n.t as unknown as UntypedT)(text.key, text.params ?? {});
}
