import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  AppError,
  type ApiCalls,
  apiCalls,
  type ConversationView,
  type StateUsage,
  type EngineLoadedModel,
  type EngineStatus,
  type LoadedModel,
  type GpuChoice,
  type Handlers,
  type HostKind,
  RECURRENT_CONTEXT_TOKENS,
} from '../../contract/index.js';
import { ChatService } from '../chat/ChatService.js';
import { DocumentService, type Embedder } from '../documents/DocumentService.js';
import type { Reranker } from '../documents/rerankHits.js';
import { groundQuestion } from '../documents/groundQuestion.js';
import { DocumentTools } from '../documents/tools/DocumentTools.js';
import { FolderService } from '../documents/folders/FolderService.js';
import { EngineSupervisor, type EngineSupervisorOptions, type SupervisorStatus } from '../engine/EngineSupervisor.js';
import type { EngineLauncher } from '../engine/transport/EngineTransport.js';
import { HardwareService } from '../hardware/HardwareService.js';
import { loadCatalog } from '../models/catalog/loadCatalog.js';
import { DownloadManager, type DownloadManagerOptions } from '../models/download/DownloadManager.js';
import { LibraryService } from '../models/LibraryService.js';
import { ModelLibrary } from '../models/ModelLibrary.js';
import { ModelVetter } from '../models/ModelVetter.js';
import { SCREEN_VERSION } from '../models/screen/screenModelFile.js';
import { trialLoad, type TrialLimits } from '../models/trialLoad.js';
import { createDispatch, type Dispatch } from '../rpc/dispatch.js';
import { ConversationStore } from '../storage/ConversationStore.js';
import { DocumentStore } from '../storage/DocumentStore.js';
import { HardwareProfileStore } from '../storage/HardwareProfileStore.js';
import { LibraryStore } from '../storage/LibraryStore.js';
import { ModelCheckStore } from '../storage/ModelCheckStore.js';
import { openDatabase, type Db } from '../storage/openDatabase.js';
import { SettingsStore } from '../storage/SettingsStore.js';
import { WatchedFolderStore } from '../storage/WatchedFolderStore.js';
import { StateStore } from '../storage/StateStore.js';
import { HotStates } from '../states/HotStates.js';
import { StateKeeper } from '../states/StateKeeper.js';
import { StateWriter } from '../states/writer/StateWriter.js';
import { AppEvents } from './AppEvents.js';
import { adoptEmbeddingModel } from './adoptEmbeddingModel.js';
import { appVersion } from './appVersion.js';
import { buildId } from './buildId.js';
import type { DataPaths } from './dataPaths.js';
import { warmUp, type WarmUpOutcome } from './warmUp.js';

/** What only the host can do for the services. */
export interface PlatformActions {
  /** Opens a folder in the system's file manager; absent where the host cannot (web host). */
  openFolder?(path: string): Promise<void>;
  /** Shows a file selected in the system's file manager. */
  revealFile?(path: string): Promise<void>;
  /** The system's open-file dialog for a .gguf file; null when cancelled. */
  chooseModelFile?(): Promise<string | null>;
  /** The system's open-files dialog for documents; empty when cancelled. */
  chooseDocuments?(): Promise<string[]>;
  /** The system's choose-folder dialog; null when cancelled. */
  chooseFolder?(): Promise<string | null>;
}

export interface HearthOptions {
  paths: DataPaths;
  host: HostKind;
  launcher: EngineLauncher;
  platform?: PlatformActions;
  /** A compute path fixed for this run (HEARTH_GPU); otherwise Settings and the planner decide. */
  gpu?: GpuChoice;
  engine?: Omit<EngineSupervisorOptions, 'launcher'>;
  hardware?: { bandwidthMs?: number };
  /** Download tuning (tests use short retry delays). */
  downloads?: Partial<Pick<DownloadManagerOptions, 'attempts' | 'retryDelayMs' | 'stallMs' | 'freeSpaceMarginBytes'>>;
  /** Limits of the throwaway process every model file is trial-loaded in (tests shorten them). */
  trial?: TrialLimits;
  /** Documents one folder may hold (tests lower it; MAX_FOLDER_DOCUMENTS otherwise). */
  maxFolderDocuments?: number;
  /** Where main's own log lines go (refused states, …); stderr by default. */
  log?: (line: string) => void;
  /**
   * Probe the hardware (unless stored) and load the last-used model in the background at once
   * (see warmUp). The hosts turn it on; tests leave it off unless they test it, so no engine
   * starts behind their backs.
   */
  warmUp?: boolean;
}

