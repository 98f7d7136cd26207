import { AppError } from '../../../contract/index.js';
import type { TextKey } from '../../../contract/i18n/index.js';

const MESSAGES: Record<string, TextKey<'library'>> = {
  ENOSPC: 'errorWriteDiskFull',
  EDQUOT: 'errorWriteQuota',
  EACCES: 'errorWriteAccess',
  EPERM: 'errorWriteAccess',
  EROFS: 'errorWriteReadOnly',
};

/** The file-system error code (ENOSPC, EACCES, …) anywhere in an error's cause chain, if any. */
export function writeErrorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code in MESSAGES) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** An error for the user about such an error, or null when the error is not one. */
export function describeWriteError(error: unknown): AppError | null {
  const code = writeErrorCode(error);
  const key = code === null ? undefined : MESSAGES[code];
  return key === undefined ? null : AppError.localized('storage_failed', key, {}, 'library');
}
