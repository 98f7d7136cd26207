import { totalmem } from 'node:os';
import { basename } from 'node:path';
import {
  AppError,
  type CallInput,
  type CallOutput,
  type CompletionResult,
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
export type CompleteParams = CallInput<EngineCalls, 'complete'>;

/** A closed turn held in the engine's sequence: the answer's request id, the history items it covers, its text. */
export interface LiveTurn {
  key: string;
  items: number;
  answer: string;
}
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
  | { type: 'loadProgress'; modelPath: string; progress: number }
  /** A turn is done in the engine: what it cost, and whether the engine holds it closed. */
  | { type: 'turnDone'; requestId: string; live: boolean; work: TurnResult['work'] };

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
  /**
   * The engine died while reading the turn's saved state: the turn is answered again without it
   * (re-reading the history), and the caller should stop offering that state.
   */
  onResumeCrashed?: (reason: string) => void;
  signal?: AbortSignal;
}

const LOG_LINES_KEPT = 200;
/** Lines of a process's own output kept to explain its exit. */
const OWN_LINES_KEPT = 40;

interface RequestListener extends GenerateOptions {
  progress: { started: boolean; resuming: boolean };
}

interface ExitRecord {
  reason: string;
  /** Ended on purpose (shutdown): nothing to retry or report. */
  expected: boolean;
}

