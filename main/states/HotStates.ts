import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { copyFile, link, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** Hot copies kept at most: the newest states of the last few conversations used. */
const HOT_FILES = 4;
/** And at most this many bytes in all (a long attention-model state is hundreds of MB). */
const HOT_BYTES = 512 * 1024 * 1024;
const NAME = /^(\d+)-([0-9a-f]{64})\.state$/;

/** A stored state as HotStates needs it: its row, checksum and size. */
export interface HotKey {
  id: number;
  sha256: string;
  byteSize: number;
}

/**
 * The newest saved states, also kept as the plain files the engine wrote, beside the database.
 * SQLite stays the store of record; a hot copy only saves a resume the two slow steps of the
 * cold path: reading the blob out of SQLite and writing it back out as a file for the engine
 * (measured ~40 ms of a 2.4 MB state's ~300 ms resume). A copy is lent to the engine as a hard
 * link without main reading it: the engine checks its bytes against the stored checksum, so a
 * copy that changed on disk is refused like a damaged blob (and dropped here), and the next
 * resume takes the SQLite path. Copies are named by state id and checksum, so a reused row id
 * never finds another state's file; copies of deleted states are swept.
 */
export class HotStates {
  readonly #dir: string;
  /** File names, least recently used first, with their sizes. */
  readonly #files = new Map<string, number>();

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true });
    const found: { name: string; size: number; mtime: number }[] = [];
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!NAME.test(name)) {
        // A copy cut short by a crash, or anything else: never trusted, never kept.
        rmSync(path, { force: true, recursive: true });
        continue;
      }
      const info = statSync(path);
      found.push({ name, size: info.size, mtime: info.mtimeMs });
    }
    for (const file of found.sort((a, b) => a.mtime - b.mtime)) this.#files.set(file.name, file.size);
  }

  /** The ids of the states with hot copies. */
  ids(): number[] {
    return [...this.#files.keys()].map((name) => Number(NAME.exec(name)?.[1]));
  }

  /**
   * Keeps the engine's file of a state just stored (moved, not copied), dropping the least
   * recently used copies over the limits.
   */
  async adopt(key: HotKey, file: string): Promise<void> {
    if (key.byteSize > HOT_BYTES) return;
    const name = nameOf(key);
    await rename(file, join(this.#dir, name));
    this.#files.delete(name);
    this.#files.set(name, key.byteSize);
    await this.#evict();
  }

  /**
   * Puts the state's hot copy at `to` for the engine (a hard link; a copy where links are not
   * supported). False when there is none, or its size says it is not that state's.
   */
  async lend(key: HotKey, to: string): Promise<boolean> {
    const name = nameOf(key);
    if (!this.#files.has(name)) return false;
    const path = join(this.#dir, name);
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size !== key.byteSize) throw new Error('not this state’s copy');
      await link(path, to).catch(() => copyFile(path, to));
    } catch {
      // Gone, changed size, or cannot be lent: the state is read from SQLite instead.
      await unlink(to).catch(() => undefined);
      await this.forget(key.id);
      return false;
    }
    this.#files.delete(name);
    this.#files.set(name, key.byteSize);
    return true;
  }

  /** Drops a state's hot copy (refused, damaged, or deleted). */
  async forget(stateId: number): Promise<void> {
    for (const name of [...this.#files.keys()]) {
      if (!name.startsWith(`${stateId}-`)) continue;
      this.#files.delete(name);
      await unlink(join(this.#dir, name)).catch(() => undefined);
    }
  }

  /** Drops the copies of states that are no longer stored (`stored`: which of `ids()` still are). */
  async sweep(stored: ReadonlySet<number>): Promise<void> {
    for (const id of this.ids()) if (!stored.has(id)) await this.forget(id);
  }

  async #evict(): Promise<void> {
    let total = [...this.#files.values()].reduce((sum, size) => sum + size, 0);
    for (const [name, size] of [...this.#files]) {
      if (this.#files.size <= HOT_FILES && total <= HOT_BYTES) break;
      this.#files.delete(name);
      total -= size;
      await unlink(join(this.#dir, name)).catch(() => undefined);
    }
  }
}

const nameOf = (key: HotKey) => `${key.id}-${key.sha256}.state`;
