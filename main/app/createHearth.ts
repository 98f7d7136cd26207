import { basename } from 'node:path';
import {
  AppError,
  type ApiCalls,
  apiCalls,
  type EngineLoadedModel,
  type EngineStatus,
  type LoadedModel,
  type GpuChoice,
  type Handlers,
  type HostKind,
} from '../../contract/index.js';
import { ChatService } from '../chat/ChatService.js';
import { chooseThreads } from '../engine/chooseThreads.js';
import { EngineSupervisor, type EngineSupervisorOptions, type SupervisorStatus } from '../engine/EngineSupervisor.js';
import type { EngineLauncher } from '../engine/transport/EngineTransport.js';
import { ModelLibrary } from '../models/ModelLibrary.js';
import { createDispatch, type Dispatch } from '../rpc/dispatch.js';
import { ConversationStore } from '../storage/ConversationStore.js';
import { openDatabase, type Db } from '../storage/openDatabase.js';
import { SettingsStore } from '../storage/SettingsStore.js';
import { AppEvents } from './AppEvents.js';
import { appVersion } from './appVersion.js';
import type { DataPaths } from './dataPaths.js';

/** What only the host can do for the services. */
export interface PlatformActions {
  /** Opens a folder in the system's file manager; absent where the host cannot (web host). */
  openFolder?(path: string): Promise<void>;
}

export interface HearthOptions {
  paths: DataPaths;
  host: HostKind;
  launcher: EngineLauncher;
  platform?: PlatformActions;
  gpu?: GpuChoice;
  engine?: Omit<EngineSupervisorOptions, 'launcher'>;
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
  const library = new ModelLibrary(paths.modelsDir);
  const events = new AppEvents();
  const engine = new EngineSupervisor({ launcher: options.launcher, ...options.engine });
  const gpu = options.gpu ?? 'auto';

  // Answers cut off by a previous run that ended abruptly keep their text, marked as interrupted.
  conversations.recoverInterrupted();

  const loadParams = (modelPath: string) => {
    const current = settings.get();
    return { modelPath, contextSize: current.contextSize, threads: chooseThreads(current.threads), gpu };
  };
  const chat = new ChatService({ conversations, settings, library, engine, events, loadParams });

  const modelFacts = ({ modelPath, ...facts }: EngineLoadedModel): LoadedModel => ({
    ...facts,
    modelId: library.idFor(modelPath) ?? basename(modelPath),
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

  const handlers: Handlers<ApiCalls, CallContext> = {
    'app.info': async () => ({
      version: appVersion(),
      host: options.host,
      platform: process.platform,
      dataDir: paths.dataDir,
      modelsDir: paths.modelsDir,
      databasePath: paths.databasePath,
      canOpenFolders: options.platform?.openFolder !== undefined,
    }),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),

    'conversations.list': async () => conversations.list(),
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
      const conversation = conversations.get(conversationId);
      if (!conversation) throw new AppError('not_found', 'That conversation no longer exists.');
      return { conversation, messages: conversations.messages(conversationId) };
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
      if (deleted) events.emit('conversations.changed', { conversationId: null });
      return { deleted };
    },

    'chat.send': async ({ conversationId, content }) => chat.send(conversationId, content),
    'chat.stop': async ({ conversationId }) => ({ stopped: chat.stop(conversationId) }),
    'chat.regenerate': async ({ conversationId }) => chat.regenerate(conversationId),

    'models.list': async () => ({ dir: library.dir, models: await library.list() }),
    'models.load': async ({ modelId }) => {
      const path = await library.resolve(modelId);
      await engine.ensureModel(loadParams(path), (progress) =>
        events.emit('model.loadProgress', { modelId, progress }),
      );
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
      await options.platform.openFolder(library.dir);
      return { opened: true };
    },

    'engine.status': async () => engineStatus(engine.status),
  };

  return {
    dispatch: createDispatch(apiCalls, handlers),
    events,
    engine,
    chat,
    db,
    paths,
    async close() {
      await chat.stopAll();
      await engine.shutdown();
      db.close();
    },
  };
}