/** Who is calling: hosts pass this on, so handlers could tell windows or sockets apart. */
export interface CallContext {
  origin: string;
}

export interface Hearth {
  readonly dispatch: Dispatch<CallContext>;
  readonly events: AppEvents;
  readonly engine: EngineSupervisor;
  readonly chat: ChatService;
  readonly db: Db;
  readonly paths: DataPaths;
  readonly hardware: HardwareService;
  /** Settles when the start-up warm-up is done (at once when off); never rejects. */
  readonly warmup: Promise<WarmUpOutcome>;
  close(): Promise<void>;
}

/**
 * Builds every service from plain Node parts (no Electron), wires engine events to app events, and
 * returns the one dispatch function both hosts serve.
 */
export function createHearth(options: HearthOptions): Hearth {
  const { paths } = options;
  const db = openDatabase(paths.databasePath);
  const conversations = new ConversationStore(db);
  const settings = new SettingsStore(db);
  const libraryStore = new LibraryStore(db);
  // A folder chosen in the library wins over the default and the launch flags' folder.
  const library = new ModelLibrary(settings.get().modelsDir ?? paths.modelsDir, libraryStore);
  const events = new AppEvents();
  const engine = new EngineSupervisor({ launcher: options.launcher, ...options.engine });
  const gpu = options.gpu ?? 'auto';

  // Answers cut off by a previous run that ended abruptly keep their text, marked as interrupted.
  conversations.recoverInterrupted();

  const modelsChanged = () => events.emit('models.changed', {});
  // Every model file is judged here before the chat engine may load it (see ModelVetter).
  const vetter = new ModelVetter({
    store: new ModelCheckStore(db),
    trial: (modelPath, fileSize) =>
      trialLoad(modelPath, fileSize, { launcher: options.launcher, ...options.engine }, options.trial),
    checker: `screen ${SCREEN_VERSION}; hearth ${appVersion()}`,
    onVerdict: modelsChanged,
  });
  const hardware = new HardwareService({
    engine,
    inspect: (modelPath) => vetter.require(modelPath),
    settings,
    cache: { store: new HardwareProfileStore(db), build: buildId() },
    forcedBackend: gpu === false ? 'cpu' : gpu,
    ...(options.hardware?.bandwidthMs !== undefined && { bandwidthMs: options.hardware.bandwidthMs }),
  });
  const loadParams = (modelPath: string) => hardware.loadParams(modelPath);
  const stateStore = new StateStore(db);
  const stateWriter = new StateWriter(paths.databasePath);
  const states = new StateKeeper({
    store: stateStore,
    writer: stateWriter,
    hot: new HotStates(join(paths.dataDir, 'states')),
    settings,
    events,
    scratchDir: join(paths.dataDir, 'tmp', 'states'),
    log: options.log ?? ((line) => console.warn(`[hearth] ${line}`)),
  });
  const chat = new ChatService({
    conversations,
    settings,
    library,
    engine,
    states,
    events,
    loadParams,
    // A conversation with documents answers from the passages retrieved for each question.
    ground: async (conversationId, question) => {
      const { documentIds, strict } = conversations.documents(conversationId);
      if (documentIds.length === 0) return null;
      const hits = await documents.search(question, { documentIds, limit: 5 });
      return groundQuestion(question, hits, { strict, minRelevance: settings.get().strictMinRelevance });
    },
  });
  const catalog = loadCatalog();
  const downloads = new DownloadManager({
    store: libraryStore,
    launcher: options.launcher,
    modelsDir: () => library.dir,
    onChange: (download) => {
      events.emit('library.download', download);
      // After this function returns (a resumed download may report at once, before `documents` exists).
      queueMicrotask(() => {
        if (adoptEmbeddingModel(download, catalog, settings)) void documents.embedPending();
      });
    },
    onModelAdded: modelsChanged,
    ...options.downloads,
  });
  const models = new LibraryService({
    library,
    catalog,
    downloads,
    hardware,
    settings,
    states: stateStore,
    vetter,
    release: async (modelPath) => {
      if (engine.status.loaded?.modelPath === modelPath || engine.status.loadingPath === modelPath) {
        await chat.stopAll();
        await engine.unload();
      }
    },
    changed: modelsChanged,
    defaultDir: paths.modelsDir,
  });
  // Downloads that were running when the app last stopped go on.
  downloads.resumeInterrupted();

  const documentStore = new DocumentStore(db);
  // Embedding and reranking models get the threads the plan gives them (as a chat model would).
  const sideThreads = async (modelPath: string) => (await hardware.loadParams(modelPath)).threads;
  // The embedding model from Settings, run by the engine beside the chat model; its path is
  // resolved when it is used, so a model deleted since simply turns semantic search off.
  const embedder = (): Embedder | null => {
    const modelId = settings.get().embeddingModelId;
    if (!modelId) return null;
    return {
      key: modelId,
      embed: async (texts) => {
        const modelPath = await library.resolve(modelId);
        await vetter.require(modelPath);
        const { vectors } = await engine.embed(modelPath, texts, await sideThreads(modelPath));
        return vectors.map((vector) => Float32Array.from(vector));
      },
    };
  };
  // The reranking model from Settings, likewise run by the engine and resolved at each search.
  const reranker = (): Reranker | null => {
    const modelId = settings.get().rerankerModelId;
    if (!modelId) return null;
    return {
      key: modelId,
      rank: async (query, passages) => {
        const modelPath = await library.resolve(modelId);
        const { facts } = await vetter.require(modelPath);
        // Refused here, not by loading it in the engine at every search.
        if (facts.ranking === false) {
          throw new AppError('model_invalid', 'This model cannot rank passages: it is not a reranker.');
        }
        return (await engine.rank(modelPath, query, passages, await sideThreads(modelPath))).scores;
      },
    };
  };
  const documents = new DocumentService({
    store: documentStore,
    launcher: options.launcher,
    embedder,
    reranker,
    chunking: () => {
      const { documentChunkChars, documentChunkOverlap } = settings.get();
      return {
        targetChars: documentChunkChars,
        overlapChars: Math.min(documentChunkOverlap, Math.floor(documentChunkChars / 2)),
      };
    },
    ...(options.log && { log: options.log }),
    changed: (document, removedId) => events.emit('documents.changed', { document, removedId }),
  });
  const documentTools = new DocumentTools({
    documents: documentStore,
    conversations,
    chat,
    engine,
    library,
    settings,
    loadParams,
    // Byte-level vocabularies hold one character per token; BPE vocabularies about four (three, to be safe).
    charsPerToken: async (modelPath) => ((await hardware.inspect(modelPath)).vocabularySize < 1000 ? 1 : 3),
    contextFor: async (modelPath) =>
      (await hardware.facts(modelPath)).stateKind === 'recurrent'
        ? RECURRENT_CONTEXT_TOKENS
        : settings.get().contextSize,
    progress: (documentId, done, total) => events.emit('documents.toolProgress', { documentId, done, total }),
  });
  // Imports an earlier run left unfinished continue where they stopped.
  documents.resumeUnfinished();
  // The first question should not wait for the search threads to load.
  if (documentStore.chunkTotal() > 0) documents.searches.warm();
  const folders = new FolderService({
    store: new WatchedFolderStore(db),
    documents,
    changed: () => events.emit('documents.foldersChanged', {}),
    ...(options.log && { log: options.log }),
    ...(options.maxFolderDocuments && { maxDocuments: options.maxFolderDocuments }),
  });
  // Watched folders catch up on what changed while the app was closed, then follow the disk.
  const foldersResumed = folders.resume();
  const stateUsage = (): StateUsage => ({
    ...stateStore.usage(),
    budgetBytes: settings.get().stateBudgetBytes,
    databaseBytes: databaseBytes(paths.databasePath),
  });
  const view = (conversationId: string): ConversationView => {
    const conversation = conversations.get(conversationId);
    if (!conversation) throw new AppError('not_found', 'That conversation no longer exists.');
    return { conversation, messages: conversations.activeBranch(conversationId) };
  };

  const modelFacts = (loaded: EngineLoadedModel): LoadedModel => ({
    modelId: library.idFor(loaded.modelPath) ?? basename(loaded.modelPath),
    architecture: loaded.architecture,
    stateKind: loaded.stateKind,
    name: loaded.name,
    chatWrapper: loaded.chatWrapper,
    trainedContextLength: loaded.trainedContextLength,
    contextSize: loaded.contextSize,
    threads: loaded.threads,
    gpu: loaded.gpu,
    device: loaded.device,
    gpuLayers: loaded.gpuLayers,
    batchSize: loaded.batchSize,
    cpuVariant: loaded.cpuVariant,
    loadMs: loaded.loadMs,
  });
  const engineStatus = (status: SupervisorStatus): EngineStatus => ({
    state: status.state,
    pid: status.pid,
    loadedModel: status.loaded && modelFacts(status.loaded),
    loadingModelId: status.loadingPath && (library.idFor(status.loadingPath) ?? basename(status.loadingPath)),
    lastExit: status.lastExit,
    restarts: status.restarts,
  });

  engine.on((event) => {
    if (event.type === 'status') events.emit('engine.status', engineStatus(event.status));
    if (event.type === 'crashed') {
      events.emit('notice', {
        level: 'error',
        message: `Engine stopped: ${event.reason}. A new engine starts with your next request.`,
        at: Date.now(),
      });
    }
  });

  /** Loads a model as the library's Load button does; `stillWanted` is asked once its file is checked. */
  const loadModel = async (modelId: string, stillWanted = () => true): Promise<boolean> => {
    const params = await loadParams(await library.resolve(modelId));
    if (!stillWanted()) return false;
    await engine.ensureModel(params, (progress) => events.emit('model.loadProgress', { modelId, progress }));
    return true;
  };

  // The model of the newest conversation (the one a message most likely goes to next), else the
  // default model a new conversation starts with.
  const stopWarmUp = new AbortController();
  const warmUpWanted = () =>
    !stopWarmUp.signal.aborted &&
    settings.get().loadModelOnStart &&
    !engine.status.loaded &&
    engine.status.loadingPath === null;
  const warmup: Promise<WarmUpOutcome> = options.warmUp
    ? warmUp({
        profile: () => hardware.profile(),
        lastUsedModel: () =>
          conversations.list({ limit: 1 }).conversations[0]?.modelId ?? settings.get().defaultModelId,
        wanted: warmUpWanted,
        load: (modelId) => loadModel(modelId, warmUpWanted),
        signal: stopWarmUp.signal,
        log: options.log ?? ((line) => console.warn(`[hearth] ${line}`)),
      })
    : Promise.resolve({ kind: 'off' });

  const handlers: Handlers<ApiCalls, CallContext> = {
    'app.info': async () => ({
      version: appVersion(),
      host: options.host,
      platform: process.platform,
      dataDir: paths.dataDir,
      modelsDir: library.dir,
      databasePath: paths.databasePath,
      canOpenFolders: options.platform?.openFolder !== undefined,
      canChooseFiles: options.platform?.chooseModelFile !== undefined,
    }),
    'settings.get': async () => settings.get(),
    'settings.update': async ({ modelsDir, ...patch }) => {
      // The models folder changes only through the library's checks (never a system folder).
      if (modelsDir !== undefined) await models.setFolder(modelsDir);
      const updated = settings.update(patch);
      // A new embedding model: give every chunk its vector (in the background).
      if (patch.embeddingModelId) void documents.embedPending();
      return updated;
    },

    'conversations.list': async ({ limit, cursor }) => conversations.list({ limit, cursor }),
    'conversations.create': async (input) => {
      const defaults = settings.get();
      const conversation = conversations.create({
        title: input.title,
        modelId: input.modelId === undefined ? defaults.defaultModelId : input.modelId,
        systemPrompt: input.systemPrompt ?? defaults.defaultSystemPrompt,
      });
      events.emit('conversations.changed', { conversationId: conversation.id });
      return conversation;
    },
    'conversations.get': async ({ conversationId }) => {
      const opened = view(conversationId);
      // Opening a conversation makes its next message likely: its saved state starts loading now.
      chat.prepare(conversationId);
      return opened;
    },
    'conversations.selectBranch': async ({ conversationId, messageId }) => {
      if (chat.isAnswering(conversationId)) {
        throw new AppError('busy', 'Wait for the answer to finish, or stop it, before switching branches.');
      }
      if (!conversations.selectBranch(conversationId, messageId)) {
        throw new AppError('not_found', 'That message is not in this conversation.');
      }
      events.emit('conversations.changed', { conversationId });
      return view(conversationId);
    },
    'conversations.deleteBranch': async ({ conversationId, messageId }) => {
      if (chat.isAnswering(conversationId)) {
        throw new AppError('busy', 'Wait for the answer to finish, or stop it, before deleting a branch.');
      }
      if (!conversations.deleteBranch(conversationId, messageId)) {
        throw new AppError('not_found', 'That message is not in this conversation.');
      }
      stateStore.shrink();
      events.emit('conversations.changed', { conversationId });
      events.emit('states.changed', {});
      return view(conversationId);
    },
    'conversations.rename': async ({ conversationId, title }) => {
      const updated = conversations.update(conversationId, { title });
      if (!updated) throw new AppError('not_found', 'That conversation no longer exists.');
      events.emit('conversations.changed', { conversationId });
      return updated;
    },
    'conversations.update': async ({ conversationId, ...patch }) => {
      const updated = conversations.update(conversationId, patch);
      if (!updated) throw new AppError('not_found', 'That conversation no longer exists.');
      events.emit('conversations.changed', { conversationId });
      return updated;
    },
    'conversations.delete': async ({ conversationId }) => {
      if (chat.stop(conversationId)) await chat.idle();
      const deleted = conversations.delete(conversationId);
      if (deleted) {
        stateStore.shrink();
        events.emit('conversations.changed', { conversationId: null });
        events.emit('states.changed', {});
      }
      return { deleted };
    },

    'chat.send': async ({ conversationId, content }) => chat.send(conversationId, content),
    'chat.stop': async ({ conversationId }) => ({ stopped: chat.stop(conversationId) }),
    'chat.edit': async ({ conversationId, messageId, content }) => chat.edit(conversationId, messageId, content),
    'chat.regenerate': async ({ conversationId, messageId }) => chat.regenerate(conversationId, messageId),

    'models.list': async () => ({ dir: library.dir, models: await models.list() }),
    'models.load': async ({ modelId }) => {
      await loadModel(modelId);
      return engineStatus(engine.status);
    },
    'models.unload': async () => {
      await engine.unload();
      return engineStatus(engine.status);
    },
    'models.openFolder': async () => {
      if (!options.platform?.openFolder) {
        throw new AppError('unsupported', `Open this folder from your file manager: ${library.dir}`);
      }
      await library.list(); // creates the folder if it does not exist yet
      // Opening a file instead of a folder would run it: only ever a folder.
      if (!statSync(library.dir).isDirectory()) throw new AppError('forbidden', `${library.dir} is not a folder.`);
      await options.platform.openFolder(library.dir);
      return { opened: true };
    },

    'engine.status': async () => engineStatus(engine.status),

    'hardware.profile': async ({ refresh }) => hardware.profile(refresh ?? false),
    'hardware.plan': async ({ modelId }) => hardware.plan(await library.resolve(modelId)),

    'library.catalog': async () => models.catalog(),
    'library.downloads': async () => downloads.list(),
    'library.download': async (request) => models.startDownload(request),
    'library.pauseDownload': async ({ id }) => downloads.pause(id),
    'library.resumeDownload': async ({ id }) => downloads.resume(id),
    'library.cancelDownload': async ({ id }) => {
      await downloads.cancel(id);
      return { removed: true };
    },
    'library.import': async ({ path, mode }) => ({ model: await models.import(path, mode) }),
    'library.card': async ({ modelId }) => models.card(modelId),
    'library.delete': async ({ modelId }) => {
      const result = await models.delete(modelId);
      events.emit('states.changed', {});
      return result;
    },
    'library.reveal': async ({ modelId }) => {
      const path = await library.resolve(modelId);
      if (!options.platform?.revealFile) {
        throw new AppError('unsupported', `Find it in your file manager: ${path}`);
      }
      await options.platform.revealFile(path);
      return { opened: true };
    },
    'library.setFolder': async ({ dir }) => ({ dir: await models.setFolder(dir) }),
    'library.chooseFile': async () => {
      if (!options.platform?.chooseModelFile) throw new AppError('unsupported', 'Enter the path of the model file.');
      return { path: await options.platform.chooseModelFile() };
    },
    'documents.chooseFiles': async () => {
      if (!options.platform?.chooseDocuments) throw new AppError('unsupported', 'Enter the paths of the documents.');
      return { paths: await options.platform.chooseDocuments() };
    },
    'library.chooseFolder': async () => {
      if (!options.platform?.chooseFolder) throw new AppError('unsupported', 'Enter the path of the folder.');
      return { dir: await options.platform.chooseFolder() };
    },

    'documents.list': async () => documents.list(),
    'documents.import': async ({ paths, collectionId }) => documents.import(paths, collectionId ?? null),
    'documents.importFolder': async ({ path, collectionId, watch }) => {
      await foldersResumed; // a folder stored before is re-watched first, not twice
      return folders.import(path, collectionId ?? null, watch ?? false);
    },
    'documents.folders': async () => folders.list(),
    'documents.unwatchFolder': async ({ id }) => ({ removed: await folders.unwatch(id) }),
    'documents.cancel': async ({ documentId }) => documents.cancel(documentId),
    'documents.delete': async ({ documentId }) => ({ deleted: await documents.delete(documentId) }),
    'documents.search': async ({ query, documentIds, limit }) =>
      documents.search(query, { ...(documentIds && { documentIds }), ...(limit && { limit }) }),
    'documents.passage': async ({ chunkId }) => documents.passage(chunkId),
    'documents.tool': async ({ documentId, tool, modelId }) => {
      // No model given: the default one, else the one loaded now.
      const loaded = engine.status.loaded && library.idFor(engine.status.loaded.modelPath);
      const result = await documentTools.run(
        documentId,
        tool,
        modelId ?? settings.get().defaultModelId ?? loaded ?? null,
      );
      events.emit('conversations.changed', { conversationId: result.conversationId });
      return result;
    },
    'conversations.documents': async ({ conversationId }) => {
      view(conversationId); // a conversation that does not exist is an error, not an empty list
      return conversations.documents(conversationId);
    },
    'conversations.setDocuments': async ({ conversationId, documentIds, strict }) => {
      view(conversationId);
      const result = conversations.setDocuments(conversationId, documentIds, strict);
      events.emit('conversations.changed', { conversationId });
      return result;
    },
    'collections.list': async () => documentStore.collections(),
    'collections.create': async ({ name }) => documentStore.createCollection(randomUUID(), name),

    'states.usage': async () => stateUsage(),
    'states.purge': async ({ conversationId }) => {
      stateStore.purge(conversationId);
      stateStore.shrink();
      events.emit('states.changed', {});
      return stateUsage();
    },
  };

  return {
    dispatch: createDispatch(apiCalls, handlers),
    events,
    engine,
    chat,
    db,
    paths,
    hardware,
    warmup,
    async close() {
      stopWarmUp.abort();
      await foldersResumed;
      await folders.close();
      await documents.close();
      await downloads.close();
      await chat.stopAll();
      await engine.shutdown();
      // A warm-up request queued behind the engine's last one may have started a new engine.
      await warmup;
      await engine.shutdown();
      await stateWriter.close();
      db.close();
    },
  };
}

/** The database file with its write-ahead log: what the data takes on disk. */
function databaseBytes(path: string): number {
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return size(path) + size(`${path}-wal`);
}
