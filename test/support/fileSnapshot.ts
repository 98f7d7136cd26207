import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Everything under a folder as it is on disk: each entry's kind and, for a file, its bytes'
 * hash, for a link, where it points. Nothing is followed or opened except regular files.
 */
export function snapshotFolder(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(root, path);
      const info = lstatSync(path);
      if (info.isSymbolicLink()) entries[key] = `link → ${readlinkSync(path)}`;
      else if (info.isDirectory()) {
        entries[key] = 'folder';
        walk(path);
      } else if (info.isFile()) entries[key] = `file ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
      else entries[key] = info.isFIFO() ? 'fifo' : 'other';
    }
  };
  walk(root);
  return entries;
}
