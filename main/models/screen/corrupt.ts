import { AppError } from '../../../contract/index.js';

/**
 * "<file> is corrupt: <detail>." The detail names GGUF's own parts (keys, tensors, types) and
 * stays in English, technical words a translation would not help with; the sentence around it is
 * in the UI's language.
 */
export function corrupt(name: string, detail: string): AppError {
  return AppError.localized('model_invalid', 'errorCorrupt', { name, detail }, 'library');
}
