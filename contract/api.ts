import { z } from 'zod';
import {
  AppInfoSchema,
  ConversationSchema,
  ConversationSearchHitSchema,
  ConversationSummarySchema,
  EngineStatusSchema,
  IdSchema,
  MessageSchema,
  ModelFileSchema,
  ModelIdSchema,
  NoticeSchema,
  SamplingSchema,
  SettingsSchema,
  StateUsageSchema,
} from './domain.js';
import { ExportFileSchema, ExportScopeSchema, IMPORT_PART_MAX_CHARS } from './exchange.js';
import { ExecutionPlanSchema, HardwareProfileSchema, ModelFactsSchema } from './hardware.js';
import { CollectionSchema, DocumentSummarySchema, ImportOutcomeSchema, SearchHitSchema } from './documents.js';
import { FolderImportSchema, WatchedFolderSchema } from './folders.js';
import {
  CatalogEntrySchema,
  CatalogFitSchema,
  DownloadSchema,
  ModelCardSchema,
  RecommendationSchema,
  StartDownloadSchema,
} from './library.js';
import { LanguageSchema } from './i18n/languages.js';
import { call, CallResultSchema } from './rpc.js';
import { AllowedOriginSchema, ApiHostSchema, ApiServerStatusSchema } from './server.js';
import { RemoteBaseUrlSchema, RemoteEngineSchema, RemotePresetSchema } from './remote.js';

/**
 * Every call the renderer may make to main. Both hosts (Electron IPC and the local web host's
 * WebSocket) carry exactly these, and main validates each input against its schema and checks
 * the sender before a service sees it.
 */
const Empty = z.strictObject({});
const ByConversation = z.strictObject({ conversationId: IdSchema });
const ByMessage = z.strictObject({ conversationId: IdSchema, messageId: IdSchema });
const ById = z.strictObject({ id: z.string().min(1).max(64) });

const TITLE_MAX = 200;
/**
 * Paths one `documents.import` call takes (the renderer sends more in several calls): 64 paths
 * of 4,096 characters still fit in one WebSocket frame, however many characters need escaping.
 */
export const DOCUMENT_IMPORT_MAX_PATHS = 64;
/** Document ids as main makes them (UUIDs); plain ASCII, so 10,000 of them fit in a frame. */
const DocumentIdsSchema = z
  .array(
    z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
  )
  .max(10_000);
const MessageText = z.string().trim().min(1).max(200_000);

