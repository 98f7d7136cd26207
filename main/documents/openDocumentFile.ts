import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { ExtractionError } from './extract/ExtractionError.js';

/** Kernel views, not documents: /proc/self/environ and the like hold secrets and report size 0. */
const KERNEL_TREES = ['/proc', '/sys', '/dev'];

const within = (parent: string, path: string) => {
  const inside = relative(parent, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
};

/**
 * Opens a file to import as a document: only a regular file, and only one that is not a kernel
 * view, is read. Opened non-blocking (a FIFO named like a document cannot hang the open) and
 * checked on the open descriptor, so a file swapped after a check is still what was checked.
 * The caller closes the handle.
 */
export async function openDocumentFile(path: string): Promise<{ file: FileHandle; size: number }> {
  const real = await realpath(path).catch((error: unknown) => {
    throw unreadable(error);
  });
  if (process.platform !== 'win32' && KERNEL_TREES.some((tree) => within(tree, real))) {
    throw ExtractionError.localized('unreadable', 'errorSystemFile');
  }
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
  const file = await open(path, flags).catch((error: unknown) => {
    throw unreadable(error);
  });
  const info = await file.stat().catch(async (error: unknown) => {
    await file.close();
    throw unreadable(error);
  });
  if (info.isDirectory()) {
    await file.close();
    throw ExtractionError.localized('unreadable', 'errorIsFolder');
  }
  if (!info.isFile()) {
    await file.close();
    throw ExtractionError.localized('unreadable', 'errorNotRegularFile');
  }
  return { file, size: info.size };
}

function unreadable(error: unknown): ExtractionError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return ExtractionError.localized('unreadable', 'errorFileGone');
  if (code === 'EACCES' || code === 'EPERM') return ExtractionError.localized('unreadable', 'errorFileNotAllowed');
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 900);
  return ExtractionError.localized('unreadable', 'errorFileUnreadable', { detail });
}
