import { z } from 'zod';
import { AppErrorSchema } from './errors.js';
import {
  ContextPreparationSchema,
  LoadedModelFactsSchema,
  MessageRoleSchema,
  SamplingSchema,
  Sha256Schema,
} from './domain.js';
import { HardwareProfileSchema, ModelFactsSchema } from './hardware.js';
import { call, CallResultSchema } from './rpc.js';

/**
 * Messages between main and the engine process (node-llama-cpp). The engine validates every
 * request, and main validates every reply and event, because either side may be the one that is
 * broken: a native crash can leave a half-written message behind.
 */

/**
 * The context the engine gives recurrent models (RWKV, Mamba), whatever was asked: their memory
 * does not grow with it (llama.cpp keeps one fixed-size state per sequence), it only bounds the
 * token list, so a conversation or a long document runs on without a context shift or a re-read.
 */
export const RECURRENT_CONTEXT_TOKENS = 1_048_576;

export const GpuChoiceSchema = z.union([z.literal('auto'), z.literal(false), z.enum(['cuda', 'vulkan', 'metal'])]);
export type GpuChoice = z.infer<typeof GpuChoiceSchema>;

export const EngineLoadedModelSchema = LoadedModelFactsSchema.extend({
  modelPath: z.string(),
  /** sha256 of the GGUF header, metadata and tensor table, plus the file size: names the weights. */
  fingerprint: z.string(),
  /** node-llama-cpp and llama.cpp versions: a state is only loaded by the build that wrote it. */
  engineBuild: z.string(),
  vocabularySize: z.int().min(1),
  /** Estimated bytes a state grows per token (KV cache); 0 for recurrent models. */
  stateBytesPerToken: z.int().min(0),
});
export type EngineLoadedModel = z.infer<typeof EngineLoadedModelSchema>;

/** A function the model called in an answer, with what it returned (API clients send them back). */
export const ToolCallTurnSchema = z.strictObject({
  name: z.string().min(1).max(64),
  /** The arguments as JSON text, as the model wrote them. */
  arguments: z.string().max(1_000_000),
  result: z.string().max(1_000_000),
});

export const ChatTurnSchema = z.strictObject({
  role: MessageRoleSchema,
  text: z.string(),
  /** An answer's function calls and their results (API requests only). */
  toolCalls: z.array(ToolCallTurnSchema).max(64).optional(),
});
export type ChatTurn = z.infer<typeof ChatTurnSchema>;

/** Text that ends an answer where it appears (not included in the answer). */
export const StopSequencesSchema = z.array(z.string().min(1).max(200)).max(8);

/** A function the model may call: its parameters as a JSON schema (node-llama-cpp's supported subset). */
export const ToolSpecSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  description: z.string().max(10_000),
  parameters: z.record(z.string(), z.unknown()).nullable(),
});
export type ToolSpec = z.infer<typeof ToolSpecSchema>;

/**
 * What an answer must look like, beyond the chat template (the local API's options): stop
 * sequences, JSON that follows a schema (a grammar constrains sampling), or function calls —
 * chosen by the model ('auto', node-llama-cpp's function calling in the template's syntax) or
 * forced ('required' or one function by name: a grammar makes the answer the call).
 */
export const OutputRulesSchema = z.strictObject({
  stop: StopSequencesSchema,
  /** json: any JSON value (llama.cpp's JSON grammar); json_schema: JSON that follows `schema`. */
  format: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('text') }),
    z.strictObject({ type: z.literal('json') }),
    z.strictObject({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }),
  ]),
  tools: z
    .strictObject({
      functions: z.array(ToolSpecSchema).min(1).max(64),
      choice: z.union([z.enum(['auto', 'required']), z.strictObject({ name: z.string().min(1).max(64) })]),
    })
    .nullable(),
});
export type OutputRules = z.infer<typeof OutputRulesSchema>;

/** A function call in an answer: the arguments as JSON text. */
export const AnswerToolCallSchema = z.strictObject({ name: z.string(), arguments: z.string() });
export type AnswerToolCall = z.infer<typeof AnswerToolCallSchema>;

/** A state file the engine wrote (main stores it and deletes the file). */
export const WrittenStateSchema = z.strictObject({
  path: z.string(),
  tokenCount: z.int().min(0),
  byteSize: z.int().min(0),
});
export type WrittenState = z.infer<typeof WrittenStateSchema>;

export const GenerateResultSchema = z.strictObject({
  text: z.string(),
  stopReason: z.enum(['end_of_turn', 'max_tokens', 'aborted']),
  /** Prompt tokens evaluated for this answer. */
  promptTokens: z.int().min(0),
  /** Prompt tokens the answer started from without evaluating them (a saved state, the live sequence). */
  cachedTokens: z.int().min(0),
  completionTokens: z.int().min(0),
  timeToFirstTokenMs: z.number().min(0).nullable(),
  tokensPerSecond: z.number().min(0).nullable(),
  context: ContextPreparationSchema,
  /** The functions the model called (answers to requests with tools only). */
  toolCalls: z.array(AnswerToolCallSchema).optional(),
});
export type GenerateResult = z.infer<typeof GenerateResultSchema>;

