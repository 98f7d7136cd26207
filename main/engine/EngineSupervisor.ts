import { totalmem } from 'node:os';
import { basename } from 'node:path';
import {
  AppError,
  type CallInput,
  type CallOutput,
  type EngineCalls,
  type EngineLoadedModel,
  type EngineState,
  type GenerateResult,
  type HardwareProfile,
  type ModelInspection,
  type TurnResult,
} from '../../contract/index.js';
import { describeExit } from './describeExit.js';
import { EngineClient } from './EngineClient.js';
import type { EngineExit, EngineLauncher } from './transport/EngineTransport.js';

export type LoadParams = CallInput<EngineCalls, 'loadModel'>;
export type GenerateParams = CallInput<EngineCalls, 'generate'>;
export type PingResult = CallOutput<EngineCalls, 'ping'>;

export interface SupervisorStatus {
  state: EngineState;
  pid: number | null;
  loaded: EngineLoadedModel | null;
  loadingPath: string | null;
  lastExit: { reason: string; at: number } | null;
  restarts: number;
}

export type SupervisorEvent =
  | { type: 'status'; status: SupervisorStatus }
  /** The engine died without being asked to: crash, kill, watchdog. */
  | { type: 'crashed'; reason: string }
  | { type: 'log'; level: 'error' | 'warn' | 'info' | 'debug'; message: string }
  | { type: 'loadProgress'; modelPath: string; progress: number };

export interface EngineSupervisorOptions {
  launcher: EngineLauncher;
  /** How often the engine must answer a ping while it runs. */
  livenessIntervalMs?: number;
  /** A ping unanswered for this long means the engine hangs: it is killed and replaced. */
  livenessTimeoutMs?: number;
  startupTimeoutMs?: number;
  /** Resident memory above which the engine is killed before it takes the machine down with it. */
  memoryLimitBytes?: number;
  /** A cap on the engine's JavaScript heap (the trial engine: a hostile template or header cannot take GBs). */
  maxOldSpaceMb?: number;
  env?: Record<string, string>;
  now?: () => number;
}

export interface GenerateOptions {
  onText: (text: string, tokens: number) => void;
  /** The answer is complete; its state is being saved. */
  onAnswered?: (result: GenerateResult) => void;
  onLoadProgress?: (progress: number) => void;
  signal?: AbortSignal;
}

const LOG_LINES_KEPT = 200;

/**
 * Owns the engine process: starts it on demand, serialises model loads and generations, checks
 * that it is alive with real requests under a deadline, kills it when it hangs or outgrows its
 * memory limit, and says why it ended. A dead engine fails its pending requests with
 * `engine_stopped`; the next request starts a fresh one.
 */
export class EngineSupervisor {
  readonly #options: Required<Omit<EngineSupervisorOptions, 'env' | 'maxOldSpaceMb'>> &
    Pick<EngineSupervisorOptions, 'maxOldSpaceMb'> & { env: Record<string, string> };
  readonly #listeners = new Set<(event: SupervisorEvent) => void>();
  readonly #log: string[] = [];
  #client: EngineClient | null = null;
  #starting: Promise<EngineClient> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #state: EngineState = 'stopped';
  #loaded: EngineLoadedModel | null = null;
  #loadedParams: LoadParams | null = null;
  #loadingPath: string | null = null;
  #lastExit: { reason: string; at: number } | null = null;
  #restarts = 0;
  #everStarted = false;
  #killReason: string | null = null;
  #stopping = false;
  #liveness: NodeJS.Timeout | null = null;
  #pingInFlight = false;

