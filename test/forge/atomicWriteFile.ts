import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Lets `write` fill a temporary file next to `finalPath`, then renames it into place, so a reader (or a
 * second test worker forging the same file) never sees a half-written model.
 */
export async function writeFileAtomically(
  finalPath: string,
  write: (tempPath: string) => Promise<unknown>,
): Promise<void> {
  await mkdir(dirname(finalPath), { recursive: true });
  const tempPath = `${finalPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await write(tempPath);
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    // On Windows the rename fails while another process has the finished file open; when a worker has
    // already put an identical file there, that is success.
    if (await isRegularFile(finalPath)) return;
    throw error;
  }
}
