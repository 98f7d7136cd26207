import {
  AppError,
  type CallInput,
  type CallOutput,
  describeIssues,
  type EngineCallName,
  type EngineCalls,
  type EngineEventName,
  type EngineEvents,
  EngineFrameSchema,
  type EventPayload,
  engineCalls,
  engineEvents,
  isName,
} from '../../contract/index.js';
import type { EngineExit, EngineTransport } from './transport/EngineTransport.js';

export interface EngineClientListener {
  onEvent<K extends EngineEventName>(event: K, payload: EventPayload<EngineEvents, K>): void;
  /** A frame that does not fit the contract: the engine is not the engine we expect. */
  onProtocolError(message: string): void;
}

interface Pending {
  method: EngineCallName;
  // The reply is validated against `method`'s output schema before it is handed over.
  resolve: (value: never) => void;
  reject: (error: AppError) => void;
}

/**
 * Main's handle on one engine process: numbered requests, validated replies and events. It knows
 * nothing of restarts; the supervisor makes a new client for each new process.
 */
export class EngineClient {
  readonly #transport: EngineTransport;
  readonly #listener: EngineClientListener;
  readonly #pending = new Map<number, Pending>();
  readonly #ready: Promise<number>;
  #nextId = 1;
  #exited: EngineExit | null = null;

  constructor(transport: EngineTransport, listener: EngineClientListener) {
    this.#transport = transport;
    this.#listener = listener;
    let markReady: (pid: number) => void = () => undefined;
    let failReady: (error: AppError) => void = () => undefined;
    this.#ready = new Promise<number>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    // Nobody may be waiting for readiness when the process dies; that is not an unhandled error.
    this.#ready.catch(() => undefined);
    transport.onMessage((raw) => this.#onFrame(raw, markReady));
    transport.onExit((exit) => {
      this.#exited = exit;
      failReady(AppError.localized('engine_stopped', 'engineStoppedBeforeReady'));
    });
  }

  get pid(): number | undefined {
    return this.#transport.pid;
  }

  get exited(): boolean {
    return this.#exited !== null;
  }

  ready(): Promise<number> {
    return this.#ready;
  }

  request<K extends EngineCallName>(method: K, params: CallInput<EngineCalls, K>): Promise<CallOutput<EngineCalls, K>> {
    if (this.#exited) return Promise.reject(AppError.localized('engine_stopped', 'engineHasStopped'));
    const id = this.#nextId++;
    return new Promise<CallOutput<EngineCalls, K>>((resolve, reject) => {
      this.#pending.set(id, { method, resolve, reject });
      this.#transport.send({ type: 'request', id, method, params });
    });
  }

  /** Fails every request still waiting; called by the supervisor once it knows why the engine died. */
  failAll(error: AppError): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  kill(signal?: NodeJS.Signals): void {
    if (!this.#exited) this.#transport.kill(signal);
  }

  /** SIGKILL on the pid: works on a hung or stopped engine, unlike a polite kill. */
  killHard(): void {
    if (!this.#exited) this.#transport.killHard();
  }

  #onFrame(raw: unknown, markReady: (pid: number) => void): void {
    const parsed = EngineFrameSchema.safeParse(raw);
    if (!parsed.success) {
      this.#listener.onProtocolError(`Malformed frame from the engine: ${describeIssues(parsed.error)}`);
      return;
    }
    const frame = parsed.data;
    switch (frame.type) {
      case 'ready':
        markReady(frame.pid);
        return;
      case 'protocolError':
        this.#listener.onProtocolError(frame.error.message);
        return;
      case 'event': {
        if (!isName(engineEvents, frame.event)) return;
        const payload = engineEvents[frame.event].safeParse(frame.payload);
        if (payload.success) this.#listener.onEvent(frame.event, payload.data);
        else this.#listener.onProtocolError(`Malformed ${frame.event} event: ${describeIssues(payload.error)}`);
        return;
      }
      case 'response': {
        const pending = this.#pending.get(frame.id);
        if (!pending) return;
        this.#pending.delete(frame.id);
        if (!frame.result.ok) {
          pending.reject(AppError.fromValue(frame.result.error));
          return;
        }
        const output = engineCalls[pending.method].output.safeParse(frame.result.value);
        if (output.success) pending.resolve(output.data as never);
        else
          pending.reject(
            new AppError('internal', `Malformed ${pending.method} reply: ${describeIssues(output.error)}`),
          );
        return;
      }
      default:
        frame satisfies never;
    }
  }
}