/** Conversations per `conversations.list` page: 50 unless asked, at most this many. */
export const CONVERSATION_PAGE_SIZE = 50;
export const CONVERSATION_PAGE_MAX = 200;
/** Where a page ends: the last conversation's update time and row, opaque to the renderer. */
const ConversationCursorSchema = z.string().regex(/^[0-9]{1,16}:[0-9]{1,16}$/);
export const ConversationPageSchema = z.strictObject({
  /** The pinned conversations, most recently pinned first: all of them, on the first page only. */
  pinned: z.array(ConversationSummarySchema),
  /** The others, most recently updated first. */
  conversations: z.array(ConversationSummarySchema),
  nextCursor: ConversationCursorSchema.nullable(),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

/** A conversation with the messages of its active branch, root first. */
export const ConversationViewSchema = z.strictObject({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

export const apiCalls = {
  'app.info': call(Empty, AppInfoSchema),

  /**
   * The language the UI shows (the setting resolved against the system's languages, which only
   * the renderer knows on the web host): main's defaults for the model follow it.
   */
  'app.setUiLanguage': call(z.strictObject({ language: LanguageSchema }), Empty),
  'settings.get': call(Empty, SettingsSchema),
  'settings.update': call(SettingsSchema.partial().strict(), SettingsSchema),

  /**
   * One page of the conversation list, most recently updated first: only what the list shows (no
   * system prompts). `nextCursor` asks for the page after this one; null: this was the last.
   */
  'conversations.list': call(
    z.strictObject({
      limit: z.int().min(1).max(CONVERSATION_PAGE_MAX).optional(),
      cursor: ConversationCursorSchema.optional(),
    }),
    ConversationPageSchema,
  ),
  'conversations.create': call(
    z.strictObject({
      title: z.string().max(TITLE_MAX).optional(),
      modelId: ModelIdSchema.nullable().optional(),
      systemPrompt: z.string().max(100_000).optional(),
      /**
       * Opens the newest empty conversation (no messages, the default title, no documents) instead
       * of adding another, with the model asked for; main decides, so two windows do not race.
       */
      reuseEmpty: z.boolean().optional(),
    }),
    ConversationSchema,
  ),
  'conversations.get': call(ByConversation, ConversationViewSchema),
  /** Makes the branch through `messageId` the active one (its newest continuation). */
  'conversations.selectBranch': call(ByMessage, ConversationViewSchema),
  /** Deletes `messageId` and everything after it on its branch, with their saved states. */
  'conversations.deleteBranch': call(ByMessage, ConversationViewSchema),
  'conversations.rename': call(
    z.strictObject({ conversationId: IdSchema, title: z.string().trim().min(1).max(TITLE_MAX) }),
    ConversationSchema,
  ),
  'conversations.update': call(
    z.strictObject({
      conversationId: IdSchema,
      modelId: ModelIdSchema.nullable().optional(),
      systemPrompt: z.string().max(100_000).optional(),
      /** null: follow the app-wide defaults again. */
      sampling: SamplingSchema.nullable().optional(),
    }),
    ConversationSchema,
  ),
  'conversations.delete': call(ByConversation, z.strictObject({ deleted: z.boolean() })),
  /** Pins a conversation to the top of the list, or unpins it; its place by recency is unchanged. */
  'conversations.pin': call(
    z.strictObject({ conversationId: IdSchema, pinned: z.boolean() }),
    z.strictObject({ pinnedAt: z.number().nullable() }),
  ),
  /**
   * Conversations whose title or any message (on any branch) holds every word of `query`: title
   * matches first, then messages by relevance, each with a snippet and where it matched.
   */
  'conversations.search': call(
    z.strictObject({ query: z.string().trim().min(1).max(200), limit: z.int().min(1).max(200).optional() }),
    z.strictObject({ hits: z.array(ConversationSearchHitSchema) }),
  ),

  /** Stores the user's message, then answers in the background through `chat.*` events. */
  'chat.send': call(
    z.strictObject({ conversationId: IdSchema, content: MessageText }),
    z.strictObject({ userMessage: MessageSchema, assistantMessage: MessageSchema }),
  ),
  /** Sends an edited copy of an earlier user message: a new branch from that point. */
  'chat.edit': call(
    z.strictObject({ conversationId: IdSchema, messageId: IdSchema, content: MessageText }),
    z.strictObject({ userMessage: MessageSchema, assistantMessage: MessageSchema }),
  ),
  'chat.stop': call(ByConversation, z.strictObject({ stopped: z.boolean() })),
  /** Answers a question again (by default the last one): a new branch beside the old answer. */
  'chat.regenerate': call(
    z.strictObject({ conversationId: IdSchema, messageId: IdSchema.optional() }),
    z.strictObject({ assistantMessage: MessageSchema }),
  ),

  'models.list': call(Empty, z.strictObject({ dir: z.string(), models: z.array(ModelFileSchema) })),
  'models.load': call(z.strictObject({ modelId: ModelIdSchema }), EngineStatusSchema),
  /** Frees the loaded model's memory; the next message loads it again. */
  'models.unload': call(Empty, EngineStatusSchema),
  'models.openFolder': call(Empty, z.strictObject({ opened: z.boolean() })),

  'engine.status': call(Empty, EngineStatusSchema),

  /** The local OpenAI-compatible API: its settings, keys, whether it runs and what it served. */
  'server.status': call(Empty, ApiServerStatusSchema),
  /**
   * Turns the API on or off, or moves it. Serving on the LAN (host 0.0.0.0) must be confirmed
   * (`confirmLan`) and needs a key; a refused change changes nothing.
   */
  'server.configure': call(
    z.strictObject({
      enabled: z.boolean().optional(),
      host: ApiHostSchema.optional(),
      port: z.int().min(1024).max(65_535).optional(),
      allowedOrigins: z.array(AllowedOriginSchema).max(20).optional(),
      confirmLan: z.boolean().optional(),
    }),
    ApiServerStatusSchema,
  ),
  /** Makes an API key: `key` is shown this once (only its hash is stored). */
  'server.createKey': call(
    z.strictObject({ name: z.string().trim().min(1).max(100) }),
    z.strictObject({ key: z.string(), status: ApiServerStatusSchema }),
  ),
  'server.revokeKey': call(ById, z.strictObject({ revoked: z.boolean(), status: ApiServerStatusSchema })),

  /** OpenAI-compatible servers elsewhere whose models conversations may use. */
  'engines.list': call(Empty, z.array(RemoteEngineSchema)),
  /** Adds a remote engine after it answered with its model list (one that does not answer is not added). */
  'engines.add': call(
    z.strictObject({
      name: z.string().trim().min(1).max(100),
      baseUrl: RemoteBaseUrlSchema,
      preset: RemotePresetSchema,
      apiKey: z.string().trim().min(1).max(500).nullable(),
    }),
    z.strictObject({ engine: RemoteEngineSchema, models: z.array(z.string()) }),
  ),
  'engines.remove': call(ById, z.strictObject({ removed: z.boolean() })),
  /** The models a remote engine serves now (asked from it). */
  'engines.models': call(ById, z.strictObject({ models: z.array(z.string()) })),

  /** The machine as Hearth sees it (probed once per run; `refresh` probes again). */
  'hardware.profile': call(z.strictObject({ refresh: z.boolean().optional() }), HardwareProfileSchema),
  /** How a model would run here, and why: the planner's decisions for the current settings. */
  'hardware.plan': call(
    z.strictObject({ modelId: ModelIdSchema }),
    z.strictObject({ facts: ModelFactsSchema, plan: ExecutionPlanSchema }),
  ),

  /** The catalog shipped with the app, how each file would run here, and the pick for this machine. */
  'library.catalog': call(
    Empty,
    z.strictObject({
      checkedOn: z.string(),
      entries: z.array(CatalogEntrySchema),
      fits: z.array(CatalogFitSchema),
      recommendation: RecommendationSchema.nullable(),
    }),
  ),
  'library.downloads': call(Empty, z.array(DownloadSchema)),
  /** Starts a download (continues in the background; progress through `library.download` events). */
  'library.download': call(StartDownloadSchema, DownloadSchema),
  'library.pauseDownload': call(ById, DownloadSchema),
  'library.resumeDownload': call(ById, DownloadSchema),
  /** Stops a download and deletes its partial file, or clears a finished one from the list. */
  'library.cancelDownload': call(ById, z.strictObject({ removed: z.boolean() })),
  /**
   * Adds a GGUF file from elsewhere on disk after the engine has inspected it: copied into the
   * models folder, or used where it is ("link").
   */
  'library.import': call(
    z.strictObject({ path: z.string().min(1).max(4096), mode: z.enum(['copy', 'link']) }),
    z.strictObject({ model: ModelFileSchema }),
  ),
  /** Everything known about one model, inspected in the engine process. */
  'library.card': call(z.strictObject({ modelId: ModelIdSchema }), ModelCardSchema),
  /** Deletes a model file (a linked one is only unlinked) and its saved states. */
  'library.delete': call(
    z.strictObject({ modelId: ModelIdSchema }),
    z.strictObject({ deleted: z.boolean(), statesRemoved: z.int().min(0) }),
  ),
  /** Shows the file in the system's file manager (desktop only). */
  'library.reveal': call(z.strictObject({ modelId: ModelIdSchema }), z.strictObject({ opened: z.boolean() })),
  /** Uses another models folder from now on (created if missing; must be writable). */
  'library.setFolder': call(z.strictObject({ dir: z.string().min(1).max(4096) }), z.strictObject({ dir: z.string() })),
  /** Desktop only: the system's open-file dialog for a .gguf file; null when cancelled. */
  'library.chooseFile': call(Empty, z.strictObject({ path: z.string().nullable() })),
  /** Desktop only: the system's open-files dialog for documents (PDF, DOCX, Markdown, HTML, text). */
  'documents.chooseFiles': call(Empty, z.strictObject({ paths: z.array(z.string()) })),
  /** Desktop only: the system's choose-folder dialog; null when cancelled. */
  'library.chooseFolder': call(Empty, z.strictObject({ dir: z.string().nullable() })),

  'documents.list': call(Empty, z.array(DocumentSummarySchema)),
  /** Queues files for import (read in a worker process, chunked, indexed); progress through `documents.changed`. */
  'documents.import': call(
    z.strictObject({
      paths: z.array(z.string().min(1).max(4096)).min(1).max(DOCUMENT_IMPORT_MAX_PATHS),
      collectionId: z.string().max(64).nullable().optional(),
    }),
    z.array(ImportOutcomeSchema),
  ),
  /**
   * Imports every supported document under a folder (hidden files and links passed over and
   * counted); with `watch`, files added, changed or deleted there later follow, across restarts.
   */
  'documents.importFolder': call(
    z.strictObject({
      path: z.string().min(1).max(4096),
      collectionId: z.string().max(64).nullable().optional(),
      watch: z.boolean().optional(),
    }),
    FolderImportSchema,
  ),
  /** Folders being watched. */
  'documents.folders': call(Empty, z.array(WatchedFolderSchema)),
  /** Stops watching a folder; its documents stay. */
  'documents.unwatchFolder': call(ById, z.strictObject({ removed: z.boolean() })),
  'documents.cancel': call(z.strictObject({ documentId: z.string().max(64) }), DocumentSummarySchema),
  /** Deletes a document and its index (the file on disk is not touched). */
  'documents.delete': call(
    z.strictObject({ documentId: z.string().max(64) }),
    z.strictObject({ deleted: z.boolean() }),
  ),
  /** The best passages for a question, within some documents (default: all indexed ones). */
  'documents.search': call(
    z.strictObject({
      query: z.string().trim().min(1).max(2000),
      documentIds: DocumentIdsSchema.optional(),
      limit: z.int().min(1).max(50).optional(),
    }),
    z.array(SearchHitSchema),
  ),
  /** A passage in its document: the text around a chunk, for a citation to open. */
  /**
   * A cited passage with the text around it. `documentId`: the document the citation names; a
   * chunk of another document (an imported conversation's citation, a document imported again)
   * is not shown as if it were the source.
   */
  'documents.passage': call(
    z.strictObject({ chunkId: z.int().min(1), documentId: z.string().min(1).max(64).optional() }),
    z.strictObject({ hit: SearchHitSchema, before: z.string(), after: z.string() }),
  ),
  /** The documents a conversation answers from, and whether only from them. */
  'conversations.documents': call(
    ByConversation,
    z.strictObject({ documentIds: z.array(z.string()), strict: z.boolean() }),
  ),
  'conversations.setDocuments': call(
    z.strictObject({
      conversationId: IdSchema,
      documentIds: DocumentIdsSchema,
      strict: z.boolean(),
    }),
    z.strictObject({ documentIds: z.array(z.string()), strict: z.boolean() }),
  ),
  /**
   * Starts a conversation about one document: a summary or key points (map-reduce over its parts
   * when it is longer than the context), or "read" (the whole text as the first turn, so a
   * recurrent model's saved state holds it for every later question). Progress: `documents.toolProgress`.
   */
  'documents.tool': call(
    z.strictObject({
      documentId: z.string().max(64),
      tool: z.enum(['summary', 'key-points', 'read']),
      modelId: ModelIdSchema.nullable().optional(),
    }),
    z.strictObject({ conversationId: IdSchema }),
  ),
  'collections.list': call(Empty, z.array(CollectionSchema)),
  'collections.create': call(z.strictObject({ name: z.string().trim().min(1).max(200) }), CollectionSchema),

  'states.usage': call(Empty, StateUsageSchema),
  /** Deletes saved states: one conversation's, or all of them (prompt cache included). */
  'states.purge': call(z.strictObject({ conversationId: IdSchema.optional() }), StateUsageSchema),

  /**
   * One conversation as a file to save: JSON in the export format (docs/export-format.md, which
   * `conversations.import` reads back) or Markdown to read; its active branch or every branch.
   */
  'conversations.export': call(
    z.strictObject({ conversationId: IdSchema, format: z.enum(['json', 'markdown']), scope: ExportScopeSchema }),
    ExportFileSchema,
  ),
  /** Every conversation, every branch, in one JSON file (`hearth.archive`). */
  'conversations.exportAll': call(Empty, ExportFileSchema),
  /**
   * A part of an import file larger than one call may carry, in order from 0; the import call then
   * brings the last part with the same `uploadId`.
   */
  'conversations.importPart': call(
    z.strictObject({
      uploadId: IdSchema,
      index: z.int().min(0).max(10_000),
      content: z.string().max(IMPORT_PART_MAX_CHARS),
    }),
    z.strictObject({ receivedBytes: z.int().min(0) }),
  ),
  /** A conversation export file as a new conversation (all of it, or on any problem nothing). */
  'conversations.import': call(
    z.strictObject({ content: z.string().max(IMPORT_PART_MAX_CHARS), uploadId: IdSchema.optional() }),
    ConversationSchema,
  ),
} as const;
export type ApiCalls = typeof apiCalls;
export type ApiCallName = keyof ApiCalls;

/** Everything main pushes to the renderer. */
export const apiEvents = {
  /** Text appended to a streaming answer. */
  'chat.delta': z.strictObject({ conversationId: IdSchema, messageId: IdSchema, text: z.string() }),
  /** An answer reached its final state (complete, interrupted or error). */
  'chat.finished': z.strictObject({ conversationId: IdSchema, message: MessageSchema }),
  'conversations.changed': z.strictObject({ conversationId: IdSchema.nullable() }),
  'engine.status': EngineStatusSchema,
  'model.loadProgress': z.strictObject({ modelId: ModelIdSchema, progress: z.number().min(0).max(1) }),
  /** A download changed: progress, state or error. */
  'library.download': DownloadSchema,
  /** Model files were added, removed, or the models folder changed. */
  'models.changed': z.strictObject({}),
  /** A document tool reads a long document part by part (the map step of a summary). */
  'documents.toolProgress': z.strictObject({ documentId: z.string(), done: z.int().min(0), total: z.int().min(1) }),
  /** A document's import moved on (status, pages read, chunks indexed) or it was removed. */
  'documents.changed': z.strictObject({ document: DocumentSummarySchema.nullable(), removedId: z.string().nullable() }),
  /** A folder was watched or unwatched. */
  'documents.foldersChanged': z.strictObject({}),
  /** Saved states were added or removed: space used changed. */
  'states.changed': z.strictObject({}),
  /** The local API started, stopped, or began or finished a request. */
  'server.changed': ApiServerStatusSchema,
  notice: NoticeSchema,
} as const;
export type ApiEvents = typeof apiEvents;
export type ApiEventName = keyof ApiEvents;

/** Channel names used by the Electron host; the preload exposes nothing else. */
export const IPC_CALL_CHANNEL = 'hearth:call';
export const IPC_EVENT_CHANNEL = 'hearth:event';

/** Frames of the web host's WebSocket. */
export const WsClientFrameSchema = z.strictObject({
  type: z.literal('call'),
  id: z.int().min(0),
  method: z.string().max(100),
  input: z.unknown(),
});
export type WsClientFrame = z.infer<typeof WsClientFrameSchema>;

export const WsServerFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('result'), id: z.int().min(0), result: CallResultSchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WsServerFrame = z.infer<typeof WsServerFrameSchema>;

/**
 * The largest frame the web host's WebSocket accepts. Every call the contract accepts must fit in
 * one (test/unit/frameLimits.test.ts computes each call's worst case from its schema): the longest
 * is a 200,000-character message, 1.2 MB of JSON when every character must be escaped (`\u0001`).
 */
export const WS_MAX_FRAME_BYTES = 2 * 1024 * 1024;
/**
 * Calls one socket may have under way at once; more are answered `busy` at once. The web bridge
 * holds its own calls back to this many, so only a client that ignores it ever sees `busy`.
 */
export const WS_MAX_CALLS_IN_FLIGHT = 16;
