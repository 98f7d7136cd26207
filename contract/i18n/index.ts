export * from './languages.js';
export * from './catalogTypes.js';
export * from './localizedText.js';
export { en, type EnglishCatalogs, type Namespace } from './locales/en/index.js';
export { zhCN } from './locales/zh-CN/index.js';
export * from './prompts.js';
