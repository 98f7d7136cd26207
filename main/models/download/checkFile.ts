import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, statfs } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../contract/index.js';
import { formatBytes } from './formatBytes.js';

/**
 * A downloaded file is accepted only when it has the size the server (and the catalog, when it
 * came from there) stated and, where the source publishes one, the same sha256.
 */
export async function verifyDownloadedFile(
  path: string,
  expect: { totalBytes: number; sha256: string | null },
  signal?: AbortSignal,
): Promise<void> {
  const { size } = await stat(path);
  if (size !== expect.totalBytes) {
    throw AppError.localized(
      'model_invalid',
      'errorWrongSize',
      { size: formatBytes(size), bytes: size, expected: expect.totalBytes },
      'library',
    );
  }
  if (expect.sha256 === null) return;
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash, { signal });
  const actual = hash.digest('hex');
  if (actual !== expect.sha256) {
    throw AppError.localized(
      'model_invalid',
      'errorDamaged',
      { actual: actual.slice(0, 12), expected: expect.sha256.slice(0, 12) },
      'library',
    );
  }
}

/** Bytes free for this process in the file system holding `dir`. */
export async function freeBytes(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}

/** Refuses to start when the rest of the file (plus a margin) does not fit on the disk. */
export async function ensureFreeSpace(dir: string, neededBytes: number, marginBytes: number): Promise<void> {
  const free = await freeBytes(dir);
  if (free < neededBytes + marginBytes) {
    throw AppError.localized(
      'storage_failed',
      'errorNoSpace',
      { needed: formatBytes(neededBytes + marginBytes), dir, free: formatBytes(free) },
      'library',
    );
  }
}