  constructor(options: EngineSupervisorOptions) {
    this.#options = {
      livenessIntervalMs: 2_000,
      livenessTimeoutMs: 10_000,
      startupTimeoutMs: 30_000,
      memoryLimitBytes: Math.floor(totalmem() * 0.9),
      env: {},
      now: Date.now,
      ...options,
    };
  }

  get status(): SupervisorStatus {
    return {
      state: this.#state,
      pid: this.#client?.pid ?? null,
      loaded: this.#loaded,
      loadingPath: this.#loadingPath,
      lastExit: this.#lastExit,
      restarts: this.#restarts,
    };
  }

  /** The engine's recent log lines and output, oldest first. */
  get recentLog(): readonly string[] {
    return this.#log;
  }

  on(listener: (event: SupervisorEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Loads the model unless the same model with the same parameters is already loaded. */
  ensureModel(params: LoadParams, onProgress?: (progress: number) => void): Promise<EngineLoadedModel> {
    return this.#exclusive(() => this.#ensureModel(params, onProgress));
  }

  /**
   * Loads `model` if needed and answers in one exclusive turn, so another conversation cannot
   * switch the model in between. The request is built once the model is loaded, because which
   * saved state may be used depends on the loaded model's identity. Aborting before the answer
   * starts throws `aborted`. Resolves when the turn's state is saved, after `onAnswered`.
   */
  generate(
    model: LoadParams,
    build: (loaded: EngineLoadedModel) => Promise<GenerateParams>,
    options: GenerateOptions,
  ): Promise<TurnResult> {
    return this.#exclusive(async () => {
      const abortedBeforeStart = () => new AppError('aborted', 'Stopped before the answer started.');
      if (options.signal?.aborted) throw abortedBeforeStart();
      const loaded = await this.#ensureModel(model, options.onLoadProgress);
      const request = await build(loaded);
      if (options.signal?.aborted) throw abortedBeforeStart();
      const client = await this.#getClient();
      const stopListening = this.#onRequestEvents(request.requestId, options);
      const onAbort = () => void client.request('abort', { requestId: request.requestId }).catch(() => undefined);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.#setState('generating');
      try {
        return await client.request('generate', request);
      } finally {
        stopListening();
        options.signal?.removeEventListener('abort', onAbort);
        if (this.#client === client) this.#setState('ready');
      }
    });
  }

  /** A model file's facts for the planner (read in the engine: a hostile file cannot hurt main). */
  /** Embeddings for document retrieval; queued with the engine's other work. */
  embed(modelPath: string, texts: string[]): Promise<{ dims: number; vectors: number[][] }> {
    return this.#exclusive(async () => (await this.#getClient()).request('embed', { modelPath, texts }));
  }

  inspectModel(modelPath: string): Promise<ModelInspection> {
    return this.#exclusive(async () => (await this.#getClient()).request('inspectModel', { modelPath }));
  }

  /** Renders the file's chat template (trial engine only: a template can loop). */
  renderChatTemplate(modelPath: string): Promise<{ chatWrapper: string; rendered: boolean }> {
    return this.#exclusive(async () => (await this.#getClient()).request('renderChatTemplate', { modelPath }));
  }

  probeHardware(bandwidthMs: number, gpus: boolean): Promise<HardwareProfile> {
    return this.#exclusive(async () => (await this.#getClient()).request('probeHardware', { bandwidthMs, gpus }));
  }

  ping(): Promise<PingResult> {
    return this.#getClient().then((client) => client.request('ping', {}));
  }

  /** Unloads the model; the process stays for the next request. */
  unload(): Promise<void> {
    return this.#exclusive(async () => {
      if (!this.#client) return;
      await this.#client.request('unloadModel', {});
      this.#loaded = null;
      this.#loadedParams = null;
      this.#setState('idle');
    });
  }

  /** Ends the engine on purpose (app quit, tests); nothing is reported as a crash. */
  async shutdown(): Promise<void> {
    this.#stopping = true;
    const client = this.#client ?? (await this.#starting?.catch(() => null));
    if (client && !client.exited) {
      const exited = new Promise<void>((resolve) => {
        const unsubscribe = this.on((event) => {
          if (event.type === 'status' && event.status.state === 'stopped') {
            unsubscribe();
            resolve();
          }
        });
      });
      client.kill('SIGTERM');
      const timer = setTimeout(() => client.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    this.#stopping = false;
  }

  readonly #requestListeners = new Map<string, GenerateOptions>();

  #onRequestEvents(requestId: string, options: GenerateOptions): () => void {
    this.#requestListeners.set(requestId, options);
    return () => this.#requestListeners.delete(requestId);
  }

  async #ensureModel(params: LoadParams, onProgress?: (progress: number) => void): Promise<EngineLoadedModel> {
    const client = await this.#getClient();
    if (this.#loaded && this.#loadedParams && sameLoad(this.#loadedParams, params)) return this.#loaded;
    this.#loadingPath = params.modelPath;
    this.#setState('loading');
    const progressListener = this.on((event) => {
      if (event.type === 'loadProgress' && event.modelPath === params.modelPath) onProgress?.(event.progress);
    });
    try {
      const loaded = await client.request('loadModel', params);
      this.#loaded = loaded;
      this.#loadedParams = params;
      return loaded;
    } catch (error) {
      // A failed load leaves the engine without a model (it unloads before loading).
      this.#loaded = null;
      this.#loadedParams = null;
      if (error instanceof AppError && error.code === 'engine_stopped') {
        // Say which file took the engine down: llama.cpp aborts on some malformed models.
        throw new AppError(
          'model_load_failed',
          `The engine stopped while loading ${basename(params.modelPath)}. ${error.message}`,
        );
      }
      throw error;
    } finally {
      progressListener();
      this.#loadingPath = null;
      if (this.#client === client) this.#setState(this.#loaded ? 'ready' : 'idle');
    }
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #getClient(): Promise<EngineClient> {
    if (this.#starting) return this.#starting;
    if (this.#client && !this.#client.exited) return Promise.resolve(this.#client);
    this.#starting = this.#start().finally(() => {
      this.#starting = null;
    });
    return this.#starting;
  }

  async #start(): Promise<EngineClient> {
    if (this.#everStarted) this.#restarts++;
    this.#everStarted = true;
    this.#killReason = null;
    this.#setState('starting');
    const { maxOldSpaceMb } = this.#options;
    const transport = this.#options.launcher({ env: this.#options.env, ...(maxOldSpaceMb && { maxOldSpaceMb }) });
    const client = new EngineClient(transport, {
      onEvent: (event, payload) => {
        if (event === 'log') {
          const log = payload as { level: 'error' | 'warn' | 'info' | 'debug'; message: string };
          this.#remember(`[llama.cpp ${log.level}] ${log.message}`);
          this.#emit({ type: 'log', ...log });
        } else if (event === 'loadProgress') {
          const progress = payload as { modelPath: string; progress: number };
          this.#emit({ type: 'loadProgress', ...progress });
        } else if (event === 'token') {
          const token = payload as { requestId: string; text: string; tokens: number };
          this.#requestListeners.get(token.requestId)?.onText(token.text, token.tokens);
        } else if (event === 'answered') {
          const answered = payload as { requestId: string; result: GenerateResult };
          this.#requestListeners.get(answered.requestId)?.onAnswered?.(answered.result);
        }
      },
      onProtocolError: (message) => this.#remember(`[protocol] ${message}`),
    });
    transport.onOutput((line) => this.#remember(line));
    transport.onExit((exit) => this.#onExit(client, exit));
    this.#client = client;

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#killReason = `did not start within ${Math.round(this.#options.startupTimeoutMs / 1000)} s`;
        client.kill('SIGKILL');
        reject(new AppError('engine_stopped', `The engine ${this.#killReason}.`));
      }, this.#options.startupTimeoutMs);
    });
    try {
      await Promise.race([client.ready(), timeout]);
    } catch (error) {
      const reason = this.#lastExit?.reason ?? (error as Error).message;
      throw new AppError('engine_stopped', `The engine could not start: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    this.#startLiveness(client);
    this.#setState('idle');
    return client;
  }

  #startLiveness(client: EngineClient): void {
    this.#stopLiveness();
    this.#liveness = setInterval(() => void this.#checkLiveness(client), this.#options.livenessIntervalMs);
    this.#liveness.unref();
  }

  #stopLiveness(): void {
    if (this.#liveness) clearInterval(this.#liveness);
    this.#liveness = null;
    this.#pingInFlight = false;
  }

  async #checkLiveness(client: EngineClient): Promise<void> {
    if (this.#pingInFlight || client.exited || client !== this.#client) return;
    this.#pingInFlight = true;
    const { livenessTimeoutMs, memoryLimitBytes } = this.#options;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), livenessTimeoutMs);
    });
    try {
      const answer = await Promise.race([client.request('ping', {}), deadline]);
      if (answer === 'timeout') {
        this.#kill(client, `not responding: no answer to a liveness check within ${livenessTimeoutMs / 1000} s`);
      } else if (answer.rssBytes > memoryLimitBytes) {
        this.#kill(
          client,
          `out of memory: it used ${formatBytes(answer.rssBytes)}, over its limit of ${formatBytes(memoryLimitBytes)}`,
        );
      }
    } catch {
      // The engine died during the ping; its exit handler reports why.
    } finally {
      clearTimeout(timer);
      this.#pingInFlight = false;
    }
  }

  #kill(client: EngineClient, reason: string): void {
    this.#killReason = reason;
    client.kill('SIGKILL');
  }

  #onExit(client: EngineClient, exit: EngineExit): void {
    if (client !== this.#client) return;
    const expected = this.#stopping;
    const reason = this.#killReason ?? describeExit(exit, this.#log.slice(-20));
    this.#remember(`[engine] stopped: ${reason}`);
    this.#stopLiveness();
    this.#client = null;
    this.#loaded = null;
    this.#loadedParams = null;
    this.#loadingPath = null;
    if (!expected) this.#lastExit = { reason, at: this.#options.now() };
    client.failAll(
      expected
        ? new AppError('engine_stopped', 'The engine was shut down.')
        : new AppError('engine_stopped', `Engine stopped: ${reason}`),
    );
    this.#setState('stopped');
    if (!expected) this.#emit({ type: 'crashed', reason });
  }

  #remember(line: string): void {
    this.#log.push(line);
    if (this.#log.length > LOG_LINES_KEPT) this.#log.splice(0, this.#log.length - LOG_LINES_KEPT);
  }

  #setState(state: EngineState): void {
    this.#state = state;
    this.#emit({ type: 'status', status: this.status });
  }

  #emit(event: SupervisorEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

function sameLoad(a: LoadParams, b: LoadParams): boolean {
  return a.modelPath === b.modelPath && a.contextSize === b.contextSize && a.threads === b.threads && a.gpu === b.gpu;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
