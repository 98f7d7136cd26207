import i18next from 'i18next';
import { z } from 'zod';
import type { TextParams } from './catalogTypes.js';
import { en, type EnglishCatalogs, type Namespace } from './locales/en/index.js';

/**
 * A text main writes for the user (an error, a notice) travels as its English `message` plus the
 * catalog key it came from: the renderer shows the key in the UI's language, and the English text
 * stays for logs, the local API and any reader without the catalogs.
 */
export const LocalizedTextSchema = z.strictObject({
  /** `namespace:key`, e.g. `errors:conversationNotFound`. */
  key: z
    .string()
    .max(160)
    .regex(/^[A-Za-z]+:[A-Za-z0-9_.]+$/),
  params: z.record(z.string().max(64), z.union([z.string().max(20_000), z.number()])).optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A catalog key without i18next's plural suffix: `files_one`/`files_other` are both `files`. */
type BaseKey<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;
export type TextKey<N extends Namespace> = BaseKey<Extract<keyof EnglishCatalogs[N], string>>;

export type UntypedT = (key: string, options: TextParams) => string;

// Main's own instance, English only: it never shows UI, it only fills `message` fields.
const english = i18next.createInstance();
void english.init({
  lng: 'en',
  fallbackLng: false,
  resources: { en },
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The English text of a catalog key, with its values filled in. */
export function englishText<N extends Namespace>(ns: N, key: TextKey<N>, params?: TextParams): string {
  // Untyped on purpose: the key's type is already checked by this function's signature.
  return (english.t as unknown as UntypedT)(`${ns}:${key}`, params ?? {});
}

/** The key and values of a text, for the renderer to translate, and its English for everyone else. */
export function localized<N extends Namespace>(
  ns: N,
  key: TextKey<N>,
  params?: TextParams,
): { message: string; text: LocalizedText } {
  return {
    message: englishText(ns, key, params),
    text: params ? { key: `${ns}:${key}`, params } : { key: `${ns}:${key}` },
  };
}
