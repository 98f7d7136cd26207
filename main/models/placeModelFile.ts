import { link, lstat, rename, unlink } from 'node:fs/promises';
import { AppError } from '../../contract/index.js';
import { freeModelName } from './freeModelName.js';

/** File systems without hard links (FAT, exFAT, some network shares) answer link() with these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Moves a finished file (a download, an import's copy) into `dir` under a free name, never
 * replacing a file already there: a hard link fails if the name was taken in the meantime (then
 * the next free name is tried), and only then is the temporary name removed. Where the disk has
 * no hard links, the name is checked once more right before a rename.
 */
export async function placeModelFile(from: string, dir: string, fileName: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const target = await freeModelName(dir, fileName);
    try {
      await link(from, target);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') continue;
      if (typeof code !== 'string' || !NO_HARD_LINKS.has(code)) throw error;
      if (await lstat(target).catch(() => null)) continue;
      await rename(from, target);
      return target;
    }
    await unlink(from);
    return target;
  }
  throw AppError.localized('storage_failed', 'errorNoFreeName', { file: fileName, dir }, 'library');
}
