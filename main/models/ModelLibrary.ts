import { mkdir, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError, type ModelFile } from '../../contract/index.js';

const MAX_DEPTH = 2;

/**
 * The models folder: GGUF files found in it and in its subfolders (two levels, as downloads and
 * hand-copied repositories nest them). A model is named by its path relative to the folder; that
 * name is resolved back only to a regular file inside the folder, never to anything outside it.
 */
export class ModelLibrary {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async list(): Promise<ModelFile[]> {
    await mkdir(this.dir, { recursive: true });
    const models: ModelFile[] = [];
    await this.#scan(this.dir, 0, models);
    return models.sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * The absolute path of a model id. The id must stay inside the folder as written (a file in it
   * may still be a link the user made to a model stored elsewhere) and name a regular file.
   */
  async resolve(modelId: string): Promise<string> {
    const path = resolve(this.dir, modelId);
    const inside = relative(resolve(this.dir), path);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
      throw new AppError('forbidden', `The model ${modelId} is not inside the models folder.`);
    }
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      throw new AppError('not_found', `The model ${modelId} is no longer in the models folder (${this.dir}).`);
    }
    return path;
  }

  idFor(path: string): string | null {
    const inside = relative(resolve(this.dir), resolve(path));
    return inside.startsWith('..') || isAbsolute(inside) ? null : inside.split(sep).join('/');
  }

  async #scan(dir: string, depth: number, into: ModelFile[]): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) {
        await this.#scan(path, depth + 1, into);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.gguf')) {
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) continue;
        into.push({
          id: relative(this.dir, path).split(sep).join('/'),
          fileName: entry.name,
          sizeBytes: info.size,
          modifiedAt: info.mtimeMs,
        });
      }
    }
  }
}
