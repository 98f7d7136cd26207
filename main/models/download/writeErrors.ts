const MESSAGES: Record<string, string> = {
  ENOSPC: 'The disk is full: the download stopped and its partial file was kept. Free some space, then resume.',
  EDQUOT: 'Your disk quota is used up: the download stopped. Free some space, then resume.',
  EACCES: 'Hearth may not write to the models folder. Choose another folder in the library.',
  EPERM: 'Hearth may not write to the models folder. Choose another folder in the library.',
  EROFS: 'The models folder is on a read-only disk. Choose another folder in the library.',
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

/** A message for the user about such an error, or null when the error is not one. */
export function describeWriteError(error: unknown): string | null {
  const code = writeErrorCode(error);
  return code === null ? null : (MESSAGES[code] ?? null);
}
