import { opendir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError, MAX_FOLDER_DOCUMENTS } from '../../../contract/index.js';
import { isFolderDocument, isHidden } from './isFolderDocument.js';

export interface FolderContents {
  /** The folder as an absolute path (documents are stored under it). */
  root: string;
  documents: string[];
  skipped: { unsupported: number; hidden: number; links: number };
}

/** Nesting past this is a generated tree, not someone's documents. */
const MAX_DEPTH = 32;

/**
 * The documents under a folder, depth first in name order. Links are never followed, so a link
 * loop (or a link out to `/`) cannot make the walk endless; they are counted as skipped. More
 * documents than `maxDocuments` refuses the folder whole: importing part of it would be a guess.
 */
export async function walkFolder(path: string, maxDocuments = MAX_FOLDER_DOCUMENTS): Promise<FolderContents> {
  const root = resolve(path);
  const info = await stat(root).catch(() => null);
  if (!info) throw AppError.localized('not_found', 'errorNoFolder', undefined, 'documents');
  if (!info.isDirectory()) throw AppError.localized('invalid_input', 'errorNotAFolder', undefined, 'documents');
  const contents: FolderContents = { root, documents: [], skipped: { unsupported: 0, hidden: 0, links: 0 } };
  await walk(root, 0, contents, maxDocuments);
  return contents;
}

async function walk(dir: string, depth: number, contents: FolderContents, maxDocuments: number): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const entries = [];
  try {
    for await (const entry of await opendir(dir)) entries.push(entry);
  } catch {
    if (depth === 0) throw AppError.localized('invalid_input', 'errorFolderNotAllowed', undefined, 'documents');
    contents.skipped.unsupported++; // an unreadable sub-folder is passed over, not fatal
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (isHidden(path)) contents.skipped.hidden++;
    else if (entry.isSymbolicLink()) contents.skipped.links++;
    else if (entry.isDirectory()) await walk(path, depth + 1, contents, maxDocuments);
    else if (entry.isFile() && isFolderDocument(path)) {
      contents.documents.push(path);
      if (contents.documents.length > maxDocuments) {
        const max = maxDocuments.toLocaleString('en');
        throw AppError.localized('invalid_input', 'errorFolderTooBig', { max }, 'documents');
      }
    } else contents.skipped.unsupported++;
  }
}
