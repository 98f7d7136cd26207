import { z } from 'zod';
import { DEFAULT_CHUNKING } from './documents.js';
import { EvidenceBandSchema, STRICT_MIN_RELEVANCE } from './evidence.js';
import { BackendChoiceSchema } from './hardware.js';
import { LanguageChoiceSchema } from './i18n/languages.js';
import { en } from './i18n/locales/en/index.js';
import { LocalizedTextSchema } from './i18n/localizedText.js';

/** A sha256 digest: 64 lowercase hex digits (a download's expected file, a saved state's bytes). */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lowercase hex digits');

/** Shared shapes of the app's data, as the renderer sees them. */

export const IdSchema = z.uuid();

/** A model is named by its path relative to the models folder, so the folder can move. */
export const ModelIdSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((id) => !id.split(/[\\/]/).includes('..') && !/^([\\/]|[a-zA-Z]:)/.test(id), {
    message: 'Model id must be a path inside the models folder',
  });

export const SamplingSchema = z.strictObject({
  /** 0 means greedy decoding. */
  temperature: z.number().min(0).max(2),
  topP: z.number().gt(0).max(1),
  maxTokens: z.int().min(1).max(32_768),
  /** null: a new random seed per answer. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .nullable(),
});
export type Sampling = z.infer<typeof SamplingSchema>;

export const DEFAULT_SAMPLING: Sampling = { temperature: 0.7, topP: 0.9, maxTokens: 1024, seed: null };

export const ConversationSchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  modelId: ModelIdSchema.nullable(),
  systemPrompt: z.string(),
  /** null: follow the app-wide defaults. */
  sampling: SamplingSchema.nullable(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export const ConversationSummarySchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  updatedAt: z.number(),
  modelId: ModelIdSchema.nullable(),
  messageCount: z.int(),
  /** When the user pinned it (pinned conversations lead the list); null: not pinned. */
  pinnedAt: z.number().nullable(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const MessageRoleSchema = z.enum(['user', 'assistant']);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

/** `streaming` exists only while an answer is being written; a restart turns it into `interrupted`. */
export const MessageStatusSchema = z.enum(['streaming', 'complete', 'interrupted', 'error']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

export const StopReasonSchema = z.enum([
  'end_of_turn',
  'max_tokens',
  'user_stopped',
  'engine_stopped',
  'app_closed',
  'error',
  /** Strict mode: the documents do not cover the question, so Hearth wrote the answer; no model was asked. */
  'not_in_documents',
]);
export type StopReason = z.infer<typeof StopReasonSchema>;

/**
 * How the engine got the conversation into its context before answering: from a saved state
 * (only the new message was read), from the cached system-prompt state, from what the engine still
 * held, or by re-reading the whole history.
 */
export const ContextSourceSchema = z.enum(['state', 'prompt-cache', 'live', 'reread']);
export type ContextSource = z.infer<typeof ContextSourceSchema>;

export const ContextPreparationSchema = z.strictObject({
  source: ContextSourceSchema,
  /** Tokens the engine had to read before it could answer. */
  tokens: z.int().min(0),
  ms: z.number().min(0),
  /** Why a saved state was not used, when one existed. */
  rejected: z.string().nullable(),
  /**
   * Tokens in the context when the answer began: the whole prompt, kept and read. Absent for
   * answers written before it was recorded and for remote engines, which do not say.
   */
  held: z.int().min(0).optional(),
});
export type ContextPreparation = z.infer<typeof ContextPreparationSchema>;

export const MessageStatsSchema = z.strictObject({
  promptTokens: z.int().min(0),
  completionTokens: z.int().min(0),
  timeToFirstTokenMs: z.number().min(0).nullable(),
  tokensPerSecond: z.number().min(0).nullable(),
});
export type MessageStats = z.infer<typeof MessageStatsSchema>;

/** A numbered source an answer may cite as [n]: where it is, so the citation can open it. */
export const CitationSchema = z.strictObject({
  n: z.int().min(1).max(100),
  chunkId: z.int().min(1),
  documentId: z.string(),
  fileName: z.string(),
  page: z.int().min(1).nullable(),
  headingPath: z.array(z.string()),
  startOffset: z.int().min(0),
  endOffset: z.int().min(0),
  /** The reranker's relevance (0..1) when one scored the passage. Absent in rows written before. */
  relevance: z.number().min(0).max(1).optional(),
  /** How well the passage supports the answer (see contract/evidence.ts). Absent in older rows. */
  band: EvidenceBandSchema.optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const MessageSchema = z.strictObject({
  id: IdSchema,
  conversationId: IdSchema,
  /** The message this one answers or follows; null for the first. Conversations are trees. */
  parentId: IdSchema.nullable(),
  role: MessageRoleSchema,
  content: z.string(),
  status: MessageStatusSchema,
  stopReason: StopReasonSchema.nullable(),
  /** Why the answer is interrupted or failed, for the user. */
  detail: z.string().nullable(),
  modelId: ModelIdSchema.nullable(),
  stats: MessageStatsSchema.nullable(),
  /** Assistant answers: how the context was prepared. */
  context: ContextPreparationSchema.nullable(),
  /** Assistant answers over documents: the numbered passages it was given (empty otherwise). */
  sources: z.array(CitationSchema),
  /** This message and its alternatives (same parent), oldest first: the branches at this point. */
  siblingIds: z.array(IdSchema).min(1),
  createdAt: z.number(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ModelFileSchema = z.strictObject({
  id: ModelIdSchema,
  fileName: z.string(),
  /** In the models folder, or used where it is (imported as a link). */
  source: z.enum(['folder', 'linked']),
  sizeBytes: z.int().min(0),
  modifiedAt: z.number(),
  /**
   * Every file is checked (header screen, then a trial load in a throwaway process) before a chat
   * may use it: `checking` until then, `broken` with the reason when it was refused.
   */
  check: z.enum(['checking', 'ready', 'broken']),
  problem: z.string().nullable(),
  /** The same reason as a catalog key, when it has one, shown in the UI's language. */
  problemText: LocalizedTextSchema.optional(),
});
export type ModelFile = z.infer<typeof ModelFileSchema>;

/** What the engine reports about the model it loaded; main names it by id, the engine by path. */
/** How a model's context state behaves, from its architecture: constant (recurrent) or growing. */
export const StateKindSchema = z.enum(['recurrent', 'attention', 'hybrid']);
export type StateKind = z.infer<typeof StateKindSchema>;

export const LoadedModelFactsSchema = z.strictObject({
  architecture: z.string(),
  /**
   * recurrent: the whole conversation lives in a fixed-size state, whatever its length (the
   * context size then only bounds a token list, see RECURRENT_CONTEXT_TOKENS).
   */
  stateKind: StateKindSchema,
  name: z.string().nullable(),
  chatWrapper: z.string(),
  trainedContextLength: z.int().min(0),
  contextSize: z.int().min(1),
  threads: z.int().min(0),
  /** The backend llama.cpp really runs on: cpu, cuda, vulkan or metal. */
  gpu: z.string(),
  /** The GPU device(s) the offloaded layers are on; null on the CPU path. */
  device: z.string().nullable(),
  /** Layers llama.cpp really offloaded to the GPU. */
  gpuLayers: z.int().min(0),
  batchSize: z.int().min(1),
  /** The instruction sets of the CPU backend llama.cpp loaded, e.g. "AVX2 FMA F16C AVX512". */
  cpuVariant: z.string(),
  loadMs: z.number().min(0),
});

export const LoadedModelSchema = LoadedModelFactsSchema.extend({ modelId: ModelIdSchema });
export type LoadedModel = z.infer<typeof LoadedModelSchema>;

export const EngineStateSchema = z.enum(['stopped', 'starting', 'idle', 'loading', 'ready', 'generating']);
export type EngineState = z.infer<typeof EngineStateSchema>;

export const EngineStatusSchema = z.strictObject({
  state: EngineStateSchema,
  pid: z.int().nullable(),
  loadedModel: LoadedModelSchema.nullable(),
  loadingModelId: ModelIdSchema.nullable(),
  /** Why the previous engine process ended, when it did not end on request. */
  lastExit: z.strictObject({ reason: z.string(), at: z.number() }).nullable(),
  restarts: z.int().min(0),
});
export type EngineStatus = z.infer<typeof EngineStatusSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.strictObject({
  theme: ThemeSchema,
  /** The UI's language; `system` follows the system's (the browser's on the web host). */
  language: LanguageChoiceSchema,
  defaultSampling: SamplingSchema,
  defaultSystemPrompt: z.string().max(100_000),
  /** Tokens of context given to each conversation. */
  contextSize: z.int().min(256).max(1_048_576),
  /** 0: chosen by Hearth for this machine. */
  threads: z.int().min(0).max(256),
  /** The compute path: auto (Hearth's plan) or a fixed backend. */
  backend: BackendChoiceSchema,
  /** Layers on the GPU; null: as many as fit. */
  gpuLayers: z.int().min(0).max(10_000).nullable(),
  /** The models folder the user chose; null: the default one (or --models-dir / HEARTH_MODELS_DIR). */
  modelsDir: z.string().min(1).max(4096).nullable(),
  /** Characters per document chunk (new imports); passages given to the model are this long. */
  documentChunkChars: z.int().min(200).max(8000),
  /** Characters repeated between neighbouring chunks of a section (at most half a chunk is used). */
  documentChunkOverlap: z.int().min(0).max(4000),
  /** The embedding model for document retrieval; null: BM25 only. */
  embeddingModelId: ModelIdSchema.nullable(),
  /** The offer of a small embedding model after the first document import was declined. */
  embeddingOfferDismissed: z.boolean(),
  /** The reranking model that reorders retrieved passages and scores them 0..1; null: none. */
  rerankerModelId: ModelIdSchema.nullable(),
  /**
   * Strict mode with a reranker: when the best passage scores below this, Hearth answers that the
   * documents do not cover the question, without asking the model.
   */
  strictMinRelevance: z.number().min(0).max(1),
  /** The model a new conversation starts with. */
  defaultModelId: ModelIdSchema.nullable(),
  /** Save conversation states so that resuming, regenerating and editing skip re-reading. */
  saveStates: z.boolean(),
  /** Total space for saved states; the least recently used go first. */
  stateBudgetBytes: z
    .int()
    .min(0)
    .max(1024 ** 4),
  /** Saved states kept along each branch (the most recent turns). */
  checkpointsPerBranch: z.int().min(1).max(256),
  /** Attention models' states grow with the conversation: one larger than this is not saved. */
  attentionStateCapBytes: z
    .int()
    .min(0)
    .max(1024 ** 4),
  /** Load the last-used model in the background when Hearth starts, so the first message does not wait for it. */
  loadModelOnStart: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'system',
  defaultSampling: DEFAULT_SAMPLING,
  defaultSystemPrompt: en.prompts.defaultSystemPrompt,
  contextSize: 4096,
  threads: 0,
  backend: 'auto',
  gpuLayers: null,
  defaultModelId: null,
  modelsDir: null,
  embeddingModelId: null,
  embeddingOfferDismissed: false,
  rerankerModelId: null,
  strictMinRelevance: STRICT_MIN_RELEVANCE,
  documentChunkChars: DEFAULT_CHUNKING.targetChars,
  documentChunkOverlap: DEFAULT_CHUNKING.overlapChars,
  saveStates: true,
  stateBudgetBytes: 2 * 1024 ** 3,
  checkpointsPerBranch: 8,
  attentionStateCapBytes: 64 * 1024 ** 2,
  loadModelOnStart: true,
};

export const StateUsageSchema = z.strictObject({
  /** Every saved state: the conversations' turn states plus the system-prompt cache. */
  totalBytes: z.int().min(0),
  budgetBytes: z.int().min(0),
  promptCacheBytes: z.int().min(0),
  /** The database file with its write-ahead log, which shrinks after purges. */
  databaseBytes: z.int().min(0),
  /** Turn states per conversation (the prompt cache belongs to no conversation). */
  conversations: z.array(
    z.strictObject({ conversationId: IdSchema, title: z.string(), bytes: z.int().min(0), count: z.int().min(0) }),
  ),
});
export type StateUsage = z.infer<typeof StateUsageSchema>;

export const HostKindSchema = z.enum(['desktop', 'web']);
export type HostKind = z.infer<typeof HostKindSchema>;

export const AppInfoSchema = z.strictObject({
  version: z.string(),
  host: HostKindSchema,
  platform: z.string(),
  dataDir: z.string(),
  modelsDir: z.string(),
  databasePath: z.string(),
  /** Whether this host can open a folder in the system's file manager. */
  canOpenFolders: z.boolean(),
  /** Whether this host has the system's file dialogs (desktop); the web host asks for a path instead. */
  canChooseFiles: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const NoticeSchema = z.strictObject({
  level: z.enum(['info', 'warning', 'error']),
  /** English; `text`, when there is one, is its catalog key for the UI's language. */
  message: z.string(),
  text: LocalizedTextSchema.optional(),
  at: z.number(),
  /** Raised by one conversation's answer: shown only while that conversation is open. */
  conversationId: z.string().optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** Where a search matched in a piece of text: the text around it, and the matches' [start, end) in it. */
export const SearchSnippetSchema = z.strictObject({
  text: z.string(),
  matches: z.array(z.tuple([z.int().min(0), z.int().min(0)])),
});
export type SearchSnippet = z.infer<typeof SearchSnippetSchema>;

/** A conversation found by search: by its title (messageId null) or by one of its messages, on any branch. */
export const ConversationSearchHitSchema = z.strictObject({
  conversationId: IdSchema,
  title: z.string(),
  messageId: IdSchema.nullable(),
  role: MessageRoleSchema.nullable(),
  snippet: SearchSnippetSchema,
  /** When the message was written (the conversation's last update for a title match). */
  at: z.number(),
});
export type ConversationSearchHit = z.infer<typeof ConversationSearchHitSchema>;
