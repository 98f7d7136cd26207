import { AppErrorSchema, toErrorValue } from '../../contract/index.js';
import type { LocalizedText } from '../../contract/i18n/index.js';

/**
 * An error as a row keeps it (a download's, a refused file's verdict). The column is plain text: an error with a catalog key is
 * stored as the JSON of `{ code, message, text }`, so the UI can show it in its language even after
 * a restart; rows written before (plain English) still read as they are.
 */
export function storedError(error: unknown): string {
  const value = toErrorValue(error);
  return value.text ? JSON.stringify(value) : value.message;
}

/** The English message and, when stored, its catalog key. */
export function readStoredError(stored: string | null): { error: string | null; errorText?: LocalizedText } {
  if (stored === null || !stored.startsWith('{')) return { error: stored };
  try {
    const parsed = AppErrorSchema.safeParse(JSON.parse(stored));
    if (parsed.success) {
      return parsed.data.text
        ? { error: parsed.data.message, errorText: parsed.data.text }
        : { error: parsed.data.message };
    }
  } catch {
    // Not JSON after all: a message that happens to start with a brace.
  }
  return { error: stored };
}
