import {
  type CallResult,
  describeIssues,
  type EngineCalls,
  type EngineEventName,
  type EngineEvents,
  type EventPayload,
  EngineRequestFrameSchema,
  engineCalls,
  type Handlers,
  isName,
  toErrorValue,
} from '../../../contract/index.js';
import type { ParentChannel } from './parentChannel.js';
import { LlamaRuntime } from './LlamaRuntime.js';
import { renderChatTemplate } from './renderChatTemplate.js';

/**
 * Token text is sent in small batches: one frame per token would flood the channel. The first
 * text of an answer goes at once (time to the first token is what a user feels).
 */
const TOKEN_FLUSH_MS = 25;

/**
 * The engine process's side of the contract: validates each request frame and its parameters,
 * runs it on the runtime, and answers with a result frame. Nothing thrown escapes as a crash.
 */
export class EngineServer {
  readonly #channel: ParentChannel;
  readonly #runtime: LlamaRuntime;
  readonly #handlers: Handlers<EngineCalls>;
  readonly #startedAt = performance.now();

  constructor(channel: ParentChannel) {
    this.#channel = channel;
    this.#runtime = new LlamaRuntime({ log: (level, message) => this.#emit('log', { level, message }) });
    this.#handlers = {
      ping: async () => {
        const memory = process.memoryUsage();
        return {
          pid: process.pid,
          uptimeMs: performance.now() - this.#startedAt,
          rssBytes: memory.rss,
          heapUsedBytes: memory.heapUsed,
        };
      },
      loadModel: (params) =>
        this.#runtime.load(params, (progress) =>
          this.#emit('loadProgress', { modelPath: params.modelPath, progress: Math.min(1, Math.max(0, progress)) }),
        ),
      unloadModel: async () => ({ unloaded: await this.#runtime.unload() }),
      inspectModel: ({ modelPath }) => this.#runtime.inspect(modelPath),
      renderChatTemplate: ({ modelPath }) => renderChatTemplate(modelPath),
      embed: ({ modelPath, texts, threads }) => this.#runtime.embed(modelPath, texts, threads),
      rank: ({ modelPath, query, documents, threads }) => this.#runtime.rank(modelPath, query, documents, threads),
      probeHardware: ({ bandwidthMs, gpus }) => this.#runtime.probeHardware(bandwidthMs, gpus),
      generate: (params) => this.#generate(params),
      complete: (params) => this.#complete(params),
      abort: async ({ requestId }) => ({ aborted: this.#runtime.abort(requestId) }),
      preload: (params) => this.#runtime.preload(params),
    };
  }

  start(): void {
    this.#channel.onMessage((frame) => void this.#onFrame(frame));
    this.#channel.send({ type: 'ready', pid: process.pid });
  }

  async #onFrame(raw: unknown): Promise<void> {
    const frame = EngineRequestFrameSchema.safeParse(raw);
    if (!frame.success) {
      this.#channel.send({
        type: 'protocolError',
        error: { code: 'invalid_input', message: `Malformed request frame: ${describeIssues(frame.error)}` },
      });
      return;
    }
    const { id, method, params } = frame.data;
    const result = await this.#run(method, params);
    this.#channel.send({ type: 'response', id, result });
  }

  async #run(method: string, params: unknown): Promise<CallResult> {
    if (!isName(engineCalls, method)) {
      return { ok: false, error: { code: 'invalid_input', message: `Unknown engine method: ${method}` } };
    }
    const input = engineCalls[method].input.safeParse(params);
    if (!input.success) {
      return { ok: false, error: { code: 'invalid_input', message: `${method}: ${describeIssues(input.error)}` } };
    }
    try {
      const handler = this.#handlers[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(input.data) };
    } catch (error) {
      return { ok: false, error: toErrorValue(error) };
    }
  }

  async #generate(params: Parameters<Handlers<EngineCalls>['generate']>[0]) {
    const stream = this.#tokenStream(params.requestId);
    try {
      return await this.#runtime.generate(
        params,
        stream.push,
        (result) => {
          // Every streamed piece reaches main before the answer is announced as complete.
          stream.flush();
          this.#emit('answered', { requestId: params.requestId, result });
        },
        (done) =>
          this.#channel.sendNow({ type: 'event', event: 'resuming', payload: { requestId: params.requestId, done } }),
      );
    } finally {
      stream.flush();
    }
  }

  async #complete(params: Parameters<Handlers<EngineCalls>['complete']>[0]) {
    const stream = this.#tokenStream(params.requestId);
    try {
      return await this.#runtime.complete(params, stream.push);
    } finally {
      stream.flush();
    }
  }

  /** `token` events for one request: the first text at once, later text in TOKEN_FLUSH_MS batches. */
  #tokenStream(requestId: string): { push: (chunk: string, count: number) => void; flush: () => void } {
    let text = '';
    let tokens = 0;
    let timer: NodeJS.Timeout | null = null;
    let sentText = false;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!text && !tokens) return;
      this.#emit('token', { requestId, text, tokens });
      text = '';
      tokens = 0;
    };
    const push = (chunk: string, count: number) => {
      text += chunk;
      tokens += count;
      if (!sentText && text) {
        sentText = true;
        flush();
        return;
      }
      timer ??= setTimeout(flush, TOKEN_FLUSH_MS);
    };
    return { push, flush };
  }

  #emit<K extends EngineEventName>(event: K, payload: EventPayload<EngineEvents, K>): void {
    this.#channel.send({ type: 'event', event, payload });
  }
}
