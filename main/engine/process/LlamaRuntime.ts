import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  getLlama,
  type Llama,
  LlamaChat,
  LlamaCompletion,
  type LlamaContext,
  type LlamaEmbeddingContext,
  LlamaLogLevel,
  type LlamaModel,
  type LlamaRankingContext,
  resolveChatWrapper,
} from 'node-llama-cpp';
import {
  AppError,
  type CallInput,
  type CompletionResult,
  type EngineCalls,
  type EngineLoadedModel,
  type GenerateResult,
  type GpuChoice,
  type HardwareProfile,
  type ModelInspection,
  RECURRENT_CONTEXT_TOKENS,
  type TurnResult,
} from '../../../contract/index.js';
import { probeMachine } from '../../hardware/probeHardware.js';
import { checkModelFile } from './checkModelFile.js';
import type { InferenceBackend } from './InferenceBackend.js';
import { inspectModel } from './inspectModel.js';
import { probeGpus } from './probeGpus.js';
import { engineBuild, modelFingerprint, stateBytesPerToken, vocabularySize } from './modelIdentity.js';
import { preparedPromptWrapper } from './preparedPromptWrapper.js';
import { learnModelStateLayout, rehearseResume } from './stateFile.js';
import { StateVerifier } from './StateVerifier.js';
import type { StateLayout } from './stateLayout.js';
import { type GenerateParams, loadSavedState, runTurn, type TurnModel } from './runTurn.js';
import { TurnRenderer } from './TurnRenderer.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface RuntimeCallbacks {
  log(level: LogLevel, message: string): void;
}

/** An embedding or reranking model and its context, held beside the chat model. */
interface SideModel<C> {
  path: string;
  threads: number;
  model: LlamaModel;
  context: C;
}

interface Loaded {
  model: LlamaModel;
  context: LlamaContext;
  /** What the context was made with: a replacement gets the same. */
  contextOptions: ChatContextOptions;
  chat: LlamaChat;
  info: EngineLoadedModel;
  turn: TurnModel;
}

interface ChatContextOptions {
  contextSize: number;
  threads: number;
  batchSize: number;
}

/** How long llama.cpp's log lines keep arriving after a failed load (they are asynchronous). */
const LOG_SETTLE_MS = 150;

/**
 * node-llama-cpp, as the engine process uses it: one model and one context at a time, chats
 * answered from a full history. Only this file imports node-llama-cpp's runtime.
 */
export class LlamaRuntime implements InferenceBackend {
  readonly #callbacks: RuntimeCallbacks;
  #llama: { instance: Llama; gpu: GpuChoice } | null = null;
  #embedder: SideModel<LlamaEmbeddingContext> | null = null;
  #ranker: SideModel<LlamaRankingContext> | null = null;
  #loaded: Loaded | null = null;
  readonly #generations = new Map<string, AbortController>();
  readonly #recentErrors: string[] = [];
  readonly #verifier = new StateVerifier();

  constructor(callbacks: RuntimeCallbacks) {
    this.#callbacks = callbacks;
  }

