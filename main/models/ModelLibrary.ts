import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError, type ModelFile } from '../../contract/index.js';
import { describeFileType } from './screen/describeFileType.js';

const MAX_DEPTH = 2;
/** Ids of files used in place (outside the models folder) start with this; no folder file can. */
const LINKED_PREFIX = 'linked:';

/** Where linked model files are remembered (SQLite in the app). */
export interface LinkedModels {
  linkedModels(): { id: string; path: string }[];
  linkModel(id: string, path: string): void;
  unlinkModel(id: string): boolean;
}

/**
 * The models folder: GGUF files found in it and in its subfolders (two levels, as downloads and
 * hand-copied repositories nest them). A model is named by its path relative to the folder; that
 * name is resolved back only to a regular file inside the folder, never to anything outside it.
 */
export class ModelLibrary {
  #dir: string;
  readonly #linked: LinkedModels | null;

  constructor(dir: string, linked: LinkedModels | null = null) {
    this.#dir = dir;
    this.#linked = linked;
  }

  get dir(): string {
    return this.#dir;
  }

  /** Uses another models folder from now on (the caller has checked it). */
  setDir(dir: string): void {
    this.#dir = dir;
  }

  async list(): Promise<ModelFile[]> {
    await mkdir(this.dir, { recursive: true });
    const models: ModelFile[] = [];
    await this.#scan(this.dir, 0, models);
    for (const { id, path } of this.#linked?.linkedModels() ?? []) {
      const info = await stat(path).catch(() => null);
      // A linked file that moved or vanished stays listed by nothing; it can be imported again.
      if (info?.isFile()) {
        models.push({
          id,
          fileName: basename(path),
          source: 'linked',
          sizeBytes: info.size,
          modifiedAt: info.mtimeMs,
          check: 'checking',
          problem: null,
        });
      }
    }
    return models.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Remembers a file outside the folder under a stable id (the same path gets the same id). */
  link(path: string): string {
    if (!this.#linked) throw new AppError('unsupported', 'This library cannot link files.');
    const absolute = resolve(path);
    const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 10);
    const id = `${LINKED_PREFIX}${hash}/${basename(absolute)}`;
    this.#linked.linkModel(id, absolute);
    return this.#linked.linkedModels().find((entry) => entry.path === absolute)?.id ?? id;
  }

  /** Forgets a linked file; the file itself is not touched. */
  unlink(modelId: string): boolean {
    return this.#linked?.unlinkModel(modelId) ?? false;
  }

  isLinked(modelId: string): boolean {
    return modelId.startsWith(LINKED_PREFIX);
  }

  /**
   * The absolute path of a model id: only a file `list()` would show. The id must name a .gguf
   * file at most two folders deep, through real folders (a linked folder could lead anywhere),
   * with no hidden part, and the file must be a regular file (a link the user made to a model
   * stored elsewhere counts as its target).
   */
  async resolve(modelId: string): Promise<string> {
    if (this.isLinked(modelId)) {
      const path = this.#linked?.linkedModels().find((entry) => entry.id === modelId)?.path;
      const info = path ? await stat(path).catch(() => null) : null;
      if (!path || !info?.isFile()) {
        throw AppError.localized('not_found', 'errorLinkedMoved', { name: nameOf(modelId) }, 'library');
      }
      return path;
    }
    const path = await this.#folderPath(modelId);
    const info = await stat(path).catch(() => null);
    if (!info) {
      throw AppError.localized(
        'not_found',
        'errorModelGoneFromFolder',
        { name: nameOf(modelId), dir: this.dir },
        'library',
      );
    }
    if (!info.isFile()) throw new AppError('model_invalid', notRegular(basename(path), info));
    return path;
  }

  /**
   * Deletes a model of the folder, after checking at this moment that it is one: a file the list
   * shows whose first bytes are GGUF's magic. A link in the folder is removed, never its target;
   * anything else (a FIFO, a device, another kind of file) is refused and left as it is.
   * Linked models (used in place) are not files of Hearth's: forget them with `unlink`.
   */
  async deleteFile(modelId: string): Promise<void> {
    await unlink(await this.checkDeletable(modelId));
  }

  /** The path `deleteFile` would remove, or the reason it would refuse (called first, and again at deletion). */
  async checkDeletable(modelId: string): Promise<string> {
    if (this.isLinked(modelId)) throw AppError.localized('forbidden', 'errorLinkedNotDeleted', {}, 'library');
    const path = await this.#folderPath(modelId);
    const entry = await lstat(path).catch(() => null);
    if (!entry) {
      throw AppError.localized(
        'not_found',
        'errorModelGoneFromFolder',
        { name: nameOf(modelId), dir: this.dir },
        'library',
      );
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) {
      throw AppError.localized('forbidden', 'errorNotAFileToDelete', { name: nameOf(modelId) }, 'library');
    }
    // lstat said file or link: a link is followed to what it names, a file is opened without following.
    if (!(await startsWithGgufMagic(path, entry.isSymbolicLink()))) {
      throw AppError.localized(
        'forbidden',
        'errorNotGgufNoDelete',
        { name: nameOf(modelId), dir: this.dir },
        'library',
      );
    }
    return path;
  }

  /** A folder model id as a path, checked to be one the scan could have listed. */
  async #folderPath(modelId: string): Promise<string> {
    const parts = modelId.split('/');
    const refused = (why: string) =>
      new AppError('forbidden', `${modelId} is not a model the library lists in ${this.dir}: ${why}.`);
    if (parts.length > MAX_DEPTH + 1) throw refused('it is nested too deep');
    if (parts.some((part) => !part || part.startsWith('.') || part.includes('\\'))) {
      throw refused('hidden or unusual path parts');
    }
    if (!(parts.at(-1) ?? '').toLowerCase().endsWith('.gguf')) throw refused('only .gguf files are models');
    const root = resolve(this.dir);
    const path = resolve(root, ...parts);
    const inside = relative(root, path);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) throw refused('it is outside the folder');
    // Every folder on the way must be a real folder inside this one, as the scan requires.
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      folder = join(folder, part);
      const info = await lstat(folder).catch(() => null);
      if (!info?.isDirectory()) throw refused(`${part} is not a folder inside it`);
    }
    return path;
  }

  idFor(path: string): string | null {
    const linked = this.#linked?.linkedModels().find((entry) => entry.path === resolve(path));
    if (linked) return linked.id;
    const inside = relative(resolve(this.dir), resolve(path));
    return inside.startsWith('..') || isAbsolute(inside) ? null : inside.split(sep).join('/');
  }

  async #scan(dir: string, depth: number, into: ModelFile[]): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      const named = entry.name.toLowerCase().endsWith('.gguf');
      if (entry.isDirectory() && depth < MAX_DEPTH && !named) {
        await this.#scan(path, depth + 1, into);
      } else if (named) {
        // stat, never open: a FIFO blocks an open, a device never ends. A broken link is skipped.
        const info = await stat(path).catch(() => null);
        if (!info) continue;
        into.push({
          id: relative(this.dir, path).split(sep).join('/'),
          fileName: entry.name,
          source: 'folder',
          sizeBytes: info.isFile() ? info.size : 0,
          modifiedAt: info.mtimeMs,
          // A .gguf name on a folder, pipe or device is listed, so the user sees why it is not used.
          check: info.isFile() ? 'checking' : 'broken',
          problem: info.isFile() ? null : notRegular(entry.name, info),
        });
      }
    }
  }
}

function notRegular(name: string, info: Stats): string {
  return `${name} is not a regular file (${describeFileType(info)}).`;
}

/** GGUF files begin with these four bytes. */
const GGUF_MAGIC = Buffer.from('GGUF', 'latin1');

/**
 * Whether the file starts with GGUF's magic. Opened non-blocking (a FIFO swapped in cannot hang
 * the open) and checked to be a regular file on the open descriptor; `followLink` false refuses a
 * link put in place since the caller's lstat.
 */
async function startsWithGgufMagic(path: string, followLink: boolean): Promise<boolean> {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (followLink ? 0 : (constants.O_NOFOLLOW ?? 0));
  const file = await open(path, flags).catch(() => null);
  if (!file) return false;
  try {
    if (!(await file.stat()).isFile()) return false;
    const head = Buffer.alloc(GGUF_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(GGUF_MAGIC);
  } finally {
    await file.close();
  }
}

/** What the user calls a model in a message: its file name, never the internal id (`linked:<hash>/…`). */
function nameOf(modelId: string): string {
  return modelId.split('/').at(-1) ?? modelId;
}
