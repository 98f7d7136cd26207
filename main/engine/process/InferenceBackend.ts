import type {
  CallInput,
  CompletionResult,
  EngineCalls,
  EngineLoadedModel,
  GenerateResult,
  ModelInspection,
  TurnResult,
} from '../../../contract/index.js';

/**
 * What the engine process needs from an inference runtime. node-llama-cpp (llama.cpp: CPU, CUDA,
 * Vulkan, Metal) is the one implementation today (`LlamaRuntime`). A runtime for NPUs — OpenVINO
 * GenAI on Intel, Ryzen AI on AMD — would implement the same interface beside it, so the
 * supervisor, the chat service and the saved-state machinery stay as they are; detected NPUs are
 * shown in Settings and reported as not used until such a runtime exists.
 */
export interface InferenceBackend {
  /** Loads one model with one context, replacing any loaded before. */
  load(params: CallInput<EngineCalls, 'loadModel'>, onProgress: (progress: number) => void): Promise<EngineLoadedModel>;
  unload(): Promise<boolean>;
  /** One chat turn, streaming text; `onAnswered` before the turn's state is saved. */
  generate(
    params: CallInput<EngineCalls, 'generate'>,
    onText: (text: string, tokens: number) => void,
    onAnswered: (result: GenerateResult) => void,
    /** Before (false) and after (true) llama.cpp reads the turn's saved state. */
    onResuming?: (done: boolean) => Promise<void>,
  ): Promise<TurnResult>;
  /** Raw text continued (no chat template), streaming text. */
  complete(
    params: CallInput<EngineCalls, 'complete'>,
    onText: (text: string, tokens: number) => void,
  ): Promise<CompletionResult>;
  abort(requestId: string): boolean;
  /** Loads a verified turn state ahead of the next message; the sequence then holds turn `key`. */
  preload(params: CallInput<EngineCalls, 'preload'>): Promise<{ loaded: boolean; rejected: string | null }>;
  /** A model file's facts, without loading it. */
  inspect(modelPath: string): Promise<ModelInspection>;
  /** L2-normalised embeddings of texts with an embedding model. */
  embed(
    modelPath: string,
    texts: readonly string[],
    threads: number,
  ): Promise<{ dims: number; vectors: number[][]; tokens: number }>;
  /** Each document's relevance to the query (0..1) from a reranking model. */
  rank(modelPath: string, query: string, documents: readonly string[], threads: number): Promise<{ scores: number[] }>;
}
