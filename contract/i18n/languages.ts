import { z } from 'zod';

/**
 * The languages Hearth's UI is written in. Every catalog under `locales/` exists in each of them;
 * English is also the fallback for a key a catalog lacks and the language of logs and the API.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** The setting: follow the system's language, or one chosen. */
export const LanguageChoiceSchema = z.enum(['system', ...LANGUAGES]);
export type LanguageChoice = z.infer<typeof LanguageChoiceSchema>;

/** Each language's name in itself (an autonym): what a language menu shows, whatever the UI's language. */
export const LANGUAGE_AUTONYMS: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * The first of the system's preferred languages (BCP 47 tags, most wanted first) that Hearth is
 * written in. Every Chinese tag maps to Simplified Chinese, the only Chinese catalog there is: a
 * Traditional-Chinese reader is better served by it than by English.
 */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function resolveLanguage(choice: LanguageChoice, preferred: readonly string[]): Language {
  return choice === 'system' ? matchLanguage(preferred) : choice;
}