export const TurnResultSchema = GenerateResultSchema.extend({
  /** The state after the system prompt, when asked for. */
  promptState: WrittenStateSchema.nullable(),
  /** The state after the whole turn (question and answer), when asked for and not skipped. */
  turnState: WrittenStateSchema.nullable(),
  turnStateSkipped: z.string().nullable(),
  /**
   * The engine's sequence now holds this turn, closed (history and answer, as the next turn's
   * rendering starts): the next turn may start from it with `resume: { kind: 'live' }`.
   */
  live: z.boolean(),
  /** What the turn cost, counted: tokens produced by tokenizing renderings, tokens evaluated. */
  work: z.strictObject({
    promptTokenized: z.int().min(0),
    promptEvaluated: z.int().min(0),
    closingTokenized: z.int().min(0),
    closingEvaluated: z.int().min(0),
    /** The answer was evaluated again to close the turn (its tokens differ from their re-tokenization). */
    answerReread: z.boolean(),
    /**
     * Timed, for benchmarks: closing the turn (llama.cpp evaluating the template's end-of-turn
     * tokens, or the answer again), and writing the turn's state file.
     */
    closingMs: z.number().min(0),
    stateSaveMs: z.number().min(0),
  }),
});
export type TurnResult = z.infer<typeof TurnResultSchema>;

export const CompletionResultSchema = z.strictObject({
  text: z.string(),
  stopReason: z.enum(['end_of_turn', 'max_tokens', 'aborted']),
  promptTokens: z.int().min(0),
  completionTokens: z.int().min(0),
});
export type CompletionResult = z.infer<typeof CompletionResultSchema>;

/** A model file read with node-llama-cpp's GGUF reader: the planner's facts and the tokenizer. */
export const ModelInspectionSchema = z.strictObject({
  facts: ModelFactsSchema,
  /** The file's identity, as saved states record it (sha256 of header, metadata, tensor table; size). */
  fingerprint: z.string(),
  /** tokenizer.ggml.model: "gpt2", "llama", "rwkv", … */
  tokenizer: z.string().nullable(),
  vocabularySize: z.int().min(0),
  /** The chat template in the file (first 4,000 characters); null when it has none. */
  chatTemplate: z.string().nullable(),
});
export type ModelInspection = z.infer<typeof ModelInspectionSchema>;

/** Threads for an embedding or reranking model's context. */
const SideThreadsSchema = z.int().min(1).max(256);

