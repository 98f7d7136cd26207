import type { ExtractionErrorCode, ExtractionErrorValue } from '../../../contract/index.js';

/** Why one file gave no document; it crosses the worker boundary as `{ code, message }`. */
export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;

  constructor(code: ExtractionErrorCode, message: string) {
    super(message);
    this.name = 'ExtractionError';
    this.code = code;
  }

  toValue(): ExtractionErrorValue {
    return { code: this.code, message: this.message.slice(0, 1000) };
  }
}
