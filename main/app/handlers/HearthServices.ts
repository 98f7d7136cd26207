import type {
  ApiCalls,
  ConversationView,
  EngineStatus,
  Handlers,
  HostKind,
  StateUsage,
} from '../../../contract/index.js';
import type { ChatService } from '../../chat/ChatService.js';
import type { DocumentService } from '../../documents/DocumentService.js';
import type { FolderService } from '../../documents/folders/FolderService.js';
import type { DocumentTools } from '../../documents/tools/DocumentTools.js';
import type { EngineSupervisor } from '../../engine/EngineSupervisor.js';
import type { ImportUploads } from '../../exchange/ImportUploads.js';
import type { HardwareService } from '../../hardware/HardwareService.js';
import type { DownloadManager } from '../../models/download/DownloadManager.js';
import type { LibraryService } from '../../models/LibraryService.js';
import type { ModelLibrary } from '../../models/ModelLibrary.js';
import type { RemoteEngines } from '../../remote/RemoteEngines.js';
import type { ApiServer } from '../../server/ApiServer.js';
import type { ConversationStore } from '../../storage/ConversationStore.js';
import type { DocumentStore } from '../../storage/DocumentStore.js';
import type { MessageSearch } from '../../storage/MessageSearch.js';
import type { SettingsStore } from '../../storage/SettingsStore.js';
import type { StateStore } from '../../storage/StateStore.js';
import type { AppEvents } from '../AppEvents.js';
import type { DataPaths } from '../dataPaths.js';
import type { PlatformActions } from '../platformActions.js';
import type { UiLanguage } from '../UiLanguage.js';

/** Who is calling: hosts pass this on, so handlers could tell windows or sockets apart. */
export interface CallContext {
  origin: string;
}

/** The handlers of some of the calls: each domain module returns its own. */
export type HandlerGroup<K extends keyof ApiCalls> = Pick<Handlers<ApiCalls, CallContext>, K>;

/**
 * What the call handlers work with: the services createHearth builds, and the few views of them
 * that several domains share. Handlers hold no state of their own.
 */
export interface HearthServices {
  host: HostKind;
  paths: DataPaths;
  platform: PlatformActions;
  events: AppEvents;
  settings: SettingsStore;
  /** The language the UI is read in: main's texts for the model follow it. */
  uiLanguage: UiLanguage;
  conversations: ConversationStore;
  /** Search over titles and every message. */
  search: MessageSearch;
  chat: ChatService;
  engine: EngineSupervisor;
  hardware: HardwareService;
  library: ModelLibrary;
  models: LibraryService;
  downloads: DownloadManager;
  documents: DocumentService;
  documentStore: DocumentStore;
  documentTools: DocumentTools;
  folders: FolderService;
  /** Settles when the watched folders have caught up at start (never rejects). */
  foldersResumed: Promise<void>;
  stateStore: StateStore;
  /** The local OpenAI-compatible API. */
  apiServer: ApiServer;
  /** OpenAI-compatible servers elsewhere. */
  remote: RemoteEngines;
  /** A conversation with its active branch; `not_found` when it does not exist. */
  view(conversationId: string): ConversationView;
  /** The engine's status as the renderer sees it (model ids, not paths). */
  engineStatus(): EngineStatus;
  /** Loads a model as the library's Load button does; `stillWanted` is asked once its file is checked. */
  loadModel(modelId: string, stillWanted?: () => boolean): Promise<boolean>;
  stateUsage(): StateUsage;
  /** Parts of import files on their way in (conversations.importPart). */
  importUploads: ImportUploads;
}