  async load(
    params: CallInput<EngineCalls, 'loadModel'>,
    onProgress: (progress: number) => void,
  ): Promise<EngineLoadedModel> {
    const started = performance.now();
    const { fileInfo, fileSize } = await checkModelFile(params.modelPath);
    await this.unload();
    const llama = await this.#getLlama(params.gpu, params.threads);
    this.#recentErrors.length = 0;
    let model: LlamaModel;
    try {
      model = await llama.loadModel({
        modelPath: params.modelPath,
        onLoadProgress: onProgress,
        gpuLayers: llama.gpu === false ? 0 : params.gpuLayers,
        // A forged or hand-made file may not match node-llama-cpp's size estimates; the engine's
        // own memory watchdog is the safety net.
        ignoreMemorySafetyChecks: true,
      });
    } catch (error) {
      throw await this.#loadError(params.modelPath, error);
    }
    try {
      const trained = model.trainContextSize;
      const recurrent = model.fileInsights.isRecurrent && !model.fileInsights.isHybrid;
      // A recurrent model's memory does not grow with the context: llama.cpp keeps one state per
      // sequence whatever its length, and the context size only bounds node-llama-cpp's token
      // list. A long one lets a conversation run on without a context shift (which would force a
      // re-read): the model still reads everything, compressed into its state.
      const contextSize = recurrent
        ? Math.max(params.contextSize, RECURRENT_CONTEXT_TOKENS)
        : Math.max(16, Math.min(params.contextSize, trained > 0 ? trained : params.contextSize));
      const contextOptions = {
        contextSize,
        threads: params.threads,
        batchSize: Math.min(params.batchSize, contextSize),
      };
      this.#verifier.start();
      const context = await createChatContext(model, contextOptions);
      const wrapper = resolveChatWrapper(model);
      const prompt = preparedPromptWrapper(wrapper);
      const chat = new LlamaChat({
        contextSequence: context.getSequence(),
        chatWrapper: prompt.wrapper,
        autoDisposeSequence: true,
      });
      const general = fileInfo.metadata.general;
      const insights = model.fileInsights;
      const stateKind = insights.isRecurrent ? 'recurrent' : insights.isHybrid ? 'hybrid' : 'attention';
      const vocabulary = vocabularySize(fileInfo);
      const perToken = stateKind === 'recurrent' ? 0 : stateBytesPerToken(fileInfo);
      const info: EngineLoadedModel = {
        modelPath: params.modelPath,
        architecture: String(general.architecture),
        name: typeof general.name === 'string' ? general.name : null,
        chatWrapper: chat.chatWrapper.wrapperName,
        trainedContextLength: trained,
        contextSize: context.contextSize,
        threads: params.threads,
        gpu: llama.gpu === false ? 'cpu' : llama.gpu,
        device:
          llama.gpu === false || model.gpuLayers === 0 ? null : (await llama.getGpuDeviceNames()).join(', ') || null,
        gpuLayers: model.gpuLayers,
        batchSize: context.batchSize,
        cpuVariant: cpuVariant(llama.systemInfo),
        loadMs: performance.now() - started,
        fingerprint: await modelFingerprint(params.modelPath, fileInfo, fileSize),
        engineBuild: engineBuild(llama.llamaCppRelease.release),
        vocabularySize: vocabulary,
        stateKind,
        stateBytesPerToken: perToken,
      };
      const turn: TurnModel = {
        model,
        chat,
        prompt,
        renderer: new TurnRenderer(wrapper, model),
        vocabularySize: vocabulary,
        stateBytesPerToken: perToken,
        live: null,
        verifier: this.#verifier,
        replaceContext: () => this.#replaceContext(),
      };
      turn.stateLayout = await learnLayoutAtLoad(turn, context.contextSize);
      // Whether the template renders turn by turn, with and without a system prompt (a few dozen
      // small renderings), is part of the load: a resumed first message must not pay for it.
      turn.renderer.isIncremental(null);
      turn.renderer.isIncremental({ type: 'system', text: 'system' });
      info.loadMs = performance.now() - started;
      this.#loaded = { model, context, contextOptions, chat, info, turn };
      return info;
    } catch (error) {
      await model.dispose();
      throw await this.#loadError(params.modelPath, error);
    }
  }

  async unload(): Promise<boolean> {
    const loaded = this.#loaded;
    if (!loaded) return false;
    this.#loaded = null;
    for (const controller of this.#generations.values()) controller.abort();
    loaded.chat.dispose();
    await loaded.context.dispose();
    await loaded.model.dispose();
    return true;
  }

  /**
   * The chat context disposed and made again, as it was at load: after a saved state's numbers
   * were refused once llama.cpp had them (see runTurn), nothing of them may stay.
   */
  async #replaceContext(): Promise<void> {
    const loaded = this.#loaded;
    if (!loaded) throw AppError.localized('no_model', 'engineNoModelLoaded');
    loaded.chat.dispose();
    await loaded.context.dispose();
    loaded.context = await createChatContext(loaded.model, loaded.contextOptions);
    loaded.chat = new LlamaChat({
      contextSequence: loaded.context.getSequence(),
      chatWrapper: loaded.turn.prompt.wrapper,
      autoDisposeSequence: true,
    });
    loaded.turn.chat = loaded.chat;
    loaded.turn.live = null;
  }

