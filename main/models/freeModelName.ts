import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../contract/index.js';

/** A path in `dir` for `fileName` that no file has yet: "name.gguf", then "name (2).gguf", … */
export async function freeModelName(dir: string, fileName: string): Promise<string> {
  const stem = fileName.replace(/\.gguf$/i, '');
  for (let n = 1; n < 1000; n++) {
    const target = join(dir, n === 1 ? fileName : `${stem} (${n}).gguf`);
    // lstat: a dangling link is a taken name too.
    if (!(await lstat(target).catch(() => null))) return target;
  }
  throw AppError.localized('storage_failed', 'errorNoFreeName', { file: fileName, dir }, 'library');
}
