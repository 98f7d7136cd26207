import { randomUUID } from 'node:crypto';
import { constants, copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import {
  AppError,
  type Catalog,
  type CatalogFit,
  type ModelCard,
  type ModelFamily,
  type ModelFile,
  type ModelInspection,
  type Recommendation,
  type StartDownload,
  type StateCost,
} from '../../contract/index.js';
import type { HardwareService } from '../hardware/HardwareService.js';
import type { SettingsStore } from '../storage/SettingsStore.js';
import type { StateStore } from '../storage/StateStore.js';
import { catalogFits, recommend } from './catalog/catalogFit.js';
import type { DownloadManager } from './download/DownloadManager.js';
import { checkModelsFolder } from './checkModelsFolder.js';
import { placeModelFile } from './placeModelFile.js';
import type { ModelLibrary } from './ModelLibrary.js';
import type { ModelVetter } from './ModelVetter.js';

export interface LibraryServiceOptions {
  library: ModelLibrary;
  catalog: Catalog;
  downloads: DownloadManager;
  hardware: HardwareService;
  settings: SettingsStore;
  states: StateStore;
  /** Every file's check: screen + trial load in a throwaway process, one verdict per file version. */
  vetter: ModelVetter;
  /** Unloads the model from the engine when it is the loaded one (before its file is deleted). */
  release: (modelPath: string) => Promise<void>;
  /** Models were added or removed, or the folder changed. */
  changed: () => void;
  /** The models folder when the user has chosen none. */
  defaultDir: string;
}

/**
 * The model library as the user sees it: the catalog and how each file would run here, imports,
 * model cards, deletion and the models folder. Downloads are the DownloadManager's; files are
 * read only by the engine process (through the hardware service's inspection cache).
 */
export class LibraryService {
  readonly #o: LibraryServiceOptions;

  constructor(options: LibraryServiceOptions) {
    this.#o = options;
  }

  async catalog(): Promise<{
    checkedOn: string;
    entries: Catalog['entries'];
    fits: CatalogFit[];
    recommendation: Recommendation | null;
  }> {
    const { catalog, hardware, settings, library } = this.#o;
    const profile = await hardware.profile(false);
    const installed = new Map((await library.list()).map((model) => [model.fileName, model.id]));
    const fits = catalogFits(catalog.entries, {
      hardware: profile,
      contextSize: settings.get().contextSize,
      overrides: hardware.overrides(),
      installed,
    });
    return {
      checkedOn: catalog.checkedOn,
      entries: catalog.entries,
      fits,
      recommendation: recommend(catalog.entries, fits, profile),
    };
  }

  startDownload(request: StartDownload) {
    if ('uri' in request) {
      return this.#o.downloads.start({
        entryId: null,
        quantization: null,
        uri: request.uri,
        expectedBytes: null,
        sha256: request.sha256 ?? null,
      });
    }
    const entry = this.#o.catalog.entries.find((e) => e.id === request.entryId);
    const file = entry?.files.find((f) => f.quantization === request.quantization);
    if (!entry || !file) throw AppError.localized('not_found', 'errorNotInCatalog', {}, 'library');
    return this.#o.downloads.start({
      entryId: entry.id,
      quantization: file.quantization,
      uri: file.uri,
      expectedBytes: file.sizeIsExact ? file.sizeBytes : null,
      sha256: file.sha256 ?? null,
    });
  }

  /** The models folder and linked files, each marked ready, broken (with why) or being checked. */
  async list(): Promise<ModelFile[]> {
    const { library, vetter } = this.#o;
    return vetter.annotate(await library.list(), (modelId) => library.resolve(modelId));
  }

  /**
   * Adds a GGUF from elsewhere: it is checked first (Hearth's header screen, then a throwaway
   * process reads it, renders its chat template and loads it; a malformed or unsupported file is
   * refused with the reason, and nothing is copied), then it is copied into the folder through a
   * hidden temporary name and renamed into place (the copy keeps the verdict), or linked where it is.
   */
  async import(path: string, mode: 'copy' | 'link'): Promise<ModelFile> {
    if (!isAbsolute(path)) throw AppError.localized('invalid_input', 'errorImportPathNotAbsolute', {}, 'library');
    if (!/\.gguf$/i.test(path))
      throw AppError.localized('invalid_input', 'errorNotGgufFile', { file: basename(path) }, 'library');
    await this.#o.vetter.require(path);

    const { library } = this.#o;
    let modelId: string;
    if (mode === 'link') {
      modelId = library.idFor(path) ?? library.link(path);
    } else {
      await mkdir(library.dir, { recursive: true });
      // A name of our own for the partial copy, created exclusively: no file already there is
      // overwritten (or removed on failure), and placeModelFile never replaces one either.
      const partial = join(library.dir, `.${basename(path)}.${randomUUID()}.importing`);
      let target: string;
      try {
        await copyFile(path, partial, constants.COPYFILE_EXCL);
        target = await placeModelFile(partial, library.dir, basename(path));
      } catch (error) {
        await rm(partial, { force: true });
        throw AppError.localized('storage_failed', 'errorCopyFailed', { reason: (error as Error).message }, 'library');
      }
      await this.#o.vetter.adopt(path, target);
      modelId = library.idFor(target) ?? basename(target);
    }
    this.#o.changed();
    const model = (await this.list()).find((m) => m.id === modelId);
    if (!model) throw new AppError('internal', 'The imported model is not in the library.');
    return model;
  }

  async card(modelId: string): Promise<ModelCard> {
    const { library, hardware, catalog } = this.#o;
    const path = await library.resolve(modelId);
    const inspection = await hardware.inspect(path);
    const { plan } = await hardware.plan(path);
    const fileName = basename(path);
    const entry = catalog.entries.find((e) => e.files.some((f) => f.uri.endsWith(`/${fileName}`)));
    return {
      modelId,
      path,
      source: library.isLinked(modelId) ? 'linked' : 'folder',
      family: entry?.family ?? familyOf(inspection),
      facts: inspection.facts,
      tokenizer: inspection.tokenizer,
      vocabularySize: inspection.vocabularySize,
      chatTemplate: inspection.chatTemplate,
      stateCost: stateCost(inspection),
      plan,
      catalogEntryId: entry?.id ?? null,
      licence: entry?.licence ?? null,
    };
  }

  /**
   * Deletes the file (a linked one is only forgotten) and every state saved with it. Only a file
   * the library lists, inside the models folder and starting with GGUF's magic, is ever deleted
   * (see ModelLibrary.deleteFile); anything else is refused before anything changes.
   */
  async delete(modelId: string): Promise<{ deleted: boolean; statesRemoved: number }> {
    const { library, hardware, states } = this.#o;
    const path = await library.resolve(modelId);
    // Refused before the engine reads the file or the loaded model is unloaded.
    if (!library.isLinked(modelId)) await library.checkDeletable(modelId);
    const fingerprint = await hardware
      .inspect(path)
      .then((inspection) => inspection.fingerprint)
      .catch(() => null); // a malformed file has no states to remove
    await this.#o.release(path);
    if (library.isLinked(modelId)) library.unlink(modelId);
    else await library.deleteFile(modelId);
    const statesRemoved = fingerprint === null ? 0 : states.deleteForModel(fingerprint);
    if (statesRemoved > 0) states.shrink();
    // Settings that named the deleted file fall back: a new chat asks for a model, search uses BM25.
    const { defaultModelId, embeddingModelId, rerankerModelId } = this.#o.settings.get();
    if (defaultModelId === modelId) this.#o.settings.update({ defaultModelId: null });
    if (embeddingModelId === modelId) this.#o.settings.update({ embeddingModelId: null });
    if (rerankerModelId === modelId) this.#o.settings.update({ rerankerModelId: null });
    this.#o.changed();
    return { deleted: true, statesRemoved };
  }

  /**
   * Uses another models folder (checked by checkModelsFolder: never a disk's root or a system
   * folder; created if missing; writable), or the default one again for null.
   */
  async setFolder(dir: string | null): Promise<string> {
    const folder = dir === null ? this.#o.defaultDir : await checkModelsFolder(dir);
    this.#o.library.setDir(folder);
    this.#o.settings.update({ modelsDir: dir === null ? null : folder });
    this.#o.changed();
    return folder;
  }
}

