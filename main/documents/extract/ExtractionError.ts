import { localized, type LocalizedText, type TextKey, type TextParams } from '../../../contract/i18n/index.js';
import type { ExtractionErrorCode, ExtractionErrorValue } from '../../../contract/index.js';

/**
 * Why one file gave no document; it crosses the worker boundary as `{ code, message, text }`.
 * `text` is the message's catalog key (namespace `documents`), so the UI shows it in its language.
 */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  readonly text: LocalizedText | undefined;

  constructor(code: ExtractionErrorCode, message: string, text?: LocalizedText) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
    this.text = text;
  }

  /** An error whose message is a `documents` catalog key, with its English as `message`. */
  static localized(code: ExtractionErrorCode, key: TextKey<'documents'>, params?: TextParams): ExtractionError {
    const { message, text } = localized('documents', key, params);
    return new ExtractionError(code, message, text);
  }

  toValue(): ExtractionErrorValue {
    const value = { code: this.code, message: this.message.slice(0, 1000) };
    return this.text ? { ...value, text: this.text } : value;
  }
}
