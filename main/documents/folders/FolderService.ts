import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import {
  DOCUMENT_IMPORT_MAX_PATHS,
  MAX_FOLDER_DOCUMENTS,
  type FolderImport,
  type ImportOutcome,
  type WatchedFolder,
} from '../../../contract/index.js';
import type { WatchedFolderStore } from '../../storage/WatchedFolderStore.js';
import type { DocumentService } from '../DocumentService.js';
import { isFolderDocument, isHidden } from './isFolderDocument.js';
import { walkFolder } from './walkFolder.js';

export interface FolderServiceOptions {
  store: WatchedFolderStore;
  documents: DocumentService;
  /** The watched folders changed (one added or removed). */
  changed: () => void;
  log?: (line: string) => void;
  /** Documents one folder may hold (tests lower it). */
  maxDocuments?: number;
}

/** Refused files named in a folder import's answer; the rest are counted. */
const REFUSED_NAMED = 20;

/**
 * Folders of documents. An import walks the folder (see walkFolder) and queues its documents
 * through DocumentService, so each gets the same checks and the same per-file progress as a file
 * imported by hand. A watched folder follows the disk: a new file is imported, a changed one
 * re-imported (the new document takes over the old one's conversations, then the old one is
 * deleted), a deleted one removed. Watches are stored and started again at each start, with a
 * fresh walk that catches up on what changed while Hearth was closed.
 */
export class FolderService {
  readonly #o: Required<FolderServiceOptions>;
  readonly #watchers = new Map<string, FSWatcher>();
  /** Events for one file are applied in order: a change that lands during its own import waits. */
  #applying: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(options: FolderServiceOptions) {
    this.#o = { log: (line) => console.warn(`[hearth] ${line}`), maxDocuments: MAX_FOLDER_DOCUMENTS, ...options };
  }

  list(): WatchedFolder[] {
    return this.#o.store.list();
  }

  async import(path: string, collectionId: string | null, keepWatching: boolean): Promise<FolderImport> {
    const contents = await walkFolder(path, this.#o.maxDocuments);
    const result: FolderImport = {
      path: contents.root,
      queued: 0,
      unchanged: 0,
      refused: [],
      refusedCount: 0,
      skipped: contents.skipped,
      watched: null,
    };
    for (let start = 0; start < contents.documents.length; start += DOCUMENT_IMPORT_MAX_PATHS) {
      const outcomes = await this.#o.documents.import(
        contents.documents.slice(start, start + DOCUMENT_IMPORT_MAX_PATHS),
        collectionId,
      );
      for (const outcome of outcomes) {
        this.#count(result, outcome);
        if (outcome.documentId) await this.#supersede(outcome.path, outcome.documentId, collectionId);
      }
    }
    if (keepWatching) {
      result.watched =
        this.#o.store.find(contents.root, collectionId) ?? this.#o.store.add(randomUUID(), contents.root, collectionId);
      await this.#watch(result.watched);
      this.#o.changed();
    }
    return result;
  }

  async unwatch(id: string): Promise<boolean> {
    await this.#watchers.get(id)?.close();
    this.#watchers.delete(id);
    const removed = this.#o.store.remove(id);
    if (removed) this.#o.changed();
    return removed;
  }

  /** At start: every stored folder is walked again (catching up) and watched. */
  async resume(): Promise<void> {
    for (const folder of this.#o.store.list()) {
      try {
        await this.import(folder.path, folder.collectionId, false);
        await this.#removeMissing(folder);
        await this.#watch(folder);
      } catch (error) {
        // A folder on a drive that is not mounted now stays stored and is tried at the next start.
        this.#o.log(`the watched folder ${folder.path} was not followed: ${(error as Error).message}`);
      }
    }
  }

  /** Resolves when every file event received so far has been applied (tests). */
  settled(): Promise<void> {
    return this.#applying;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#watchers.values()].map((watcher) => watcher.close()));
    this.#watchers.clear();
    await this.#applying;
  }

  #count(result: FolderImport, outcome: ImportOutcome): void {
    if (outcome.outcome === 'queued') result.queued++;
    else if (outcome.outcome === 'unchanged') result.unchanged++;
    else {
      result.refusedCount++;
      if (result.refused.length < REFUSED_NAMED)
        result.refused.push({
          path: outcome.path,
          error: outcome.error ?? '',
          ...(outcome.errorText && { errorText: outcome.errorText }),
        });
    }
  }

  async #watch(folder: WatchedFolder): Promise<void> {
    if (this.#watchers.has(folder.id) || this.#closed) return;
    const watcher = watch(folder.path, {
      ignoreInitial: true, // the walk before imported what is there
      followSymlinks: false,
      depth: 32,
      ignored: (path: string) => resolve(path) !== folder.path && isHidden(path),
      // A file being written is imported once it stops growing, not at every write.
      awaitWriteFinish: { stabilityThreshold: 300, pollInterval: 50 },
    });
    this.#watchers.set(folder.id, watcher);
    const apply = (what: 'import' | 'remove') => (path: string) => {
      if (!isFolderDocument(path) || isHidden(path)) return;
      this.#applying = this.#applying
        .then(() =>
          what === 'import' ? this.#reimport(path, folder.collectionId) : this.#remove(path, folder.collectionId),
        )
        .catch((error: unknown) => this.#o.log(`${path} was not followed: ${(error as Error).message}`));
    };
    watcher.on('add', apply('import')).on('change', apply('import')).on('unlink', apply('remove'));
    watcher.on('error', (error) => this.#o.log(`watching ${folder.path}: ${(error as Error).message}`));
    await new Promise<void>((ready) => watcher.once('ready', ready));
  }

  /** A file added or changed: imported, and any older document of the same file handed over and deleted. */
  async #reimport(path: string, collectionId: string | null): Promise<void> {
    if (this.#closed) return;
    const [outcome] = await this.#o.documents.import([path], collectionId);
    if (!outcome?.documentId) {
      if (outcome) this.#o.log(`${path} was not imported: ${outcome.error ?? 'refused'}`);
      return;
    }
    await this.#supersede(path, outcome.documentId, collectionId);
  }

  /**
   * Older documents of a file that was imported again (its content changed) give their
   * conversations to the new one and are deleted: a changed file is one document, not two.
   */
  async #supersede(path: string, documentId: string, collectionId: string | null): Promise<void> {
    for (const old of this.#o.store.documentsAt(path, collectionId)) {
      if (old === documentId) continue;
      this.#o.store.moveAttachments(old, documentId);
      await this.#o.documents.delete(old);
    }
  }

  async #remove(path: string, collectionId: string | null): Promise<void> {
    for (const id of this.#o.store.documentsAt(path, collectionId)) await this.#o.documents.delete(id);
  }

  /** Documents of files deleted while Hearth was closed. */
  async #removeMissing(folder: WatchedFolder): Promise<void> {
    const { documents } = await walkFolder(folder.path, Number.MAX_SAFE_INTEGER);
    const present = new Set(documents);
    for (const { id, path } of this.#o.store.documentsUnder(folder.path, folder.collectionId)) {
      if (!present.has(path)) await this.#o.documents.delete(id);
    }
  }
}