const RECURRENT_ARCHITECTURES: Record<string, ModelFamily> = {
  rwkv7: 'rwkv7',
  arwkv7: 'rwkv7',
  rwkv6: 'rwkv6',
  rwkv6qwen2: 'rwkv6',
  mamba: 'mamba',
  mamba2: 'mamba2',
};

/** The family of a file the catalog does not list, from what the file says it is. */
function familyOf({ facts }: ModelInspection): ModelFamily {
  const known = RECURRENT_ARCHITECTURES[facts.architecture];
  if (known) return known;
  if (facts.stateKind === 'hybrid') return 'hybrid';
  if (facts.expertCount && facts.expertCount > 1) return 'moe';
  // Before embeddings: a reranker is often a BERT-family model with a classifier head.
  if (facts.ranking) return 'reranker';
  if (/bert|embed/i.test(facts.architecture)) return 'embedding';
  return 'dense';
}

function stateCost({ facts }: ModelInspection): StateCost {
  const per1k = facts.kvBytesPerToken * 1000;
  if (facts.stateKind === 'recurrent') return { kind: 'recurrent', bytes: facts.recurrentStateBytes };
  if (facts.stateKind === 'hybrid')
    return { kind: 'hybrid', bytes: facts.recurrentStateBytes, bytesPer1kTokens: per1k };
  return { kind: 'attention', bytesPer1kTokens: per1k };
}