/**
 * Owns the engine process: starts it on demand, serialises model loads and generations, checks
 * that it is alive with real requests under a deadline, kills it when it hangs or outgrows its
 * memory limit, and says why it ended. A dead engine fails its pending requests with
 * `engine_stopped`; the next request starts a fresh one, and loads the model into it first.
 *
 * Whatever the timing of a crash, a turn runs on the process its model was loaded into; a turn
 * whose engine dies before the answer starts (killed a moment before, hung, or taken down by the
 * saved state it was reading) is answered once more in a fresh engine, and a load whose engine
 * dies is tried once more before the model is blamed.
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
  /** The process the loaded model lives in: a model is never assumed loaded in another one. */
  #loadedOn: EngineClient | null = null;
  readonly #exits = new WeakMap<EngineClient, ExitRecord>();
  /** The closed turn the engine's sequence holds (see TurnResult.live), and the process holding it. */
  #live: (LiveTurn & { client: EngineClient }) | null = null;
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

  /**
   * The closed turn the engine's sequence still holds, if the process and model that answered it
   * are still the ones running: a next turn may start from it without reading a saved state.
   */
  get liveTurn(): LiveTurn | null {
    const live = this.#live;
    if (!live || live.client !== this.#client || live.client.exited || this.#loadedOn !== live.client) return null;
    return { key: live.key, items: live.items, answer: live.answer };
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
    return this.#exclusive(async () => (await this.#ensureModel(params, onProgress)).loaded);
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
      let request: GenerateParams | null = null;
      let builtFor: EngineLoadedModel | null = null;
      let resumeCrashed: string | null = null;
      for (let attempt = 1; ; attempt++) {
        if (options.signal?.aborted) throw abortedBeforeStart();
        const { client, loaded } = await this.#ensureModel(model, options.onLoadProgress);
        // A retry reuses the request (and its scratch files) when the fresh engine loaded the same
        // model, unless it started from the dead engine's memory (it plans again, from saved states).
        if (!request || !builtFor || !sameIdentity(builtFor, loaded) || request.resume?.kind === 'live') {
          request = await build(loaded);
          builtFor = loaded;
        }
        if (resumeCrashed) request = { ...request, resume: null };
        if (options.signal?.aborted) throw abortedBeforeStart();
        const listener: RequestListener = { ...options, progress: { started: false, resuming: false } };
        try {
          return await this.#generateOn(client, request, listener, resumeCrashed);
        } catch (error) {
          const stop = this.#unexpectedStop(client, error);
          if (attempt > 1 || !stop || listener.progress.started) throw error;
          if (listener.progress.resuming && request.resume) {
            resumeCrashed = `the engine stopped while reading it (${stop})`;
            options.onResumeCrashed?.(resumeCrashed);
          }
          this.#warn(`The engine stopped before the answer started (${stop}); answering again in a fresh engine.`);
        }
      }
    });
  }

  async #generateOn(
    client: EngineClient,
    request: GenerateParams,
    listener: RequestListener,
    resumeCrashed: string | null,
  ): Promise<TurnResult> {
    // The state that took the last engine down is reported as refused, like any other bad state.
    const withRefusal = <T extends GenerateResult>(result: T): T =>
      resumeCrashed
        ? {
            ...result,
            context: {
              ...result.context,
              rejected: [result.context.rejected, `the saved state was refused: ${resumeCrashed}`]
                .filter(Boolean)
                .join('; '),
            },
          }
        : result;
    const onAnswered = listener.onAnswered;
    const withRefusalListener: RequestListener = {
      ...listener,
      ...(onAnswered && { onAnswered: (result: GenerateResult) => onAnswered(withRefusal(result)) }),
    };
    return this.#streaming(client, request.requestId, withRefusalListener, async () => {
      const result = withRefusal(await client.request('generate', request));
      if (result.live) {
        const items = request.history.length + (request.systemPrompt.trim() ? 1 : 0) + 1;
        this.#live = { client, key: request.requestId, items, answer: result.text };
      }
      this.#emit({ type: 'turnDone', requestId: request.requestId, live: result.live, work: result.work });
      return result;
    });
  }

  /**
   * Runs a request whose text streams back as events: its listener is registered for the events,
   * aborting its signal asks the engine to stop it, and the engine is 'generating' meanwhile. The
   * sequence changes, so whatever closed turn it held is forgotten first.
   */
  async #streaming<T>(
    client: EngineClient,
    requestId: string,
    listener: RequestListener,
    run: () => Promise<T>,
  ): Promise<T> {
    this.#requestListeners.set(requestId, listener);
    const onAbort = () => void client.request('abort', { requestId }).catch(() => undefined);
    listener.signal?.addEventListener('abort', onAbort, { once: true });
    this.#setState('generating');
    this.#live = null;
    try {
      return await run();
    } finally {
      this.#requestListeners.delete(requestId);
      listener.signal?.removeEventListener('abort', onAbort);
      if (this.#client === client) this.#setState('ready');
    }
  }

  /**
   * Eager resume: loads a turn's saved state into the engine before its next message, in the
   * engine's queue like any other work. Only for the model already loaded: opening a conversation
   * never starts an engine, loads or unloads a model (the start-up warm-up loads the last-used
   * one). `build` names the
   * state once the model's identity is known (null: nothing to load). Resolves with whether the
   * engine now holds that turn; a failure is not an error (the next turn reads the state itself).
   */
  preload(
    model: LoadParams,
    build: (
      loaded: EngineLoadedModel,
    ) => Promise<{ key: string; path: string; items: number; sha256: string | null; answer: string } | null>,
  ): Promise<boolean> {
    return this.#exclusive(async () => {
      if (!this.#loaded || !this.#loadedParams || !sameLoad(this.#loadedParams, model)) return false;
      if (!this.#client || this.#loadedOn !== this.#client || this.#client.exited) return false;
      const { client, loaded } = await this.#ensureModel(model);
      const request = await build(loaded);
      if (!request) return false;
      this.#live = null;
      const { answer, ...params } = request;
      const result = await client.request('preload', params);
      if (result.loaded) this.#live = { client, key: request.key, items: request.items, answer };
      else this.#warn(`A saved state was not loaded ahead of the next message: ${result.rejected ?? 'unknown reason'}`);
      return result.loaded;
    });
  }

  /**
   * Raw text continued by `model` (the API's /v1/completions), loaded if needed, in one exclusive
   * turn like `generate`. The engine's sequence then holds no chat turn.
   */
  complete(
    model: LoadParams,
    request: CompleteParams,
    options: Pick<GenerateOptions, 'onText' | 'onLoadProgress' | 'signal'>,
  ): Promise<CompletionResult> {
    return this.#exclusive(async () => {
      if (options.signal?.aborted) throw abortedBeforeStart();
      const { client } = await this.#ensureModel(model, options.onLoadProgress);
      if (options.signal?.aborted) throw abortedBeforeStart();
      const listener = { ...options, progress: { started: false, resuming: false } };
      return this.#streaming(client, request.requestId, listener, () => client.request('complete', request));
    });
  }

  /** Embeddings for document retrieval; queued with the engine's other work. */
  embed(
    modelPath: string,
    texts: string[],
    threads: number,
  ): Promise<{ dims: number; vectors: number[][]; tokens: number }> {
    return this.#exclusive(async () => (await this.#getClient()).request('embed', { modelPath, texts, threads }));
  }

  /** Reranker scores for document retrieval; queued with the engine's other work. */
  rank(modelPath: string, query: string, documents: string[], threads: number): Promise<{ scores: number[] }> {
    return this.#exclusive(async () =>
      (await this.#getClient()).request('rank', { modelPath, query, documents, threads }),
    );
  }

  /** A model file's facts for the planner (read in the engine: a hostile file cannot hurt main). */
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
      this.#forgetModel();
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
      const timer = setTimeout(() => client.killHard(), 3_000);
      await exited;
      clearTimeout(timer);
    }
    this.#stopping = false;
  }

  readonly #requestListeners = new Map<string, RequestListener>();

  /**
   * The model loaded in a live engine, and that engine: waits for any restart in progress, and
   * loads into the fresh process. An engine that dies while loading (killed, hung, out of memory)
   * is replaced and the load tried once more; only a second death blames the model.
   */
  async #ensureModel(
    params: LoadParams,
    onProgress?: (progress: number) => void,
  ): Promise<{ client: EngineClient; loaded: EngineLoadedModel }> {
    let firstStop: string | null = null;
    for (;;) {
      const client = await this.#getClient();
      if (this.#loadedOn === client && this.#loaded && this.#loadedParams && sameLoad(this.#loadedParams, params)) {
        return { client, loaded: this.#loaded };
      }
      try {
        return { client, loaded: await this.#load(client, params, onProgress) };
      } catch (error) {
        const stop = this.#unexpectedStop(client, error);
        if (!stop) throw error;
        const name = basename(params.modelPath);
        if (firstStop === null) {
          firstStop = stop;
          this.#warn(`The engine stopped while loading ${name} (${stop}); loading it again in a fresh engine.`);
          continue;
        }
        throw AppError.localized('model_load_failed', 'modelLoadStoppedTwice', {
          name,
          first: firstStop,
          second: stop,
        });
      }
    }
  }

  async #load(
    client: EngineClient,
    params: LoadParams,
    onProgress?: (progress: number) => void,
  ): Promise<EngineLoadedModel> {
    this.#loadingPath = params.modelPath;
    this.#live = null;
    this.#setState('loading');
    const progressListener = this.on((event) => {
      if (event.type === 'loadProgress' && event.modelPath === params.modelPath) onProgress?.(event.progress);
    });
    try {
      const loaded = await client.request('loadModel', params);
      if (client.exited) throw AppError.localized('engine_stopped', 'engineStoppedAfterLoad');
      this.#loaded = loaded;
      this.#loadedParams = params;
      this.#loadedOn = client;
      return loaded;
    } catch (error) {
      // A failed load leaves the engine without a model (it unloads before loading).
      this.#forgetModel();
      throw error;
    } finally {
      progressListener();
      this.#loadingPath = null;
      if (this.#client === client) this.#setState(this.#loaded ? 'ready' : 'idle');
    }
  }

  /** Why `client` died, when `error` is its death and nobody asked for it; else null. */
  #unexpectedStop(client: EngineClient, error: unknown): string | null {
    if (!(error instanceof AppError) || error.code !== 'engine_stopped' || !client.exited) return null;
    const exit = this.#exits.get(client);
    if (exit?.expected ?? this.#stopping) return null;
    return exit?.reason ?? error.message;
  }

  #forgetModel(): void {
    this.#live = null;
    this.#loaded = null;
    this.#loadedParams = null;
    this.#loadedOn = null;
  }

  #warn(message: string): void {
    this.#remember(`[engine] ${message}`);
    this.#emit({ type: 'log', level: 'warn', message });
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
    // ggml's abort handler attaches gdb for a backtrace where one is installed, which can outlast
    // the liveness check and turn a clear assertion into "not responding"; the assertion line
    // itself, printed first, is the reason we report.
    const env = { GGML_NO_BACKTRACE: '1', ...this.#options.env };
    const transport = this.#options.launcher({ env, ...(maxOldSpaceMb && { maxOldSpaceMb }) });
    // This process's own lines: the clue to why it ended is never taken from an earlier process.
    const own: string[] = [];
    const remember = (line: string) => {
      own.push(line);
      if (own.length > OWN_LINES_KEPT) own.shift();
      this.#remember(line);
    };
    const client = new EngineClient(transport, {
      onEvent: (event, payload) => {
        if (event === 'log') {
          const log = payload as { level: 'error' | 'warn' | 'info' | 'debug'; message: string };
          remember(`[llama.cpp ${log.level}] ${log.message}`);
          this.#emit({ type: 'log', ...log });
        } else if (event === 'loadProgress') {
          const progress = payload as { modelPath: string; progress: number };
          this.#emit({ type: 'loadProgress', ...progress });
        } else if (event === 'token') {
          const token = payload as { requestId: string; text: string; tokens: number };
          const listener = this.#requestListeners.get(token.requestId);
          if (listener) listener.progress.started = true;
          listener?.onText(token.text, token.tokens);
        } else if (event === 'answered') {
          const answered = payload as { requestId: string; result: GenerateResult };
          const listener = this.#requestListeners.get(answered.requestId);
          if (listener) listener.progress.started = true;
          listener?.onAnswered?.(answered.result);
        } else if (event === 'resuming') {
          const resuming = payload as { requestId: string; done: boolean };
          const listener = this.#requestListeners.get(resuming.requestId);
          if (listener) listener.progress.resuming = !resuming.done;
        }
      },
      onProtocolError: (message) => remember(`[protocol] ${message}`),
    });
    transport.onOutput(remember);
    transport.onExit((exit) => this.#onExit(client, exit, own));
    this.#client = client;

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#killReason = `did not start within ${Math.round(this.#options.startupTimeoutMs / 1000)} s`;
        client.killHard();
        reject(
          AppError.localized('engine_stopped', 'engineStartTimeout', {
            seconds: Math.round(this.#options.startupTimeoutMs / 1000),
          }),
        );
      }, this.#options.startupTimeoutMs);
    });
    try {
      await Promise.race([client.ready(), timeout]);
    } catch (error) {
      const reason = this.#exits.get(client)?.reason ?? (error as Error).message;
      throw AppError.localized('engine_stopped', 'engineCouldNotStart', { reason });
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

  /** The watchdog's kill: SIGKILL on the pid, which a hung or stopped process cannot ignore. */
  #kill(client: EngineClient, reason: string): void {
    this.#killReason = reason;
    client.killHard();
  }

  #onExit(client: EngineClient, exit: EngineExit, ownLines: readonly string[]): void {
    if (client !== this.#client) return;
    const expected = this.#stopping;
    const reason = this.#killReason ?? describeExit(exit, ownLines.slice(-20));
    this.#exits.set(client, { reason, expected });
    this.#remember(`[engine] stopped: ${reason}`);
    this.#stopLiveness();
    this.#client = null;
    this.#forgetModel();
    this.#loadingPath = null;
    if (!expected) this.#lastExit = { reason, at: this.#options.now() };
    client.failAll(
      expected
        ? AppError.localized('engine_stopped', 'engineShutDown')
        : AppError.localized('engine_stopped', 'engineStoppedWithReason', { reason }),
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

function abortedBeforeStart(): AppError {
  return AppError.localized('aborted', 'stoppedBeforeAnswer');
}

/** Whether a request built for one loaded model may run on another load of it. */
function sameIdentity(a: EngineLoadedModel, b: EngineLoadedModel): boolean {
  return a.fingerprint === b.fingerprint && a.engineBuild === b.engineBuild && a.contextSize === b.contextSize;
}

function sameLoad(a: LoadParams, b: LoadParams): boolean {
  return a.modelPath === b.modelPath && a.contextSize === b.contextSize && a.threads === b.threads && a.gpu === b.gpu;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}
