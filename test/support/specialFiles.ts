import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

export type SpecialKind = 'fifo' | 'folder' | 'device-link';

/**
 * Things named `.gguf` that are not regular files: a named pipe (opening it blocks), a folder, and
 * a link to a character device (reading it never ends). Made in `dir`; returns their paths. POSIX
 * only (mkfifo, /dev/zero); on Windows only the folder is made.
 */
export function makeSpecialFiles(dir: string, prefix = ''): Partial<Record<SpecialKind, string>> {
  mkdirSync(dir, { recursive: true });
  const folder = join(dir, `${prefix}folder.gguf`);
  mkdirSync(folder);
  if (process.platform === 'win32') return { folder };
  const fifo = join(dir, `${prefix}fifo.gguf`);
  execFileSync('mkfifo', [fifo]);
  const deviceLink = join(dir, `${prefix}device-link.gguf`);
  symlinkSync('/dev/zero', deviceLink);
  return { fifo, folder, 'device-link': deviceLink };
}

export const SPECIAL_FILE_MENTIONS: Record<SpecialKind, string> = {
  fifo: 'not a regular file (a named pipe)',
  folder: 'not a regular file (a folder)',
  'device-link': 'not a regular file (a character device)',
};
