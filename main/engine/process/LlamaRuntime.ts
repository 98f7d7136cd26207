import { basename } from 'node:path';
import {
  getLlama,
  type ChatHistoryItem,
  type Llama,
  LlamaChat,
  type LlamaContext,
  LlamaLogLevel,
  type LlamaModel,
} from 'node-llama-cpp';
import {
  AppError,
  type CallInput,
  type EngineCalls,
  type EngineLoadedModel,
  type GenerateResult,
  type GpuChoice,
} from '../../../contract/index.js';
import { checkModelFile } from './checkModelFile.js';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface RuntimeCallbacks {
  log(level: LogLevel, message: string): void;
}

interface Loaded {
  model: LlamaModel;
  context: LlamaContext;
  chat: LlamaChat;
  info: EngineLoadedModel;
}

/** How long llama.cpp's log lines keep arriving after a failed load (they are asynchronous). */
const LOG_SETTLE_MS = 150;

/**
 * node-llama-cpp, as the engine process uses it: one model and one context at a time, chats
 * answered from a full history. Only this file imports node-llama-cpp's runtime.
 */
export class LlamaRuntime {
  readonly #callbacks: RuntimeCallbacks;
  #llama: { instance: Llama; gpu: GpuChoice } | null = null;
  #loaded: Loaded | null = null;
  readonly #generations = new Map<string, AbortController>();
  readonly #recentErrors: string[] = [];

  constructor(callbacks: RuntimeCallbacks) {
    this.#callbacks = callbacks;
  }

  async load(
    params: CallInput<EngineCalls, 'loadModel'>,
    onProgress: (progress: number) => void,
  ): Promise<EngineLoadedModel> {
    const started = performance.now();
    const fileInfo = await checkModelFile(params.modelPath);
    await this.unload();
    const llama = await this.#getLlama(params.gpu, params.threads);
    this.#recentErrors.length = 0;
    let model: LlamaModel;
    try {
      model = await llama.loadModel({
        modelPath: params.modelPath,
        onLoadProgress: onProgress,
        // A forged or hand-made file may not match node-llama-cpp's size estimates; the engine's
        // own memory watchdog is the safety net.
        ignoreMemorySafetyChecks: true,
      });
    } catch (error) {
      throw await this.#loadError(params.modelPath, error);
    }
    try {
      const trained = model.trainContextSize;
      const contextSize = Math.max(16, Math.min(params.contextSize, trained > 0 ? trained : params.contextSize));
      const context = await model.createContext({
        contextSize,
        sequences: 1,
        threads: params.threads,
        ignoreMemorySafetyChecks: true,
      });
      const chat = new LlamaChat({ contextSequence: context.getSequence(), autoDisposeSequence: true });
      const general = fileInfo.metadata.general;
      const info: EngineLoadedModel = {
        modelPath: params.modelPath,
        architecture: String(general.architecture),
        name: typeof general.name === 'string' ? general.name : null,
        chatWrapper: chat.chatWrapper.wrapperName,
        trainedContextLength: trained,
        contextSize: context.contextSize,
        threads: params.threads,
        gpu: llama.gpu === false ? 'cpu' : llama.gpu,
        loadMs: performance.now() - started,
      };
      this.#loaded = { model, context, chat, info };
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

  async generate(
    params: CallInput<EngineCalls, 'generate'>,
    onText: (text: string, tokens: number) => void,
  ): Promise<GenerateResult> {
    const loaded = this.#loaded;
    if (!loaded) throw new AppError('no_model', 'No model is loaded in the engine.');
    if (this.#generations.size > 0) throw new AppError('busy', 'The engine is already answering.');
    const controller = new AbortController();
    this.#generations.set(params.requestId, controller);

    const history: ChatHistoryItem[] = [];
    if (params.systemPrompt.trim()) history.push({ type: 'system', text: params.systemPrompt });
    for (const turn of params.history) {
      history.push(turn.role === 'user' ? { type: 'user', text: turn.text } : { type: 'model', response: [turn.text] });
    }
    history.push({ type: 'model', response: [] });

    const meter = loaded.chat.sequence.tokenMeter;
    const inputBefore = meter.usedInputTokens;
    const outputBefore = meter.usedOutputTokens;
    const started = performance.now();
    let firstTokenAt: number | null = null;
    try {
      const response = await loaded.chat.generateResponse(history, {
        signal: controller.signal,
        stopOnAbortSignal: true,
        maxTokens: params.sampling.maxTokens,
        temperature: params.sampling.temperature,
        topP: params.sampling.topP,
        ...(params.sampling.seed !== null && { seed: params.sampling.seed }),
        onToken: (tokens) => {
          firstTokenAt ??= performance.now();
          onText('', tokens.length);
        },
        onTextChunk: (text) => onText(text, 0),
      });
      const finished = performance.now();
      const completionTokens = meter.usedOutputTokens - outputBefore;
      const decodeSeconds = firstTokenAt === null ? 0 : (finished - firstTokenAt) / 1000;
      const stop = response.metadata.stopReason;
      return {
        text: response.response,
        stopReason: stop === 'abort' ? 'aborted' : stop === 'maxTokens' ? 'max_tokens' : 'end_of_turn',
        promptTokens: meter.usedInputTokens - inputBefore,
        completionTokens,
        timeToFirstTokenMs: firstTokenAt === null ? null : firstTokenAt - started,
        tokensPerSecond: completionTokens > 1 && decodeSeconds > 0 ? (completionTokens - 1) / decodeSeconds : null,
      };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('generation_failed', `Generation failed: ${(error as Error).message}`);
    } finally {
      this.#generations.delete(params.requestId);
    }
  }

  abort(requestId: string): boolean {
    const controller = this.#generations.get(requestId);
    controller?.abort();
    return controller !== undefined;
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
    return new AppError('model_load_failed', `llama.cpp could not load ${basename(modelPath)}: ${detail}`);
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
