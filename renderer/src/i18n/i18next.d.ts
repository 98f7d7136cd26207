import type { EnglishCatalogs } from '../../../contract/i18n/index.js';

// Type-checked keys: `t('chat:send')` compiles only when the English catalog has that key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: EnglishCatalogs;
    returnNull: false;
  }
}
