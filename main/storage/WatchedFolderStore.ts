import type { WatchedFolder } from '../../contract/index.js';
import type { Db } from './openDatabase.js';

interface WatchedFolderRow {
  id: string;
  path: string;
  collection_id: string | null;
  created_at: number;
}

const fromRow = (row: WatchedFolderRow): WatchedFolder => ({
  id: row.id,
  path: row.path,
  collectionId: row.collection_id,
  createdAt: row.created_at,
});

/** Watched folders, and what following a folder needs of its documents: finding them by path. */
export class WatchedFolderStore {
  readonly #db: Db;
  readonly #now: () => number;

  constructor(db: Db, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  list(): WatchedFolder[] {
    return this.#db
      .prepare<[], WatchedFolderRow>('SELECT * FROM watched_folders ORDER BY created_at, id')
      .all()
      .map(fromRow);
  }

  find(path: string, collectionId: string | null): WatchedFolder | null {
    const row = this.#db
      .prepare<[string, string], WatchedFolderRow>(
        "SELECT * FROM watched_folders WHERE path = ? AND ifnull(collection_id, '') = ?",
      )
      .get(path, collectionId ?? '');
    return row ? fromRow(row) : null;
  }

  add(id: string, path: string, collectionId: string | null): WatchedFolder {
    this.#db
      .prepare('INSERT INTO watched_folders (id, path, collection_id, created_at) VALUES (?, ?, ?, ?)')
      .run(id, path, collectionId, this.#now());
    return this.find(path, collectionId) as WatchedFolder;
  }

  remove(id: string): boolean {
    return this.#db.prepare('DELETE FROM watched_folders WHERE id = ?').run(id).changes > 0;
  }

  /** Documents imported from exactly this file into this collection (a re-import may leave two). */
  documentsAt(path: string, collectionId: string | null): string[] {
    return this.#db
      .prepare<[string, string], { id: string }>(
        "SELECT id FROM documents WHERE path = ? AND ifnull(collection_id, '') = ? ORDER BY created_at, id",
      )
      .all(path, collectionId ?? '')
      .map((row) => row.id);
  }

  /** Documents under a folder in this collection (a file deleted while Hearth was closed is found here). */
  documentsUnder(folder: string, collectionId: string | null): { id: string; path: string }[] {
    const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${separator(folder)}`;
    return this.#db
      .prepare<[number, string, string], { id: string; path: string }>(
        "SELECT id, path FROM documents WHERE substr(path, 1, ?) = ? AND ifnull(collection_id, '') = ?",
      )
      .all(prefix.length, prefix, collectionId ?? '');
  }

  /**
   * A re-imported file's conversations keep it: they are moved from the old document to the new
   * one before the old one is deleted (its cascade would otherwise drop them).
   */
  moveAttachments(fromId: string, toId: string): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT OR IGNORE INTO conversation_documents (conversation_id, document_id)
           SELECT conversation_id, ? FROM conversation_documents WHERE document_id = ?`,
        )
        .run(toId, fromId);
      this.#db.prepare('DELETE FROM conversation_documents WHERE document_id = ?').run(fromId);
    })();
  }
}

const separator = (path: string) => (path.includes('\\') && !path.includes('/') ? '\\' : '/');