export const engineCalls = {
  /** Liveness: a real round trip through the engine's event loop, with its memory use. */
  ping: call(
    z.strictObject({}),
    z.strictObject({ pid: z.int(), uptimeMs: z.number(), rssBytes: z.number(), heapUsedBytes: z.number() }),
  ),
  loadModel: call(
    z.strictObject({
      modelPath: z.string().min(1),
      contextSize: z.int().min(16).max(1_048_576),
      threads: z.int().min(1).max(256),
      gpu: GpuChoiceSchema,
      /** Layers offloaded to the GPU (ignored on the CPU path). */
      gpuLayers: z.int().min(0).max(10_000),
      batchSize: z.int().min(1).max(65_536),
    }),
    EngineLoadedModelSchema,
  ),
  /**
   * Embeddings of texts with an embedding model (loaded beside the chat model, on the same
   * backend), L2-normalised, so a dot product is the cosine similarity.
   */
  embed: call(
    z.strictObject({
      modelPath: z.string().min(1),
      texts: z.array(z.string().max(20_000)).min(1).max(64),
      /** Threads for the side model's context (the plan's, as for a chat model). */
      threads: SideThreadsSchema,
    }),
    /** `tokens`: the texts' length in the model's tokens, together (the API reports it). */
    z.strictObject({ dims: z.int().min(1), vectors: z.array(z.array(z.number())), tokens: z.int().min(0) }),
  ),
  /**
   * Relevance of each document to the query from a reranking model (llama.cpp's rank pooling),
   * in [0, 1], in the documents' order; loaded beside the chat model like the embedding model.
   */
  rank: call(
    z.strictObject({
      modelPath: z.string().min(1),
      query: z.string().min(1).max(20_000),
      documents: z.array(z.string().max(20_000)).min(1).max(64),
      threads: SideThreadsSchema,
    }),
    z.strictObject({ scores: z.array(z.number().min(0).max(1)) }),
  ),
  /** Reads a model file's facts (for the planner) and tokenizer details without loading it. */
  inspectModel: call(z.strictObject({ modelPath: z.string().min(1) }), ModelInspectionSchema),
  /**
   * Renders the model's chat template as a load would (wrapper detection, then one sample chat).
   * Only the throwaway trial engine runs it, under main's deadline: a template can loop forever.
   */
  renderChatTemplate: call(
    z.strictObject({ modelPath: z.string().min(1) }),
    z.strictObject({ chatWrapper: z.string(), rendered: z.boolean() }),
  ),
  /** CPU, memory, bandwidth, NPUs (Hearth's addon or fallback) and GPUs (node-llama-cpp). */
  probeHardware: call(
    z.strictObject({
      bandwidthMs: z.int().min(0).max(5_000),
      /** false: skip starting each GPU backend (the CPU path is forced anyway). */
      gpus: z.boolean(),
    }),
    HardwareProfileSchema,
  ),
  unloadModel: call(z.strictObject({}), z.strictObject({ unloaded: z.boolean() })),
  /**
   * Answers the last user turn of `history`; text streams as `token` events for `requestId`, and an
   * `answered` event comes as soon as the answer is complete, before the turn's state is saved.
   */
  generate: call(
    z.strictObject({
      requestId: z.string().min(1).max(100),
      systemPrompt: z.string(),
      history: z.array(ChatTurnSchema).min(1),
      sampling: SamplingSchema,
      /**
       * Where the turn starts: a verified state file (a closed turn, or the system prompt), or what
       * the engine's sequence still holds from the turn `key` (an answer's request id). `items` is
       * how many history items (the system prompt counts as one) the starting point covers: only
       * the items after them are rendered. Whatever does not fit is re-read from `history`.
       * `sha256`, when set: main lent the file from its on-disk copy without reading it, and the
       * engine checks the bytes against the checksum they were stored with.
       */
      resume: z
        .discriminatedUnion('kind', [
          z.strictObject({
            kind: z.literal('state'),
            path: z.string().min(1),
            items: z.int().min(1),
            sha256: Sha256Schema.nullable(),
          }),
          z.strictObject({
            kind: z.literal('prompt-cache'),
            path: z.string().min(1),
            items: z.literal(1),
            sha256: Sha256Schema.nullable(),
          }),
          z.strictObject({ kind: z.literal('live'), key: z.string().min(1).max(100), items: z.int().min(1) }),
        ])
        .nullable(),
      /** Stop sequences, JSON schema, tools (the local API); absent: the chat template alone. */
      output: OutputRulesSchema.optional(),
      /** Where to write the state after the system prompt (for the prompt cache). */
      savePromptState: z.strictObject({ path: z.string().min(1) }).nullable(),
      /** Where to write the state after this turn, unless it would be larger than `maxBytes`. */
      saveTurnState: z.strictObject({ path: z.string().min(1), maxBytes: z.int().min(0) }).nullable(),
    }),
    TurnResultSchema,
  ),
  /**
   * Continues raw text (no chat template: the API's /v1/completions) on the chat model's sequence;
   * text streams as `token` events for `requestId`. The sequence no longer holds any chat turn after.
   */
  complete: call(
    z.strictObject({
      requestId: z.string().min(1).max(100),
      prompt: z.string().min(1).max(4_000_000),
      sampling: SamplingSchema,
      stop: StopSequencesSchema,
    }),
    CompletionResultSchema,
  ),
  abort: call(z.strictObject({ requestId: z.string().min(1).max(100) }), z.strictObject({ aborted: z.boolean() })),
  /**
   * Loads a verified turn state into the sequence ahead of the next message (a conversation was
   * opened): the sequence then holds the turn `key` covering `items` history items, and the next
   * `generate` may start from it with `resume: { kind: 'live' }`. `loaded: false` says why not.
   */
  preload: call(
    z.strictObject({
      key: z.string().min(1).max(100),
      path: z.string().min(1),
      items: z.int().min(1),
      sha256: Sha256Schema.nullable(),
    }),
    z.strictObject({ loaded: z.boolean(), rejected: z.string().nullable() }),
  ),
} as const;
export type EngineCalls = typeof engineCalls;
export type EngineCallName = keyof EngineCalls;

export const engineEvents = {
  loadProgress: z.strictObject({ modelPath: z.string(), progress: z.number().min(0).max(1) }),
  token: z.strictObject({ requestId: z.string(), text: z.string(), tokens: z.int().min(0) }),
  answered: z.strictObject({ requestId: z.string(), result: GenerateResultSchema }),
  /**
   * Sent just before and after llama.cpp reads a saved state: if the engine dies in between, main
   * knows the state took it down and answers again without it.
   */
  resuming: z.strictObject({ requestId: z.string(), done: z.boolean() }),
  /** llama.cpp's own log lines, so a failed load can show its real reason. */
  log: z.strictObject({ level: z.enum(['error', 'warn', 'info', 'debug']), message: z.string() }),
} as const;
export type EngineEvents = typeof engineEvents;
export type EngineEventName = keyof EngineEvents;

/** main → engine */
export const EngineRequestFrameSchema = z.strictObject({
  type: z.literal('request'),
  id: z.int().min(0),
  method: z.string().max(100),
  params: z.unknown(),
});
export type EngineRequestFrame = z.infer<typeof EngineRequestFrameSchema>;

/** engine → main */
export const EngineFrameSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready'), pid: z.int() }),
  z.strictObject({ type: z.literal('response'), id: z.int().min(0), result: CallResultSchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
  /** Sent when the engine cannot even parse a frame: main learns which side is broken. */
  z.strictObject({ type: z.literal('protocolError'), error: AppErrorSchema }),
]);
export type EngineFrame = z.infer<typeof EngineFrameSchema>;
