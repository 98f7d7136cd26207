import type { Stats } from 'node:fs';

/** What a path that is not a regular file is, in words ("a named pipe (FIFO)", "a folder", …). */
export function describeFileType(info: Stats): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}
