import { localized } from '../../contract/i18n/index.js';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppError,
  apiCalls,
  type Catalog,
  type ConversationView,
  type StateUsage,
  type GpuChoice,
  type HostKind,
  parseRemoteModelId,
  RECURRENT_CONTEXT_TOKENS,
} from '../../contract/index.js';
import { ChatService } from '../chat/ChatService.js';
import { DocumentService } from '../documents/DocumentService.js';
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
import { ApiServer, type ApiServerLimits } from '../server/ApiServer.js';
import { ApiServerStore } from '../storage/ApiServerStore.js';
import { MessageSearch } from '../storage/MessageSearch.js';
import { PrefixStates } from '../server/PrefixStates.js';
import { RemoteEngines } from '../remote/RemoteEngines.js';
import { RemoteEngineStore } from '../storage/RemoteEngineStore.js';
import { AppEvents } from './AppEvents.js';
import { engineStatusView } from './engineStatusView.js';
import { sideModels } from './sideModels.js';
import { allHandlers } from './handlers/allHandlers.js';
import { ImportUploads } from '../exchange/ImportUploads.js';
import type { CallContext } from './handlers/HearthServices.js';
import type { PlatformActions } from './platformActions.js';
import { adoptEmbeddingModel } from './adoptEmbeddingModel.js';
import { appVersion } from './appVersion.js';
import { buildId } from './buildId.js';
import type { DataPaths } from './dataPaths.js';
import { UiLanguage } from './UiLanguage.js';
import { warmUp, type WarmUpOutcome } from './warmUp.js';

export type { CallContext, PlatformActions };

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
  /** Limits of the local API (tests lower them to reach them). */
  apiLimits?: Partial<ApiServerLimits>;
  /** The model catalog instead of the one shipped (tests point its files at a local server). */
  catalog?: Catalog;
}

export interface Hearth {
  readonly dispatch: Dispatch<CallContext>;
  readonly events: AppEvents;
  readonly engine: EngineSupervisor;
  readonly chat: ChatService;
  readonly db: Db;
  readonly paths: DataPaths;
  readonly hardware: HardwareService;
  readonly apiServer: ApiServer;
  /** The language the UI is read in (the desktop's file dialogs speak it too). */
  readonly uiLanguage: UiLanguage;
  /** Settles when the start-up warm-up is done (at once when off); never rejects. */
  readonly warmup: Promise<WarmUpOutcome>;
  close(): Promise<void>;
}

/**
 * The composition root: builds every service from plain Node parts (no Electron), wires engine
 * events to app events, and returns the one dispatch function both hosts serve, over the call
 * handlers by domain (handlers/).
 */
export function createHearth(options: HearthOptions): Hearth {
  const { paths } = options;
  const db = openDatabase(paths.databasePath);
  const conversations = new ConversationStore(db);
  const settings = new SettingsStore(db);
  const uiLanguage = new UiLanguage(settings);
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
  const remote = new RemoteEngines(new RemoteEngineStore(db));
  const chat = new ChatService({
    conversations,
    settings,
    library,
    engine,
    remote,
    states,
    events,
    loadParams,
    // A conversation with documents answers from the passages retrieved for each question.
    ground: async (conversationId, question) => {
      const { documentIds, strict } = conversations.documents(conversationId);
      if (documentIds.length === 0) return null;
      const hits = await documents.search(question, { documentIds, limit: 5 });
      return groundQuestion(question, hits, {
        strict,
        minRelevance: settings.get().strictMinRelevance,
        language: uiLanguage.current(),
      });
    },
  });
  const catalog = options.catalog ?? loadCatalog();
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
  const { embedder, reranker } = sideModels({ settings, library, vetter, engine, hardware });
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
    language: () => uiLanguage.current(),
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
    if (!conversation) throw AppError.localized('not_found', 'conversationNotFound');
    return { conversation, messages: conversations.activeBranch(conversationId) };
  };

  const engineStatus = (status: SupervisorStatus) => engineStatusView(status, library);

  engine.on((event) => {
    if (event.type === 'status') events.emit('engine.status', engineStatus(event.status));
    if (event.type === 'crashed') {
      events.emit('notice', {
        level: 'error',
        ...localized('notices', 'engineCrashed', { reason: event.reason }),
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
        lastUsedModel: () => {
          const modelId = conversations.list({ limit: 1 }).conversations[0]?.modelId ?? settings.get().defaultModelId;
          // A remote engine's model runs elsewhere: nothing to load here.
          return modelId && !parseRemoteModelId(modelId) ? modelId : null;
        },
        wanted: warmUpWanted,
        load: (modelId) => loadModel(modelId, warmUpWanted),
        signal: stopWarmUp.signal,
        log: options.log ?? ((line) => console.warn(`[hearth] ${line}`)),
      })
    : Promise.resolve({ kind: 'off' });

  // The local API: the same engine, library and settings as the UI, answering OpenAI's protocol.
  const prefixStates = new PrefixStates({ keeper: states, settings, engine });
  const apiServer = new ApiServer({
    store: new ApiServerStore(db),
    services: {
      engine,
      library,
      listModels: () => models.list(),
      settings,
      loadParams,
      prefixStates,
    },
    ...(options.apiLimits && { limits: options.apiLimits }),
    onChange: (status) => events.emit('server.changed', status),
    log: options.log ?? ((line) => console.warn(`[hearth] ${line}`)),
  });
  // Listening only when Settings has it on; a port in use is reported in its status, not thrown.
  const apiStarted = apiServer.start().catch(() => undefined);

  const handlers = allHandlers({
    host: options.host,
    paths,
    platform: options.platform ?? {},
    events,
    settings,
    uiLanguage,
    conversations,
    search: new MessageSearch(db),
    chat,
    engine,
    hardware,
    library,
    models,
    downloads,
    documents,
    documentStore,
    documentTools,
    folders,
    foldersResumed,
    stateStore,
    apiServer,
    remote,
    view,
    engineStatus: () => engineStatus(engine.status),
    loadModel,
    stateUsage,
    importUploads: new ImportUploads(),
  });

  return {
    dispatch: createDispatch(apiCalls, handlers),
    uiLanguage,
    events,
    engine,
    chat,
    db,
    paths,
    hardware,
    warmup,
    apiServer,
    async close() {
      stopWarmUp.abort();
      await apiStarted;
      await apiServer.close();
      await foldersResumed;
      await folders.close();
      await documents.close();
      await downloads.close();
      await chat.stopAll();
      await engine.shutdown();
      // A warm-up request queued behind the engine's last one may have started a new engine.
      await warmup;
      await engine.shutdown();
      // The API's last states are stored (or dropped) before the writer and the database close.
      await prefixStates.idle();
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
