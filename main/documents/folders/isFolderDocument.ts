import { basename, extname } from 'node:path';
import { HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, OTHER_DOCUMENT_EXTENSIONS } from '../documentExtensions.js';

/**
 * Whether a file found in a folder is imported: by its name, since a folder holds much that is
 * not a document (images, archives, source code) and reading each one's bytes to refuse it would
 * flood the list with errors. A file named like a document is still checked by its bytes on import.
 */
export function isFolderDocument(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return (
    OTHER_DOCUMENT_EXTENSIONS.has(extension) || MARKDOWN_EXTENSIONS.has(extension) || HTML_EXTENSIONS.has(extension)
  );
}

/** Dotfiles and dot-folders (.git, .cache, .DS_Store) are the system's or a tool's, not the user's. */
export const isHidden = (path: string): boolean => basename(path).startsWith('.');