  async generate(
    params: GenerateParams,
    onText: (text: string, tokens: number) => void,
    onAnswered: (result: GenerateResult) => void,
    onResuming: (done: boolean) => Promise<void> = async () => undefined,
  ): Promise<TurnResult> {
    const loaded = this.#loaded;
    if (!loaded) throw AppError.localized('no_model', 'engineNoModelLoaded');
    if (this.#generations.size > 0) throw AppError.localized('busy', 'engineAlreadyAnswering');
    const controller = new AbortController();
    this.#generations.set(params.requestId, controller);
    try {
      return await runTurn(loaded.turn, params, {
        signal: controller.signal,
        onText,
        onAnswered,
        onResuming,
        log: (message) => this.#callbacks.log('warn', message),
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw AppError.localized('generation_failed', 'generationFailed', { reason: (error as Error).message });
    } finally {
      this.#generations.delete(params.requestId);
    }
  }

  /**
   * Raw text continued on the chat model's sequence (no chat template). What the sequence shares
   * with the prompt is kept; it holds no chat turn afterwards.
   */
  async complete(
    params: CallInput<EngineCalls, 'complete'>,
    onText: (text: string, tokens: number) => void,
  ): Promise<CompletionResult> {
    const loaded = this.#loaded;
    if (!loaded) throw AppError.localized('no_model', 'engineNoModelLoaded');
    if (this.#generations.size > 0) throw AppError.localized('busy', 'engineAlreadyAnswering');
    const controller = new AbortController();
    this.#generations.set(params.requestId, controller);
    loaded.turn.live = null;
    const sequence = loaded.chat.sequence;
    const meter = sequence.tokenMeter;
    const before = { input: meter.usedInputTokens, output: meter.usedOutputTokens };
    const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
    try {
      const { sampling } = params;
      const { response, metadata } = await completion.generateCompletionWithMeta(params.prompt, {
        signal: controller.signal,
        stopOnAbortSignal: true,
        maxTokens: sampling.maxTokens,
        temperature: sampling.temperature,
        topP: sampling.topP,
        ...(sampling.seed !== null && { seed: sampling.seed }),
        ...(params.stop.length > 0 && { customStopTriggers: [...params.stop] }),
        onToken: (tokens) => onText('', tokens.length),
        onTextChunk: (text) => onText(text, 0),
      });
      const stop = metadata.stopReason;
      return {
        text: response,
        stopReason: stop === 'abort' ? 'aborted' : stop === 'maxTokens' ? 'max_tokens' : 'end_of_turn',
        promptTokens: meter.usedInputTokens - before.input,
        completionTokens: meter.usedOutputTokens - before.output,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw AppError.localized('generation_failed', 'generationFailed', { reason: (error as Error).message });
    } finally {
      completion.dispose();
      this.#generations.delete(params.requestId);
    }
  }

  /**
   * Embeddings with an embedding model kept loaded beside the chat model (small: embedding models
   * are tens to hundreds of MB). It is loaded on the current backend, or the CPU when none is up.
   */
  async embed(
    modelPath: string,
    texts: readonly string[],
    threads: number,
  ): Promise<{ dims: number; vectors: number[][]; tokens: number }> {
    this.#embedder = await this.#sideModel(this.#embedder, modelPath, threads, 'cannot make embeddings', (model) =>
      model.createEmbeddingContext({ contextSize: Math.min(2048, model.trainContextSize), threads }),
    );
    const { context, model } = this.#embedder;
    const vectors: number[][] = [];
    let tokens = 0;
    for (const text of texts) {
      tokens += model.tokenize(text).length;
      const { vector } = await context.getEmbeddingFor(text);
      const norm = Math.hypot(...vector) || 1;
      vectors.push(Array.from(vector, (value) => value / norm));
    }
    return { dims: vectors[0]?.length ?? 0, vectors, tokens };
  }

  /**
   * Reranker scores (0..1), with the reranking model kept loaded beside the chat model as the
   * embedding model is. A passage longer than the context is scored in overlapping pieces (the
   * best piece counts) rather than refused.
   */
  async rank(
    modelPath: string,
    query: string,
    documents: readonly string[],
    threads: number,
  ): Promise<{ scores: number[] }> {
    this.#ranker = await this.#sideModel(this.#ranker, modelPath, threads, 'cannot rank passages', (model) =>
      model.createRankingContext({ contextSize: Math.min(4096, model.trainContextSize), threads }),
    );
    const scores = await this.#ranker.context.rankAll(query, [...documents], { onOverflow: 'maxChunk' });
    // A NaN from a broken model would poison every comparison downstream.
    return { scores: scores.map((score) => (Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0)) };
  }

  /**
   * A small model beside the chat model (embedding, reranking): reused while the same file is asked
   * for (with as many threads), replaced when another is. It is loaded on the current backend, or
   * the CPU when none is up; its context gets the threads main planned (a CPU-only llama.cpp set up
   * for it alone would otherwise cap it at one).
   */
  async #sideModel<C extends { dispose(): Promise<void> }>(
    held: SideModel<C> | null,
    modelPath: string,
    threads: number,
    cannot: string,
    create: (model: LlamaModel) => Promise<C>,
  ): Promise<SideModel<C>> {
    if (held && held.path === modelPath && held.threads === threads && !held.model.disposed) return held;
    await held?.context.dispose();
    await held?.model.dispose();
    await checkModelFile(modelPath);
    const llama = await this.#currentOrCpuLlama(threads);
    const model = await llama.loadModel({ modelPath });
    try {
      return { path: modelPath, threads, model, context: await create(model) };
    } catch (error) {
      await model.dispose();
      throw new AppError('model_load_failed', `This model ${cannot}: ${(error as Error).message}`);
    }
  }

  /** A model file's facts for the planner and its tokenizer, without loading it. */
  async inspect(modelPath: string): Promise<ModelInspection> {
    return inspectModel(modelPath, await this.#currentOrCpuLlama());
  }

  /** The machine: CPU, memory, NPUs from Hearth's probe; GPUs from node-llama-cpp. */
  async probeHardware(bandwidthMs: number, withGpus: boolean): Promise<HardwareProfile> {
    const machine = await probeMachine({ bandwidthMs });
    const gpus = withGpus ? await probeGpus(this.#llama?.instance ?? null) : [];
    return { ...machine, gpus, sources: { ...machine.sources, gpus: gpus.length > 0 ? 'llama' : 'none' } };
  }

  /** A turn state loaded ahead of the next message (see the `preload` engine call). */
  async preload(params: CallInput<EngineCalls, 'preload'>): Promise<{ loaded: boolean; rejected: string | null }> {
    const loaded = this.#loaded;
    if (!loaded) throw AppError.localized('no_model', 'engineNoModelLoaded');
    if (this.#generations.size > 0) throw AppError.localized('busy', 'engineAlreadyAnswering');
    const { turn } = loaded;
    turn.live = null;
    try {
      await loadSavedState(turn, params.path, params.sha256, async () => undefined, 'before');
    } catch (error) {
      return { loaded: false, rejected: (error as Error).message };
    }
    const tokens = turn.chat.sequence.nextTokenIndex;
    turn.live = { key: params.key, items: params.items, tokens };
    return { loaded: true, rejected: null };
  }

  abort(requestId: string): boolean {
    const controller = this.#generations.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  async #currentOrCpuLlama(threads = 1): Promise<Llama> {
    return this.#llama?.instance ?? this.#getLlama(false, threads);
  }

  async #getLlama(gpu: GpuChoice, threads: number): Promise<Llama> {
    if (this.#llama && this.#llama.gpu === gpu) return this.#llama.instance;
    if (this.#llama) await this.#llama.instance.dispose();
    const instance = await getLlama({
      gpu,
      // Never compile llama.cpp at run time: the app ships prebuilt binaries, and a build would
      // need a toolchain and the network.
      build: 'never',
      usePrebuiltBinaries: true,
      skipDownload: true,
      progressLogs: false,
      maxThreads: threads,
      logLevel: LlamaLogLevel.warn,
      logger: (level, message) => this.#onLlamaLog(level, message),
    });
    this.#llama = { instance, gpu };
    return instance;
  }

  #onLlamaLog(level: LlamaLogLevel, message: string): void {
    const text = message.trimEnd();
    if (!text) return;
    const mapped: LogLevel =
      level === LlamaLogLevel.error || level === LlamaLogLevel.fatal
        ? 'error'
        : level === LlamaLogLevel.warn
          ? 'warn'
          : level === LlamaLogLevel.debug
            ? 'debug'
            : 'info';
    if (mapped === 'error') {
      this.#recentErrors.push(text);
      if (this.#recentErrors.length > 20) this.#recentErrors.shift();
    }
    this.#callbacks.log(mapped, text);
  }

  /** node-llama-cpp says only "Failed to load model"; llama.cpp's log, a moment later, says why. */
  async #loadError(modelPath: string, error: unknown): Promise<AppError> {
    await new Promise((resolve) => setTimeout(resolve, LOG_SETTLE_MS));
    // node-llama-cpp loads twice (a memory simulation, then for real), so reasons repeat.
    const reasons = [...new Set(this.#recentErrors.map(cleanLogLine))].filter(
      (line) => line && !/^failed to load model/i.test(line),
    );
    const detail = reasons.length > 0 ? reasons.join('; ') : cleanLogLine((error as Error).message);
    return AppError.localized('model_load_failed', 'llamaCouldNotLoad', { file: basename(modelPath), detail });
  }
}

/** `llama_model_load: error loading model: X` → `X`, on one line, without control characters. */
function cleanLogLine(line: string): string {
  return line
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/^(\w+: )+/, '')
    .replace(/^(error loading model: )+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The CPU instruction sets of the llama.cpp backend that was loaded, from its system info line
 * ("CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | …"): on x86 the prebuilt binaries pick a variant per
 * machine, and this says which one runs.
 */
function cpuVariant(systemInfo: string): string {
  const cpuPart = /CPU\s*:([^\n]*)/.exec(systemInfo)?.[1] ?? systemInfo;
  const features = [...cpuPart.matchAll(/([A-Z0-9_]+)\s*=\s*1/g)].map((match) => match[1]);
  return features.length > 0 ? features.join(' ') : 'unknown';
}

/** The chat model's one-sequence context. */
function createChatContext(model: LlamaModel, options: ChatContextOptions): Promise<LlamaContext> {
  return model.createContext({ ...options, sequences: 1, ignoreMemorySafetyChecks: true });
}

/** A short sentence whose tokens make the rehearsal's prompt batch (about the size of a question). */
const REHEARSAL_TEXT = 'What did the travellers find when they reached the river, and where did they rest that night?';

/**
 * The layout of this model's saved states, learned while loading (one token evaluated on the
 * empty sequence, saved, parsed; see stateFile), then one rehearsal of a resume: the first resumed
 * message then only checks its file, and the first decode's and first state load's one-time costs
 * are paid here, not by a message. Undefined when the layout could not be written (a full disk):
 * the first resume learns it then.
 */
async function learnLayoutAtLoad(turn: TurnModel, contextSize: number): Promise<StateLayout | null | undefined> {
  const token = turn.model.tokenize('a')[0];
  if (token === undefined) return null;
  const path = join(tmpdir(), `hearth-layout-${process.pid}-${randomUUID()}.state`);
  const model = { vocabularySize: turn.vocabularySize, contextSize };
  let layout: StateLayout | null;
  try {
    layout = await learnModelStateLayout(turn.chat.sequence, path, token, model);
  } catch {
    return undefined;
  }
  // Only a warm-up: a failure here costs the first message its speed, nothing else.
  await rehearseResume(
    turn.chat.sequence,
    path,
    turn.model.tokenize(REHEARSAL_TEXT),
    model,
    layout,
    turn.verifier,
  ).catch(() => undefined);
  return layout;
}
